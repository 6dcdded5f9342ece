using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Rasid.Core;
using Rasid.Store.Ingest;
using Rasid.Tests;
using Xunit.Abstractions;

namespace Rasid.Web.Tests;

/// <summary>
/// API latency p50/p95 over a store built from ../shared/corpus/news through POST /api/documents. Opt-in
/// (RASID_BENCH=1): it takes a minute and measures rather than pins. Figures go to the test output.
/// </summary>
public sealed class LatencyBenchmark(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Measures_api_and_page_load_latency_on_the_news_corpus()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("RASID_BENCH") == "1", "set RASID_BENCH=1 to run the latency benchmark");
        var news = SharedData.Require("corpus", "news", "saudinewsnet-conflict-2015.jsonl");
        using var f = new BenchFactory();
        using var analyst = f.Client(f.AnalystKey);

        var docs = DocumentSources.Read(news, new SourceDefaults(null, null, null)).OfType<SourceDocument>().Select(d => d.Document).ToList();
        var writes = new List<double>();
        foreach (var d in docs)
        {
            var clock = Stopwatch.StartNew();
            var r = await analyst.PostAsJsonAsync("/api/documents", new
            {
                text = d.Text, published = d.Published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                country_hint = d.CountryHint, title = d.Title, url = d.Url, source = d.Source, id = d.Id,
            });
            writes.Add(clock.Elapsed.TotalMilliseconds);
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        }

        var stats = f.Store.Stats();
        output.WriteLine($"store: {stats.Documents} documents, {stats.Events} mentions, {stats.Incidents} incidents (stand-in keyword extractor)");
        output.WriteLine(Line("POST /api/documents", writes));

        using var c = f.Client();
        var someEvent = (await c.GetJson("/api/events?limit=1")).GetProperty("items")[0].GetProperty("event_id").GetString();
        string[] typical =
        [
            "/api/events?limit=100", "/api/events?limit=500", "/api/events?country=YE&limit=100", "/api/events?type=Battles",
            "/api/events?from=2015-07-15&to=2015-07-31&order=fatalities", "/api/events?bbox=42,12,50,18", "/api/events?actor=houthi",
            "/api/events?text=عدن", "/api/timeline", "/api/facets", $"/api/events/{someEvent}", $"/api/documents/{docs[0].Id}",
        ];
        var byUrl = typical.ToDictionary(u => u, _ => new List<double>());
        for (int i = 0; i < 200; i++)
        {
            var url = typical[i % typical.Length];
            var clock = Stopwatch.StartNew();
            var r = await c.GetAsync(url);
            await r.Content.ReadAsByteArrayAsync();
            byUrl[url].Add(clock.Elapsed.TotalMilliseconds);
            Assert.True(r.IsSuccessStatusCode, url);
        }

        foreach (var (url, times) in byUrl)
        {
            output.WriteLine(Line(url, times));
        }

        output.WriteLine(Line("all 200 GETs", byUrl.Values.SelectMany(t => t).ToList()));

        // What the dashboard asks for when it opens: the page, who am I, the first page of events, histogram, facets, ingest counts.
        string[] pageLoad = ["/", "/api/me", "/api/events?limit=500", "/api/timeline", "/api/facets", "/api/ingest/status"];
        var loads = new List<double>();
        for (int i = 0; i < 20; i++)
        {
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(pageLoad.Select(async u => await (await c.GetAsync(u)).Content.ReadAsByteArrayAsync()));
            loads.Add(clock.Elapsed.TotalMilliseconds);
        }

        output.WriteLine(Line("page load (6 requests in parallel)", loads));
    }

    private static string Line(string what, List<double> ms)
    {
        var sorted = ms.Order().ToList();
        double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return $"{what,-60} n={sorted.Count,4}  p50={P(0.5),7:F1} ms  p95={P(0.95),7:F1} ms";
    }

    private sealed class BenchFactory : IDisposable
    {
        private readonly RasidFactory _inner = new(("WritePermitsPerMinute", "100000"));

        public BenchFactory() => Factory = _inner.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IEventExtractor, KeywordEventExtractor>()));

        public Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Factory { get; }

        public string AnalystKey => _inner.AnalystKey;

        public Rasid.Store.IEventStore Store => Factory.Services.GetRequiredService<Rasid.Store.IEventStore>();

        public HttpClient Client(string? key = null)
        {
            var client = Factory.CreateClient();
            if (key is not null)
            {
                client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            }

            return client;
        }

        public void Dispose()
        {
            Factory.Dispose();
            _inner.Dispose();
        }
    }
}
