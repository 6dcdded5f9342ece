using System.Globalization;
using BenchmarkDotNet.Running;
using Rasid.Bench;

// Benchmarks of Rasid (not tests). See docs/benchmarks.md.
//   corpus [--limit N] [--path FILE] [--repeat R] [--warmup N] [--only LETTERS]   whole-corpus run, Markdown on stdout
//          (--only: a normalize, b analyze, c + clitics, d Lucene, e extraction, f + phrase matching, g/h + place finding (built-in / imported gazetteer), p parallel, x breakdown; for profiling one part)
//   store DB [REPEAT]                                             query latency p50/p95 over an existing store (SQLite file or postgres://)
//   synth DB [--events N] [--seed S]                              write a synthetic SQLite store of N incidents (default 1,000,000) for `store`
//   micro [--wall-clock] [BenchmarkDotNet args]                   BenchmarkDotNet micro-benchmarks on 200 bulk articles (CPU-time clock by default)
const string Usage = """
    usage: Rasid.Bench corpus [--limit N] [--path FILE.jsonl.gz] [--repeat R] [--warmup ARTICLES] [--only abcdefgpx]
           Rasid.Bench store DB [REPEAT]
           Rasid.Bench synth DB [--events N] [--seed S]
           Rasid.Bench micro [--wall-clock] [BenchmarkDotNet arguments, e.g. --filter *Analyze*]
    """;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length == 0)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

try
{
    switch (args[0])
    {
        case "corpus":
            return new CorpusRun(ParseCorpusOptions(args[1..]), Console.Out).Run();
        case "store":
            return StoreQueryRun.Run(args.Length > 1 ? args[1] : "rasid.db", args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200, Console.Out);
        case "synth":
            return RunSynth(args[1..]);
        case "micro":
            bool wallClock = args.Contains("--wall-clock");
            var rest = args[1..].Where(a => a != "--wall-clock").ToArray();
            if (!rest.Any(a => a is "--filter" or "-f" or "--list"))
            {
                rest = [.. rest, "--filter", "*"];
            }

            // Load the sample once in the host so a missing ../shared fails here with a clear message.
            Console.Error.WriteLine($"micro corpus: {MicroCorpus.Texts.Length} articles, {MicroCorpus.Chars} chars, {MicroCorpus.Utf8Bytes} UTF-8 bytes; {MicroCorpus.PlaceNameList.Length} place names");
            var summaries = BenchmarkSwitcher.FromTypes([typeof(TextLayerBenchmarks)]).Run(rest, MicroConfig.Create(wallClock));
            return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
        default:
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
catch (FileNotFoundException e)
{
    Console.Error.WriteLine($"Rasid.Bench: {e.Message}");
    return 3;
}

static int RunSynth(string[] args)
{
    string? db = null;
    int events = 1_000_000, seed = 5;
    for (int i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        switch (args[i])
        {
            case "--events": events = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--seed": seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            default: db = db is null ? args[i] : throw new ArgumentException($"unknown option {args[i]}\n{Usage}"); break;
        }
    }

    return SyntheticStore.Run(db ?? throw new ArgumentException($"synth needs a database file\n{Usage}"), events, seed, Console.Out);
}

static CorpusRunOptions ParseCorpusOptions(string[] args)
{
    string? path = null, only = null;
    int limit = 0, repeat = 3, warmup = 3000;
    for (int i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        switch (args[i])
        {
            case "--limit": limit = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--path": path = Value(); break;
            case "--only": only = Value(); break;
            case "--repeat": repeat = Math.Max(1, int.Parse(Value(), CultureInfo.InvariantCulture)); break;
            case "--warmup": warmup = Math.Max(1, int.Parse(Value(), CultureInfo.InvariantCulture)); break;
            default: throw new ArgumentException($"unknown option {args[i]}\n{Usage}");
        }
    }

    return new CorpusRunOptions(path, limit, repeat, warmup, only);
}
