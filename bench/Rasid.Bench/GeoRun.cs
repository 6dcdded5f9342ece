using Rasid.Arabic.Text;
using Rasid.Geo;

namespace Rasid.Bench;

/// <summary>
/// Gazetteer figures for the corpus run: load time of the built-in gazetteer, import of the shared/geo sources into
/// the compact runtime index and its load time, name lookups per second, and place finding over the corpus.
/// </summary>
public sealed class GeoRun
{
    private const double Mega = 1_000_000.0;

    private static readonly string[] SourceFiles =
    [
        "geonames_admin1CodesASCII.txt", "geonames_cities15000.txt.gz", "geonames_cities500_mena.txt.gz",
        "wof_places.tsv.gz", "ar_name_index.tsv.gz",
    ];

    /// <summary>The gazetteer files of shared/geo beside the corpus's shared folder, or null when absent.</summary>
    public static string[]? SharedSources(string corpusPath)
    {
        var geo = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(corpusPath)!, "..", "..", "geo"));
        var files = SourceFiles.Select(f => Path.Combine(geo, f)).ToArray();
        return files.All(File.Exists) ? files : null;
    }

    /// <summary>Loads the built-in gazetteer and forces its phrase matcher; returns it with the times.</summary>
    public static (Gazetteer Gazetteer, double LoadMs, double MatcherMs) LoadBuiltIn()
    {
        double cpu0 = CpuClock.Seconds();
        var g = Gazetteer.LoadBuiltIn();
        double load = (CpuClock.Seconds() - cpu0) * 1000;
        cpu0 = CpuClock.Seconds();
        WarmMatcher(g);
        return (g, load, (CpuClock.Seconds() - cpu0) * 1000);
    }

    /// <summary>Imports the shared sources into an index file (as <c>rasid gazetteer import</c> does), then loads it.</summary>
    public static ImportFigures ImportAndLoad(string[] sources)
    {
        double importCpu0 = CpuClock.Seconds();
        var importer = new GazetteerImporter();
        importer.ImportAll(sources);
        var index = importer.ToIndex(extendsBuiltIn: true);
        var path = Path.Combine(Path.GetTempPath(), $"rasid-bench-{Environment.ProcessId}.idx");
        try
        {
            index.Write(path);
            double importMs = (CpuClock.Seconds() - importCpu0) * 1000;
            long bytes = new FileInfo(path).Length;
            MemoryProbe.SettleAndResetPeak();
            long rss0 = MemoryProbe.CurrentRss();
            // What Gazetteer.Load(path) does, in its two steps, timed by CPU clock (the machine is shared).
            double cpu0 = CpuClock.Seconds();
            var read = GazetteerIndex.Read(path);
            double readMs = (CpuClock.Seconds() - cpu0) * 1000;
            cpu0 = CpuClock.Seconds();
            var g = read.ExtendsBuiltIn ? Gazetteer.LoadBuiltIn().Extend(read.Places) : new Gazetteer(read.Places);
            double mergeMs = (CpuClock.Seconds() - cpu0) * 1000;
            cpu0 = CpuClock.Seconds();
            WarmMatcher(g);
            double matcherMs = (CpuClock.Seconds() - cpu0) * 1000;
            MemoryProbe.SettleAndResetPeak();
            long rss1 = MemoryProbe.CurrentRss();
            return new ImportFigures(g, index.Places.Count, bytes, importMs, readMs, mergeMs, matcherMs, rss1 - rss0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Lookups per second of every Arabic name of the gazetteer (each normalized on the way in, as callers pass surface text).</summary>
    public static (int Names, double PerSecond, long Found) LookupThroughput(Gazetteer g)
    {
        var names = g.Places.SelectMany(p => p.NamesAr).Distinct(StringComparer.Ordinal).ToArray();
        long found = 0;
        foreach (var n in names.Take(2000))
        {
            found += g.Lookup(n).Count;
        }

        found = 0;
        double cpu0 = CpuClock.Seconds();
        const int Rounds = 3;
        for (int r = 0; r < Rounds; r++)
        {
            foreach (var n in names)
            {
                found += g.Lookup(n).Count;
            }
        }

        double cpu = CpuClock.Seconds() - cpu0;
        return (names.Length, Rounds * names.Length / cpu, found / Rounds);
    }

    private static void WarmMatcher(Gazetteer g) =>
        _ = new PlaceFinder(g).Find(TextAnalyzer.Analyze("\u0642\u0635\u0641 \u0639\u0644\u0649 \u062D\u0644\u0628"), "SY");
}

/// <summary>Import and load figures, times in CPU milliseconds.</summary>
public sealed record ImportFigures(Gazetteer Gazetteer, int Places, long IndexBytes, double ImportMs, double ReadMs, double MergeMs, double MatcherMs, long RssDelta);
