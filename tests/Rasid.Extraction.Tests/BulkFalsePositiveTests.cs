using System.IO.Compression;
using System.Text.Json;
using Rasid.Core;
using Rasid.Tests;
using Xunit.Abstractions;

namespace Rasid.Extraction.Tests;

/// <summary>
/// Counts events on a sample of the general Saudi news of 2015 (../shared/corpus/bulk, read in place): sports, economy
/// and weather must give almost none. Prints events per 100 articles and examples for review.
/// </summary>
public sealed class BulkFalsePositiveTests(ITestOutputHelper output)
{
    // RASID_BULK_SAMPLE=2000 for the figure; the default keeps the test run short.
    private static readonly int? Requested = int.TryParse(Environment.GetEnvironmentVariable("RASID_BULK_SAMPLE"), out int n) ? n : null;

    private static int Sample => Requested ?? 2000;

    // Without RASID_BULK_SAMPLE only the non-conflict proxy articles are extracted, which keeps the default run short.
    private static bool All => Requested is not null;

    [SkippableFact]
    public void Throughput_of_analysis_and_extraction_is_reported()
    {
        Skip.If(Environment.GetEnvironmentVariable("RASID_BULK_SAMPLE") is null, "set RASID_BULK_SAMPLE=N to measure throughput on N bulk articles");
        var path = SharedData.Require("corpus", "bulk", "saudinewsnet-2015.jsonl.gz");
        var texts = new List<string>();
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress)))
        {
            string? line;
            while (texts.Count < Sample && (line = reader.ReadLine()) is not null)
            {
                using var json = JsonDocument.Parse(line);
                texts.Add(json.RootElement.GetProperty("text").GetString() ?? string.Empty);
            }
        }

        long bytes = texts.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t));
        var plain = new ArabicEventExtractor();
        _ = plain.Extract(new Document("warm", texts[0], new DateOnly(2015, 7, 1)));
        // Warm up (tiered JIT) on the whole sample before measuring: the figures are for a long-running ingest.
        foreach (var t in texts)
        {
            plain.Extract(new Document("warm", t, new DateOnly(2015, 7, 1)));
        }

        foreach (var (label, run) in new (string, Action<string>)[]
        {
            ("analysis only", t => Rasid.Arabic.Text.TextAnalyzer.Analyze(t)),
            ("extraction (analysis + numbers, dates, places + events)", t => plain.Extract(new Document("d", t, new DateOnly(2015, 7, 1)))),
        })
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            foreach (var t in texts)
            {
                run(t);
            }

            clock.Stop();
            output.WriteLine($"{label}: {bytes / 1e6:0.0} MB UTF-8 in {clock.Elapsed.TotalSeconds:0.00} s = {bytes / 1e6 / clock.Elapsed.TotalSeconds:0.00} MB/s on one thread; working set {Environment.WorkingSet / 1e6:0} MB");
        }
    }


    [SkippableFact]
    public void General_news_sample_gives_few_events()
    {
        Skip.If(!All, "set RASID_BULK_SAMPLE=N to count events on the first N bulk articles of every section (`Rasid.Bench rates` does the same with a per-section table)");
        var path = SharedData.Require("corpus", "bulk", "saudinewsnet-2015.jsonl.gz");
        int articles = 0, events = 0;
        var examples = new List<string>();
        foreach (var (doc, _) in Articles(path).Take(Sample))
        {
            articles++;
            foreach (var e in GoldCorpus.Extractor.Extract(doc).Where(e => e.Modality.Counts()))
            {
                events++;
                if (examples.Count < 12)
                {
                    examples.Add($"{e.SubEventType.Name()} @{e.Location?.Name}: {e.Evidence[0].Text}");
                }
            }
        }

        double per100 = 100.0 * events / Math.Max(1, articles);
        output.WriteLine($"bulk sample: {articles} articles, {events} counted events, {per100:0.0} per 100 articles");
        foreach (var x in examples)
        {
            output.WriteLine("  " + x);
        }

        Assert.True(per100 < 35, $"{per100:0.0} events per 100 general news articles");
    }

    /// <summary>
    /// Every second article of the non-conflict sections over the whole year (a fixed sample of about 2,300): the sports,
    /// economy and culture pages of the general papers and the sports dailies must give almost no events; the economic
    /// daily also runs world news (the Suruç bombing, coalition air strikes), so it gets a looser bound. Both bounds were
    /// exceeded before the non-event rules (1.48 and 17.0 per 100 on this sample; 0.57 and 15.2 after).
    /// </summary>
    [SkippableFact]
    public void Non_conflict_sections_give_almost_no_events()
    {
        var path = SharedData.Require("corpus", "bulk", "saudinewsnet-2015.jsonl.gz");
        var counts = new Dictionary<bool, (int Articles, int Events)>();
        var examples = new List<string>();
        int seen = 0;
        foreach (var (doc, section) in Articles(path))
        {
            if (!Rasid.Bench.NewsSections.IsNonConflict(section) || seen++ % 2 != 0)
            {
                continue;
            }

            bool daily = section == Rasid.Bench.NewsSections.EconomicDaily;
            var counted = GoldCorpus.Extractor.Extract(doc).Where(e => e.Modality.Counts()).ToList();
            var c = counts.GetValueOrDefault(daily);
            counts[daily] = (c.Articles + 1, c.Events + counted.Count);
            foreach (var e in counted.Where(_ => examples.Count < 20))
            {
                examples.Add($"[{section}] {e.SubEventType.Name()} @{e.Location?.Name}: {e.Evidence[0].Text}");
            }
        }

        double Rate(bool daily) => 100.0 * counts.GetValueOrDefault(daily).Events / Math.Max(1, counts.GetValueOrDefault(daily).Articles);
        output.WriteLine($"sports/economy/culture pages: {counts.GetValueOrDefault(false).Articles} articles, {counts.GetValueOrDefault(false).Events} events = {Rate(false):0.00} per 100");
        output.WriteLine($"economic daily: {counts.GetValueOrDefault(true).Articles} articles, {counts.GetValueOrDefault(true).Events} events = {Rate(true):0.0} per 100");
        foreach (var x in examples)
        {
            output.WriteLine("  " + x);
        }

        Assert.True(counts.GetValueOrDefault(false).Articles > 500, "the non-conflict sample is too small: has the dump or the section classifier changed?");
        Assert.True(Rate(false) <= PagesBound, $"{Rate(false):0.00} events per 100 sports/economy/culture articles (bound {PagesBound})");
        Assert.True(Rate(true) <= EconomicDailyBound, $"{Rate(true):0.0} events per 100 economic-daily articles (bound {EconomicDailyBound})");
    }

    private const double PagesBound = 1.0;

    // The economic daily also prints the kingdom's security news (mosque bombings, arrests of cells): the recall rules
    // merged beside the non-event rules find more of those real events (16.2 per 100 then), so its bound sits above that;
    // the sports/economy/culture pages are the strict check.
    private const double EconomicDailyBound = 17.0;

    // The bulk articles in file order with their newspaper section, dated by their publication day.
    private static IEnumerable<(Document Doc, string Section)> Articles(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string? Field(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var published = DateOnly.TryParse(Field("published"), System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : new DateOnly(2015, 7, 1);
            var doc = new Document(Field("id") ?? "?", Field("text") ?? string.Empty, published);
            yield return (doc, Rasid.Bench.NewsSections.Of(Field("source"), Field("url")));
        }
    }
}
