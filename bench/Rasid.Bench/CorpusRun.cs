using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using Rasid.Arabic.Matching;
using Rasid.Arabic.Text;
using Rasid.Extraction;
using Rasid.Geo;

namespace Rasid.Bench;

/// <summary>
/// The whole-corpus run: loads the bulk corpus into memory, then times each stage over the same texts in one process
/// (single-threaded: warm-up pass, then the median of several passes), the analysis stage on all cores, and a
/// per-step breakdown of the analysis layer. Prints Markdown.
/// </summary>
public sealed class CorpusRun
{
    private const double Mega = 1_000_000.0;

    private readonly CorpusRunOptions _options;
    private readonly TextWriter _out;
    private BulkArticle[] _articles = [];
    private string[] _texts = [];
    private long _utf8Bytes;
    private long _chars;
    private long _sink;

    public CorpusRun(CorpusRunOptions options, TextWriter output)
    {
        _options = options;
        _out = output;
    }

    public int Run()
    {
        var path = BulkCorpus.Resolve(_options.Path);
        var load = Stopwatch.StartNew();
        _articles = BulkCorpus.Read(path, _options.Limit).ToArray();
        load.Stop();
        _texts = _articles.Select(a => a.Text).ToArray();
        _utf8Bytes = _texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        _chars = _texts.Sum(t => (long)t.Length);
        MemoryProbe.SettleAndResetPeak();
        long baseRss = MemoryProbe.CurrentRss();

        _out.WriteLine("# Rasid whole-corpus benchmark");
        _out.WriteLine();
        WriteEnvironment(path, load.Elapsed, baseRss);

        using var lucene = new LuceneArabicBaseline();
        var results = new List<StageResult>();
        StageResult? analyze = null, luceneResult = null, extract = null;
        if (Wants('a'))
        {
            results.Add(Measure("(a) Rasid normalize (`ArabicNormalizer.Normalize`)", i => Stages.Normalize(_texts[i], ref _sink)));
        }

        if (Wants('b'))
        {
            results.Add(analyze = Measure("(b) Rasid analyze (`TextAnalyzer.Analyze`: normalize + tokens + sentences + clauses)", i => Stages.Analyze(_texts[i], ref _sink)));
        }

        if (Wants('c'))
        {
            results.Add(Measure("(c) (b) + clitic candidates for every Arabic word", i => Stages.AnalyzeWithClitics(_texts[i], ref _sink)));
        }

        if (Wants('d'))
        {
            results.Add(luceneResult = Measure("(d) Lucene.NET `ArabicAnalyzer` (baseline)", i => lucene.CountTokens(_texts[i], ref _sink)));
        }

        long events = 0;
        double ctorMs = 0;
        if (Wants('e'))
        {
            var ctor = Stopwatch.StartNew();
            var extractor = new ArabicEventExtractor();
            ctorMs = ctor.Elapsed.TotalMilliseconds;
            results.Add(extract = Measure("(e) extraction (`ArabicEventExtractor.Extract`)", i => Stages.Extract(extractor, _articles[i], ref events), beforePass: () => events = 0));
        }

        string? matcherNote = null;
        if (Wants('f'))
        {
            var names = PlaceNames.Read(path);
            if (names is null)
            {
                matcherNote = "(f) skipped: geo/ar_name_index.tsv.gz is not in the shared folder beside the corpus.";
            }
            else
            {
                var build = Stopwatch.StartNew();
                var places = PhraseMatcher<int>.Build(names.Select((name, i) => (name, i)));
                build.Stop();
                long matches = 0;
                var f = Measure("(f) (b) + `PhraseMatcher.FindAll` over the place names of shared/geo", i => Stages.AnalyzeAndMatch(places, _texts[i], ref matches), beforePass: () => matches = 0);
                results.Add(f);
                matcherNote = FormattableString.Invariant(
                    $"Phrase matching: {names.Length} Arabic place names (shared/geo/ar_name_index.tsv.gz) compiled into a token trie in {build.Elapsed.TotalMilliseconds:F0} ms; {matches} matches = {(double)matches / Math.Max(1, _articles.Length):F1} per article.");
            }
        }

        string? geoNote = null;
        if (Wants('g'))
        {
            geoNote = MeasureGeo(path, results);
        }

        if (results.Count > 0)
        {
            WriteStageTable(results, luceneResult?.MegabytesPerSecond(_utf8Bytes));
            _out.WriteLine();
        }

        if (extract is not null)
        {
            Line(
                $"Extraction: extractor built in {ctorMs:F0} ms; {events} events over {_articles.Length} articles = {100.0 * events / Math.Max(1, _articles.Length):F2} events / 100 articles (all modalities); {extract.MegabytesPerSecond(_utf8Bytes):F1} MB/s per core; peak RSS {extract.PeakRss / Mega:F0} MB, of which {baseRss / Mega:F0} MB is the corpus held in memory for the benchmark. Issue-4 goal: ≥ 2 MB/s per core, < 500 MB.");
            _out.WriteLine();
        }

        if (matcherNote is not null)
        {
            _out.WriteLine(matcherNote);
            _out.WriteLine();
        }

        if (geoNote is not null)
        {
            _out.WriteLine(geoNote);
            _out.WriteLine();
        }

        if (Wants('p'))
        {
            WriteParallel(analyze);
        }

        if (Wants('x'))
        {
            WriteBreakdown();
        }

        Line($"Load average at the end: {LoadAverage()}; checksum {_sink}.\n");
        return 0;
    }

