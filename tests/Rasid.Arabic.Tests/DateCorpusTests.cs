using System.Globalization;
using System.Text.Json;
using Rasid.Arabic.Dates;
using Rasid.Arabic.Numbers;
using Rasid.Arabic.Text;
using Rasid.Core;
using Rasid.Tests;
using Xunit.Abstractions;

namespace Rasid.Arabic.Tests;

/// <summary>Dates and numbers on the shared seed and dev corpus, read in place.</summary>
public class DateCorpusTests(ITestOutputHelper output)
{
    private static readonly DateOnly SeedPublished = new(2017, 5, 2);

    [SkippableTheory]
    [InlineData("26 نيسان\\ أبريل", "2017-04-26", "2017-04-26", TimePrecision.Day)]
    [InlineData("28 نيسان\\ أبريل", "2017-04-28", "2017-04-28", TimePrecision.Day)]
    [InlineData("25 نيسان\\ أبريل", "2017-04-25", "2017-04-25", TimePrecision.Day)]
    [InlineData("22 آذار\\ مارس", "2017-03-22", "2017-03-22", TimePrecision.Day)]
    [InlineData("الأسبوع الماضي", "2017-04-22", "2017-04-28", TimePrecision.Week)]
    public void Every_date_expression_of_the_seed_resolves_to_its_day(string expression, string start, string end, TimePrecision precision)
    {
        var text = File.ReadAllText(SharedData.Require("corpus", "seed", "deir-ez-zor-2017-05.txt"));
        var dates = DateFinder.Find(TextAnalyzer.Analyze(text), SeedPublished);
        var m = Assert.Single(dates, d => d.Span.Slice(text).EndsWith(expression, StringComparison.Ordinal));
        Assert.Equal(DateOnly.Parse(start, CultureInfo.InvariantCulture), m.Start);
        Assert.Equal(DateOnly.Parse(end, CultureInfo.InvariantCulture), m.End);
        Assert.Equal(precision, m.Precision);
    }

    [SkippableFact]
    public void The_seed_has_exactly_its_five_date_expressions()
    {
        var text = File.ReadAllText(SharedData.Require("corpus", "seed", "deir-ez-zor-2017-05.txt"));
        Assert.Equal(5, DateFinder.Find(TextAnalyzer.Analyze(text), SeedPublished).Count);
    }

    [SkippableFact]
    public void The_seed_execution_count_is_four()
    {
        var text = File.ReadAllText(SharedData.Require("corpus", "seed", "deir-ez-zor-2017-05.txt"));
        var analysis = TextAnalyzer.Analyze(text);
        int at = text.IndexOf("أربعة من مقاتليه", StringComparison.Ordinal);
        var m = Assert.Single(NumberFinder.Find(analysis), n => n.Span.Start == at);
        Assert.Equal(4, m.Value);
        Assert.Equal(NumberQualifier.Exact, m.Qualifier);
    }

    [SkippableFact]
    public void Dev_articles_dates_and_numbers_are_found_without_throwing_and_cover_gold_event_dates()
    {
        var dev = SharedData.Require("corpus", "dev");
        int docs = 0, dates = 0, numbers = 0, goldDated = 0, goldCovered = 0, goldCounts = 0, countsFound = 0;
        var byKind = new Dictionary<DateExpressionKind, int>();
        foreach (var line in File.ReadLines(Path.Combine(dev, "manifest.jsonl")))
        {
            using var manifest = JsonDocument.Parse(line);
            var id = manifest.RootElement.GetProperty("id").GetString()!;
            var published = DateOnly.Parse(manifest.RootElement.GetProperty("published").GetString()!, CultureInfo.InvariantCulture);
            var text = File.ReadAllText(Path.Combine(dev, id + ".txt"));
            var analysis = TextAnalyzer.Analyze(text);
            var found = DateFinder.Find(analysis, published);
            var counts = NumberFinder.Find(analysis);
            docs++;
            dates += found.Count;
            numbers += counts.Count;
            foreach (var d in found)
            {
                Assert.True(d.Start <= d.End, $"{id}: {d}");
                Assert.True(d.Span.End <= text.Length && d.FirstToken < d.EndToken, $"{id}: {d}");
                byKind[d.Kind] = byKind.GetValueOrDefault(d.Kind) + 1;
            }

            var goldPath = Path.Combine(dev, id + ".gold.json");
            if (!File.Exists(goldPath))
            {
                continue;
            }

            using var gold = JsonDocument.Parse(File.ReadAllText(goldPath));
            foreach (var e in gold.RootElement.GetProperty("events").EnumerateArray())
            {
                if (e.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.String)
                {
                    goldDated++;
                    var day = DateOnly.Parse(date.GetString()!, CultureInfo.InvariantCulture);
                    if (found.Any(d => d.Start.AddDays(-1) <= day && day <= d.End.AddDays(1)))
                    {
                        goldCovered++;
                    }
                }

                if (e.TryGetProperty("fatalities", out var f) && f.ValueKind == JsonValueKind.Number && f.GetInt64() > 0)
                {
                    goldCounts++;
                    long n = f.GetInt64();
                    if (counts.Any(c => c.Value == n || c.High == n))
                    {
                        countsFound++;
                    }
                }
            }
        }

        output.WriteLine($"{docs} dev articles: {dates} date expressions, {numbers} counts");
        output.WriteLine(string.Join(", ", byKind.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value}")));
        output.WriteLine($"gold events with a day: {goldDated}, a found date within ±1 day: {goldCovered}");
        output.WriteLine($"gold events with fatalities > 0: {goldCounts}, the number among found counts: {countsFound}");
        Assert.True(docs >= 50, $"only {docs} dev articles");
        Assert.True(dates >= docs, $"only {dates} date expressions in {docs} articles");
        Assert.True(goldCovered * 100 >= goldDated * 90, $"only {goldCovered} of {goldDated} gold event days are near a found date");
        Assert.True(countsFound * 100 >= goldCounts * 65, $"only {countsFound} of {goldCounts} gold fatality counts are among found counts");
    }
}
