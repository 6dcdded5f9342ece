using System.Globalization;
using BenchmarkDotNet.Running;
using Rasid.Bench;

// Benchmarks of Rasid (not tests). See docs/benchmarks.md.
//   corpus [--limit N] [--path FILE] [--repeat R] [--warmup N] [--only LETTERS]   whole-corpus run, Markdown on stdout
//          (--only: a normalize, b analyze, c + clitics, d Lucene, e extraction, f + phrase matching, g/h + place finding (built-in / imported gazetteer), p parallel, x breakdown; for profiling one part)
//   rates [--limit N] [--path FILE] [--examples K] [--sections a,b] [--events FILE]   events per 100 articles, per newspaper section, with examples
//   store DB [REPEAT]                                             query latency p50/p95 over an existing store (SQLite file or postgres://)
//   web DB [--loads N] [--repeat R] [--rasid PATH/rasid.dll] [--chromium PATH]   rasid serve on DB: API latency and dashboard page load (chromium)
//   soak DB [--limit N] [--path FILE] [--sample S]                 ingest the bulk corpus while the API serves dashboard queries and an analyst's reviews; memory curve and store checks
//   workers --db postgres://… [--workers 1,2] [--threads 1] [--batch 50] [--limit N] [--path FILE] [--force]
//          scale-out run: resets the database, enqueues the bulk dump, runs N real `rasid worker` processes, reports
//   store-scale --db postgres://… [--sizes 20000,100000] [--writers 1,2,4,8] [--sample 2000] [--batch 50] [--seconds 20] [--force]
//          the store part alone as the store grows: docs/s, clustering cost, bytes/doc, writes/s with N writer connections
//   synth DB [--events N] [--seed S]                              write a synthetic SQLite store of N incidents (default 1,000,000) for `store`
//   micro [--wall-clock] [BenchmarkDotNet args]                   BenchmarkDotNet micro-benchmarks on 200 bulk articles (CPU-time clock by default)
const string Usage = """
    usage: Rasid.Bench corpus [--limit N] [--path FILE.jsonl.gz] [--repeat R] [--warmup ARTICLES] [--only abcdefgpx]
           Rasid.Bench rates [--limit N (def. 2000)] [--path FILE.jsonl.gz] [--examples K] [--sections sports,economy] [--events FILE]
           Rasid.Bench store DB [REPEAT]
           Rasid.Bench web DB [--loads N] [--repeat R] [--rasid PATH/rasid.dll] [--chromium /usr/bin/chromium]
           Rasid.Bench soak NEW.db [--limit N] [--path FILE.jsonl.gz] [--sample SECONDS]
           Rasid.Bench workers --db postgres://user:pw@host/db_bench [--workers 1,2] [--threads 1] [--batch 50] [--limit N] [--path FILE] [--force]
           Rasid.Bench store-scale --db postgres://user:pw@host/db_bench [--sizes 20000,100000] [--writers 1,2,4,8] [--sample 2000] [--batch 50] [--seconds 20] [--force]
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
        case "rates":
            return new EventRateRun(ParseRateOptions(args[1..]), Console.Out).Run();
        case "store":
            return StoreQueryRun.Run(args.Length > 1 ? args[1] : "rasid.db", args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200, Console.Out);
        case "web":
            return await WebRun.RunAsync(ParseWebOptions(args[1..]), Console.Out);
        case "soak":
            return RunSoak(args[1..]);
        case "workers":
            return new WorkersRun(ParseWorkersOptions(args[1..]), Console.Out).Run();
        case "store-scale":
            return new StoreScaleRun(ParseStoreScaleOptions(args[1..]), Console.Out).Run();
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
catch (ArgumentException e)
{
    Console.Error.WriteLine($"Rasid.Bench: {e.Message}");
    return 2;
}
catch (FileNotFoundException e)
{
    Console.Error.WriteLine($"Rasid.Bench: {e.Message}");
    return 3;
}

static EventRateOptions ParseRateOptions(string[] args)
{
    string? path = null, sections = null, events = null;
    int limit = 2000, examples = 10;
    for (int i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        switch (args[i])
        {
            case "--limit": limit = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--path": path = Value(); break;
            case "--examples": examples = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--sections": sections = Value(); break;
            case "--events": events = Value(); break;
            default: throw new ArgumentException($"unknown option {args[i]}\n{Usage}");
        }
    }

    return new EventRateOptions(path, limit, examples, sections, events);
}

static WebRunOptions ParseWebOptions(string[] args)
{
    string db = "rasid.db", chromium = "/usr/bin/chromium";
    string? rasid = null;
    int loads = 20, repeat = 50;
    bool dbSeen = false;
    for (int i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        switch (args[i])
        {
            case "--loads": loads = Math.Max(1, int.Parse(Value(), CultureInfo.InvariantCulture)); break;
            case "--repeat": repeat = Math.Max(1, int.Parse(Value(), CultureInfo.InvariantCulture)); break;
            case "--rasid": rasid = Value(); break;
            case "--chromium": chromium = Value(); break;
            default:
                if (dbSeen || args[i].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException($"unknown option {args[i]}");
                }

                db = args[i];
                dbSeen = true;
                break;
        }
    }

    return new WebRunOptions(db, loads, repeat, rasid, chromium);
}

static int RunSoak(string[] args)
{
    if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }

    string? path = null;
    int limit = 0;
    double sample = 3;
    for (int i = 1; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        switch (args[i])
        {
            case "--limit": limit = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--path": path = Value(); break;
            case "--sample": sample = double.Parse(Value(), CultureInfo.InvariantCulture); break;
            default: throw new ArgumentException($"unknown option {args[i]}\n{Usage}");
        }
    }

    return new SoakRun(args[0], path, limit, TimeSpan.FromSeconds(Math.Max(0.5, sample)), Console.Out).Run();
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

static WorkersRunOptions ParseWorkersOptions(string[] args)
{
    string? db = Environment.GetEnvironmentVariable("RASID_BENCH_PG"), path = null;
    int[] workers = [1, 2];
    int threads = 1, batch = 50, limit = 0;
    bool force = false;
    for (int i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        switch (args[i])
        {
            case "--db": db = Value(); break;
            case "--workers": workers = Value().Split(',').Select(w => Math.Max(1, int.Parse(w, CultureInfo.InvariantCulture))).ToArray(); break;
            case "--threads": threads = Math.Max(1, int.Parse(Value(), CultureInfo.InvariantCulture)); break;
            case "--batch": batch = Math.Max(1, int.Parse(Value(), CultureInfo.InvariantCulture)); break;
            case "--limit": limit = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--path": path = Value(); break;
            case "--force": force = true; break;
            default: throw new ArgumentException($"unknown option {args[i]}");
        }
    }

    return new WorkersRunOptions(db ?? throw new ArgumentException("workers needs --db postgres://… (or RASID_BENCH_PG)"), workers, threads, batch, limit, path, force);
}

static StoreScaleOptions ParseStoreScaleOptions(string[] args)
{
    string? db = Environment.GetEnvironmentVariable("RASID_BENCH_PG");
    int[] sizes = [20_000, 100_000], writers = [1, 2, 4, 8];
    int sample = 2000, batch = 50;
    double seconds = 20;
    bool force = false;
    static int[] Ints(string s) => s.Split(',').Select(x => Math.Max(1, int.Parse(x, CultureInfo.InvariantCulture))).ToArray();
    for (int i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        switch (args[i])
        {
            case "--db": db = Value(); break;
            case "--sizes": sizes = Ints(Value()); break;
            case "--writers": writers = Ints(Value()); break;
            case "--sample": sample = Math.Max(1, int.Parse(Value(), CultureInfo.InvariantCulture)); break;
            case "--batch": batch = Math.Max(1, int.Parse(Value(), CultureInfo.InvariantCulture)); break;
            case "--seconds": seconds = double.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--force": force = true; break;
            default: throw new ArgumentException($"unknown option {args[i]}");
        }
    }

    return new StoreScaleOptions(db ?? throw new ArgumentException("store-scale needs --db postgres://… (or RASID_BENCH_PG)"), sizes, writers, sample, batch, seconds, force);
}