    /// <summary>(g) place finding with the built-in gazetteer and (h) with the shared/geo import; returns the gazetteer figures.</summary>
    private string MeasureGeo(string corpusPath, List<StageResult> results)
    {
        Console.Error.WriteLine("loading gazetteers …");
        var (builtIn, builtInMs, builtInMatcherMs) = GeoRun.LoadBuiltIn();
        long mentions = 0;
        var finder = new PlaceFinder(builtIn);
        results.Add(Measure("(g) (b) + `PlaceFinder.Find`, built-in gazetteer", i => Stages.AnalyzeAndFindPlaces(finder, _texts[i], ref mentions), beforePass: () => mentions = 0));
        var lines = new List<string>
        {
            FormattableString.Invariant($"Gazetteer, built-in: {builtIn.Places.Count} places, {builtIn.NameCount} names; loaded in {builtInMs:F0} ms CPU (first use in the process, JIT included) + {builtInMatcherMs:F0} ms to compile its phrase matcher; (g) finds {(double)mentions / Math.Max(1, _articles.Length):F1} place mentions per article."),
        };
        var sources = GeoRun.SharedSources(corpusPath);
        var lookupIn = builtIn;
        if (sources is null)
        {
            lines.Add("Imported gazetteer: skipped (shared/geo sources not found beside the corpus).");
        }
        else
        {
            Console.Error.WriteLine("importing shared/geo …");
            var imp = GeoRun.ImportAndLoad(sources);
            lookupIn = imp.Gazetteer;
            long importedMentions = 0;
            var importedFinder = new PlaceFinder(imp.Gazetteer);
            results.Add(Measure("(h) (b) + `PlaceFinder.Find`, built-in + shared/geo import", i => Stages.AnalyzeAndFindPlaces(importedFinder, _texts[i], ref importedMentions), beforePass: () => importedMentions = 0));
            lines.Add(FormattableString.Invariant(
                $"Gazetteer, imported from shared/geo ({sources.Length} files, as `rasid gazetteer import`): {imp.Places} places compiled in {imp.ImportMs / 1000:F1} s CPU into a {imp.IndexBytes / Mega:F1} MB index; loading it (`Gazetteer.Load`) takes {imp.ReadMs:F0} ms to read the index + {imp.MergeMs:F0} ms to merge it into the built-in gazetteer (`Extend`) + {imp.MatcherMs:F0} ms to compile the phrase matcher (CPU), {imp.Gazetteer.Places.Count} places / {imp.Gazetteer.NameCount} names, {imp.RssDelta / Mega:F0} MB resident; (h) finds {(double)importedMentions / Math.Max(1, _articles.Length):F1} place mentions per article."));
        }

        var (names, perSecond, found) = GeoRun.LookupThroughput(lookupIn);
        lines.Add(FormattableString.Invariant($"`Gazetteer.Lookup(name)`: {perSecond / 1e6:F2} M lookups per CPU-second over its {names} distinct Arabic names ({(double)found / Math.Max(1, names):F2} places per name)."));
        return string.Join("\n\n", lines);
    }

    private bool Wants(char stage) => _options.Only is null || _options.Only.Contains(stage, StringComparison.Ordinal);

    private StageResult Measure(string name, Func<int, int> perText, Action? beforePass = null)
    {
        Console.Error.WriteLine($"measuring {name} …");

        // Warm-up: enough calls for tiered JIT to promote the hot methods, then a pause for the background compiler.
        int warm = Math.Min(_texts.Length, _options.WarmupArticles);
        for (int i = 0; i < warm; i++)
        {
            perText(i);
        }

        Thread.Sleep(300);
        for (int i = 0; i < warm; i++)
        {
            perText(i);
        }

        var cpu = new List<double>();
        var wall = new List<double>();
        long tokens = 0, allocated = 0, peak = 0;
        for (int r = 0; r < _options.Repeat; r++)
        {
            beforePass?.Invoke();
            MemoryProbe.SettleAndResetPeak();
            long alloc0 = GC.GetAllocatedBytesForCurrentThread();
            tokens = 0;
            double cpu0 = CpuClock.Seconds();
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < _texts.Length; i++)
            {
                tokens += perText(i);
            }

            sw.Stop();
            cpu.Add(CpuClock.Seconds() - cpu0);
            wall.Add(sw.Elapsed.TotalSeconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - alloc0;
            peak = Math.Max(peak, MemoryProbe.PeakRss());
        }

        return new StageResult(name, Median(cpu), Median(wall), cpu, tokens, allocated, peak);
    }

