using System.CommandLine;
using BenchmarkDotNet.Running;

namespace Rasid.Bench.Commands;

/// <summary><c>micro</c>: BenchmarkDotNet micro-benchmarks on 200 bulk articles; any BenchmarkDotNet argument passes through.</summary>
internal static class MicroCommand
{
    public static Command Create()
    {
        var wallClock = new Option<bool>("--wall-clock") { Description = "Time by wall clock instead of CPU time." };
        var cmd = new Command("micro", "BenchmarkDotNet micro-benchmarks (CPU-time clock by default); BenchmarkDotNet arguments follow, e.g. --filter *Analyze*.")
        {
            wallClock,
        };

        // Everything this command does not know (--filter, --job, …) belongs to BenchmarkDotNet.
        cmd.TreatUnmatchedTokensAsErrors = false;
        cmd.SetAction(p =>
        {
            var rest = p.UnmatchedTokens.ToArray();
            if (!rest.Any(a => a is "--filter" or "-f" or "--list"))
            {
                rest = [.. rest, "--filter", "*"];
            }

            // Load the sample once in the host so a missing ../shared fails here with a clear message.
            Console.Error.WriteLine($"micro corpus: {MicroCorpus.Texts.Length} articles, {MicroCorpus.Chars} chars, {MicroCorpus.Utf8Bytes} UTF-8 bytes; {MicroCorpus.PlaceNameList.Length} place names");
            var summaries = BenchmarkSwitcher.FromTypes([typeof(TextLayerBenchmarks)]).Run(rest, MicroConfig.Create(p.GetValue(wallClock)));
            return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
        });
        return cmd;
    }
}
