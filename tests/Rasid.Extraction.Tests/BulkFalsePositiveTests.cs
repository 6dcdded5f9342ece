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
    private const int Sample = 400;

    [SkippableFact]
    public void General_news_sample_gives_few_events()
    {
        var path = SharedData.Require("corpus", "bulk", "saudinewsnet-2015.jsonl.gz");
        Skip.If(SharedGazetteerPlaces.Shared is null, "../shared/geo is absent");
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        int articles = 0, events = 0;
        var examples = new List<string>();
        string? line;
        while (articles < Sample && (line = reader.ReadLine()) is not null)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var text = root.GetProperty("text").GetString() ?? string.Empty;
            var doc = new Document(root.GetProperty("id").ToString(), text, new DateOnly(2015, 7, 1));
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

        Assert.True(per100 < 160, $"{per100:0.0} events per 100 general news articles");
    }
}