    private void WriteEnvironment(string path, TimeSpan load, long baseRss)
    {
        _out.WriteLine("| | |");
        _out.WriteLine("|---|---|");
        Line($"| date (UTC) | {DateTime.UtcNow:yyyy-MM-dd HH:mm} |");
        Line($"| machine | {CpuModel()}, {Environment.ProcessorCount} cores; load average at start {LoadAverage()} |");
        Line($"| runtime | {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC |");
        Line($"| corpus | {Path.GetFileName(path)}: {_articles.Length} articles (field `text`), {_chars / Mega:F1} M chars, {_utf8Bytes / Mega:F1} MB UTF-8; loaded in {load.TotalSeconds:F1} s (not timed below) |");
        Line($"| method | warm-up over {Math.Min(_texts.Length, _options.WarmupArticles)} articles ×2, then median of {_options.Repeat} passes over all; MB = 10^6 bytes of UTF-8 input; per-core throughput = input / process CPU time (robust to other load), wall-clock beside it |");
        Line($"| memory | RSS with the corpus loaded: {baseRss / Mega:F0} MB; peak RSS per stage {(MemoryProbe.CanResetPeak ? "measured on its own (VmHWM reset via /proc/self/clear_refs)" : "is the process lifetime peak")} and includes the loaded corpus |");
        _out.WriteLine();
    }

