using System.Diagnostics;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Rasid.Fuzz.Tests;

/// <summary>
/// Runs one fuzz target for its share of the time budget: first a round with the fixed seed (the same inputs on every
/// run, so CI is reproducible), then rounds with seeds drawn from this run's random seed until the budget is spent.
/// Each round is an FsCheck property check, so a failure is shrunk to a small counterexample and names the seed that
/// replays it (RASID_FUZZ_SEED). Executions, failures and the slowest input go to the test output and to
/// TestResults/fuzz-summary.txt.
/// </summary>
/// <remarks>
/// Settings (environment): RASID_FUZZ_SECONDS — total budget over all targets (default 40, for CI; 3600 for an hour);
/// RASID_FUZZ_SEED — the seed of the first round (default <see cref="FixedSeed"/>; give a failing round's seed to replay it);
/// RASID_FUZZ_RANDOM_SEED — the seed the later rounds derive from (default: new each run, printed).
/// </remarks>
internal static class FuzzRun
{
    public const ulong FixedSeed = 20150721UL;

    /// <summary>How many targets share the budget (the [Fact]s of this project that call <see cref="Run{T}"/>).</summary>
    public const int Targets = 11;

    /// <summary>An input slower than this is a failure: no input may stall a batch.</summary>
    public static readonly TimeSpan SlowInput = TimeSpan.FromSeconds(10);

    public static double TotalSeconds { get; } =
        double.TryParse(Environment.GetEnvironmentVariable("RASID_FUZZ_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 40;

    public static ulong FirstSeed { get; } =
        ulong.TryParse(Environment.GetEnvironmentVariable("RASID_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : FixedSeed;

    public static ulong RandomSeed { get; } =
        ulong.TryParse(Environment.GetEnvironmentVariable("RASID_FUZZ_RANDOM_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? s
            : (ulong)Random.Shared.NextInt64(1, long.MaxValue);

    public static TimeSpan PerTarget => TimeSpan.FromSeconds(TotalSeconds / Targets);

    /// <summary>Checks <paramref name="property"/> on inputs from <paramref name="input"/> for this target's share of the budget.</summary>
    /// <param name="roundSize">Inputs per FsCheck round (a failure stops only its round).</param>
    /// <param name="endSize">FsCheck's size at the end of a round (lengths of generated lists and strings grow up to it).</param>
    public static void Run<T>(ITestOutputHelper output, string target, Arbitrary<T> input, Action<T> property, int roundSize = 30, int endSize = 100)
    {
        var budget = PerTarget;
        var clock = Stopwatch.StartNew();
        long executions = 0;
        var slowest = TimeSpan.Zero;
        var failures = new List<string>();
        int round = 0;
        do
        {
            ulong seed = round == 0 ? FirstSeed : unchecked(RandomSeed + (ulong)round * 0x9E3779B97F4A7C15UL);
            var config = Config.QuickThrowOnFailure
                .WithMaxTest(roundSize)
                .WithStartSize(1)
                .WithEndSize(endSize)
                .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)));
            try
            {
                Check.One(config, Prop.ForAll(input, x =>
                {
                    executions++;
                    var one = Stopwatch.StartNew();
                    property(x);
                    var took = one.Elapsed;
                    if (took > slowest)
                    {
                        slowest = took;
                    }

                    if (took > SlowInput)
                    {
                        throw new TimeoutException($"one input took {took.TotalSeconds:F1} s (limit {SlowInput.TotalSeconds} s)");
                    }
                }));
            }
            catch (Exception ex)
            {
                failures.Add($"round {round}, replay with RASID_FUZZ_SEED={seed}:\n{Readable(ex.Message)}");
                if (failures.Count >= 3)
                {
                    break;
                }
            }

            round++;
        }
        while (clock.Elapsed < budget);

        var line = string.Create(CultureInfo.InvariantCulture,
            $"{target,-24} {executions,9} executions {failures.Count,3} failures {round,5} rounds {clock.Elapsed.TotalSeconds,7:F1} s  slowest input {slowest.TotalMilliseconds,8:F1} ms  seeds {FirstSeed}/{RandomSeed}");
        output.WriteLine(line);
        foreach (var f in failures)
        {
            output.WriteLine(f);
        }

        FuzzSummary.Record(target, line, failures);
        Assert.True(failures.Count == 0, $"{target}: {failures.Count} failing round(s)\n\n{string.Join("\n\n", failures)}");
    }

    /// <summary>An assertion whose message (which may render a long input) is built only when it fails.</summary>
    public static void That(bool ok, Func<string> message)
    {
        if (!ok)
        {
            Assert.Fail(message());
        }
    }

    /// <summary>FsCheck's report cut to what one reads: the first line, the shrunk input and the exception, each bounded.</summary>
    internal static string Readable(string report)
    {
        static string Cut(string s, int max) => s.Length > max ? s[..max] + " …" : s;
        int shrunk = report.IndexOf("\nShrunk:", StringComparison.Ordinal);
        int original = report.IndexOf("\nOriginal:", StringComparison.Ordinal);
        int exception = report.IndexOf("\nwith exception:", StringComparison.Ordinal);
        var head = report[..Math.Max(0, report.IndexOf('\n', StringComparison.Ordinal))];
        int inputAt = shrunk >= 0 ? shrunk : original;
        var input = inputAt >= 0 ? report[inputAt..(exception > inputAt ? exception : report.Length)] : string.Empty;
        var error = exception >= 0 ? report[exception..] : (inputAt < 0 ? report : string.Empty);
        return $"{head}{Cut(input, 1500)}{Cut(error, 1500)}";
    }
}

/// <summary>The per-target lines of this run, rewritten to TestResults/fuzz-summary.txt after every target.</summary>
internal static class FuzzSummary
{
    private static readonly SortedDictionary<string, (string Line, List<string> Failures)> Lines = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    public static string PathToFile { get; } = Environment.GetEnvironmentVariable("RASID_FUZZ_SUMMARY")
        ?? System.IO.Path.Combine(Rasid.Tests.SharedData.RepoRoot, "tests", "Rasid.Fuzz.Tests", "TestResults", "fuzz-summary.txt");

    public static void Record(string target, string line, List<string> failures)
    {
        lock (Gate)
        {
            Lines[target] = (line, failures);
            var text = new System.Text.StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"Rasid fuzz run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss} UTC; budget {FuzzRun.TotalSeconds} s over {FuzzRun.Targets} targets; first seed {FuzzRun.FirstSeed}, random seed {FuzzRun.RandomSeed}");
            text.AppendLine(CultureInfo.InvariantCulture, $"corpus: {Corpus.Description}");
            foreach (var (_, (l, _)) in Lines)
            {
                text.AppendLine(l);
            }

            foreach (var (t, (_, f)) in Lines)
            {
                foreach (var failure in f)
                {
                    text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"--- {t} {failure}");
                }
            }

            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(PathToFile)!);
            File.WriteAllText(PathToFile, text.ToString(), new System.Text.UTF8Encoding(false, false)); // lone surrogates in a counterexample must not fail the write
        }
    }
}