    private void WriteStageTable(List<StageResult> results, double? luceneMbs)
    {
        _out.WriteLine("| stage | MB/s per core | M chars/s | M tokens/s | tokens | allocated | alloc B/char | peak RSS | vs Lucene | MB/s wall | CPU s per pass |");
        _out.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            double mbs = r.MegabytesPerSecond(_utf8Bytes);
            string tokens = r.Tokens > 0 ? r.Tokens.ToString("N0", CultureInfo.InvariantCulture) : "–";
            string tokensPerSecond = r.Tokens > 0 ? (r.Tokens / r.Seconds / Mega).ToString("F2", CultureInfo.InvariantCulture) : "–";
            Line(
                $"| {r.Name} | {mbs:F1} | {_chars / r.Seconds / Mega:F1} | {tokensPerSecond} | {tokens} | {r.Allocated / Mega:F0} MB | {(double)r.Allocated / _chars:F1} | {r.PeakRss / Mega:F0} MB | {(luceneMbs is { } l ? (mbs / l).ToString("F2", CultureInfo.InvariantCulture) + "×" : "–")} | {_utf8Bytes / r.WallSeconds / Mega:F1} | {string.Join(" / ", r.Passes.Select(p => p.ToString("F2", CultureInfo.InvariantCulture)))} |");
        }
    }

    private void WriteParallel(StageResult? single)
    {
        int cores = Environment.ProcessorCount;
        var seconds = new List<double>();
        var cpu = new List<double>();
        long allocated = 0;
        for (int r = 0; r < _options.Repeat; r++)
        {
            MemoryProbe.SettleAndResetPeak();
            long alloc0 = GC.GetTotalAllocatedBytes(precise: true);
            double cpu0 = CpuClock.Seconds();
            var sw = Stopwatch.StartNew();
            Parallel.ForEach(Partitioner.Create(0, _texts.Length, 64), range =>
            {
                long sink = 0;
                for (int i = range.Item1; i < range.Item2; i++)
                {
                    Stages.Analyze(_texts[i], ref sink);
                }

                Interlocked.Add(ref _sink, sink);
            });
            sw.Stop();
            cpu.Add(CpuClock.Seconds() - cpu0);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - alloc0;
            seconds.Add(sw.Elapsed.TotalSeconds);
        }

        double s = Median(seconds);
        double c = Median(cpu);
        double total = _utf8Bytes / s / Mega;
        Line(
            $"(b) on all {cores} cores (`Parallel.ForEach`, chunks of 64 articles): **{total:F1} MB/s total (wall clock)**, {_chars / s / Mega:F1} M chars/s; {_utf8Bytes / c / Mega:F1} MB per CPU-second ({c / s:F2} cores busy on average{(single is null ? "" : FormattableString.Invariant($"; single-threaded wall {single.WallSeconds:F2} s vs {s:F2} s here = {single.WallSeconds / s:F2}×"))}); allocated {allocated / Mega:F0} MB, peak RSS {MemoryProbe.PeakRss() / Mega:F0} MB; wall s per pass {string.Join(" / ", seconds.Select(p => p.ToString("F2", CultureInfo.InvariantCulture)))}.");
        _out.WriteLine();
    }

    /// <summary>
    /// Each step of (c) timed on its own. Texts go through in batches of 16: every step runs over the batch before the
    /// next step starts, timed by CPU clock, so each step's time is its own while intermediate results stay short-lived
    /// (keeping them for the whole corpus would time the GC promoting them instead).
    /// </summary>
    private void WriteBreakdown()
    {
        Console.Error.WriteLine("measuring the breakdown …");
        const int Batch = 16;
        string[] names =
        [
            "`ArabicNormalizer.Normalize`",
            "`Tokenizer.Tokenize`",
            "`SentenceSplitter.Split`",
            "`ClauseSplitter.Split` (+ `AnalyzedText`)",
            "`CliticSegmenter.Candidates` (every Arabic word, with enclitics)",
        ];
        var cpu = new double[names.Length];
        var allocated = new long[names.Length];
        var normalized = new NormalizedText[Batch];
        var tokens = new Token[Batch][];
        var sentences = new Segment[Batch][];
        var analyzed = new AnalyzedText[Batch];
        Action<int, int>[] steps =
        [
            (b, i) => normalized[b] = ArabicNormalizer.Normalize(_texts[i]),
            (b, _) => tokens[b] = Tokenizer.Tokenize(normalized[b]),
            (b, _) => sentences[b] = SentenceSplitter.Split(normalized[b], tokens[b]),
            (b, _) => analyzed[b] = new AnalyzedText(normalized[b], tokens[b], sentences[b], ClauseSplitter.Split(normalized[b], tokens[b], sentences[b])),
            (b, _) => _sink += Stages.CliticCandidates(analyzed[b]),
        ];
        long identity = 0, sameLength = 0;
        for (int pass = 0; pass < 2; pass++)
        {
            // Pass 0 warms up (over the warm-up articles only); pass 1 is measured over all.
            int count = pass == 0 ? Math.Min(_texts.Length, _options.WarmupArticles) : _texts.Length;
            MemoryProbe.SettleAndResetPeak();
            for (int first = 0; first < count; first += Batch)
            {
                int n = Math.Min(Batch, count - first);
                for (int step = 0; step < steps.Length; step++)
                {
                    long alloc0 = GC.GetAllocatedBytesForCurrentThread();
                    double cpu0 = CpuClock.Seconds();
                    for (int b = 0; b < n; b++)
                    {
                        steps[step](b, first + b);
                    }

                    if (pass == 1)
                    {
                        cpu[step] += CpuClock.Seconds() - cpu0;
                        allocated[step] += GC.GetAllocatedBytesForCurrentThread() - alloc0;
                    }
                }

                if (pass == 1)
                {
                    for (int b = 0; b < n; b++)
                    {
                        identity += normalized[b].IsIdentity ? 1 : 0;
                        sameLength += normalized[b].Length == normalized[b].Original.Length ? 1 : 0;
                    }
                }
            }
        }

        double total = cpu.Sum();
        _out.WriteLine("Breakdown of (c): each step timed on its own (CPU time, batches of 16 articles, one pass over all):");
        _out.WriteLine();
        _out.WriteLine("| step | CPU s | share | MB/s per core | allocated | alloc B/char |");
        _out.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (int step = 0; step < steps.Length; step++)
        {
            Line(
                $"| {names[step]} | {cpu[step]:F2} | {100 * cpu[step] / total:F0} % | {_utf8Bytes / cpu[step] / Mega:F1} | {allocated[step] / Mega:F0} MB | {(double)allocated[step] / _chars:F1} |");
        }

        _out.WriteLine();
        Line($"{identity} of {_texts.Length} texts were already normal (identity map, no copy); {sameLength} normalized to the same length (only 1:1 foldings, nothing removed: their offset map is the identity).");
        _out.WriteLine();
    }

    private void Line(FormattableString line) => _out.WriteLine(FormattableString.Invariant(line));

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        int m = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]} {parts[1]} {parts[2]}";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}

/// <summary>Options of the <c>corpus</c> command.</summary>
/// <param name="Only">Letters of the parts to run (a–h stages, p parallel, x breakdown); null runs all.</param>
public sealed record CorpusRunOptions(string? Path, int Limit, int Repeat, int WarmupArticles, string? Only = null);

/// <summary>One stage's figures: median CPU and wall seconds over the timed passes, tokens and allocation of one pass, peak RSS.</summary>
public sealed record StageResult(string Name, double Seconds, double WallSeconds, List<double> Passes, long Tokens, long Allocated, long PeakRss)
{
    /// <summary>MB of UTF-8 input per CPU-second, i.e. per core.</summary>
    public double MegabytesPerSecond(long utf8Bytes) => utf8Bytes / Seconds / 1_000_000.0;
}
