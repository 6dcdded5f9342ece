using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Rasid.Tests;

namespace Rasid.Web.BrowserTests;

/// <summary>
/// The dashboard in a real browser against the real server: what the page shows is checked against what the API
/// answers for the same filters, never against numbers written into the test.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardTests(DashboardServer server)
{
    private async Task<List<JsonElement>> ApiEventsAsync(string query = "")
    {
        var result = await server.ApiAsync($"/api/events?limit=1000&order=date{query}");
        var items = result.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(result.GetProperty("total").GetInt32(), items.Count); // the test corpus fits in one page
        return items;
    }

    private static bool IsPlaced(JsonElement e) =>
        e.TryGetProperty("latitude", out var lat) && lat.ValueKind == JsonValueKind.Number
        && e.TryGetProperty("longitude", out var lon) && lon.ValueKind == JsonValueKind.Number;

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private async Task<IPage> OpenDashboardAsync()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForFunctionAsync("() => document.body.dataset.loadSeq && document.body.dataset.loading === 'false'");
        return page;
    }

    /// <summary>Waits for a new load to finish after an action that changes the filters.</summary>
    private static async Task WaitForReloadAsync(IPage page, string previousSeq) =>
        await page.WaitForFunctionAsync(
            "prev => document.body.dataset.loadSeq !== prev && document.body.dataset.loading === 'false'", previousSeq);

    private static async Task<List<string>> TableAttributeAsync(IPage page, string attribute) =>
        [.. await page.Locator("#events-body tr[data-event-id]").EvaluateAllAsync<string[]>($"rows => rows.map(r => r.dataset.{attribute})")];

    [SkippableFact]
    public async Task Markers_appear_on_the_map_one_per_placed_event_the_API_lists()
    {
        server.RequireAvailable();
        var placed = (await ApiEventsAsync()).Count(IsPlaced);
        Assert.True(placed > 0, "the ingested news corpus should give placed events");

        var page = await OpenDashboardAsync();
        Assert.Equal(placed, await DashboardServer.WaitForMapTotalAsync(page, placed));
        Assert.True(await page.Locator("#map .leaflet-overlay-pane path").CountAsync() > 0, "the offline basemap draws country outlines");
        Assert.Equal(6, await page.Locator("#legend-items li").CountAsync());

        // Ingest counts are visible: the header shows the store's document count the status endpoint reports.
        var documents = (await server.ApiAsync("/api/ingest/status")).GetProperty("store").GetProperty("documents").GetInt64();
        await page.Locator("#ingest-status").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Contains(documents.ToString(CultureInfo.InvariantCulture), await page.Locator("#ingest-status").TextContentAsync(), StringComparison.Ordinal);
        await server.ScreenshotAsync(page, "dashboard");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Dashboard_shows_its_first_data_within_five_seconds_of_navigation()
    {
        server.RequireAvailable();
        var times = new List<double>();
        for (int i = 0; i < 7; i++)
        {
            var page = await OpenDashboardAsync();
            times.Add(await page.EvaluateAsync<double>("() => performance.getEntriesByName('rasid-first-data')[0].startTime"));
            await page.Context.CloseAsync();
        }

        times.Sort();
        double p50 = times[times.Count / 2];
        double max = times[^1];
        await File.WriteAllTextAsync(
            Path.Combine(server.ArtifactsDir, "page-load.txt"),
            string.Create(CultureInfo.InvariantCulture, $"navigation start -> first map/table data, ms, {times.Count} cold contexts: p50 {p50:F0}, max {max:F0}; all: {string.Join(", ", times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}\n"));
        Assert.True(max < 5000, $"slowest first render {max:F0} ms");
    }

    [SkippableFact]
    public async Task Filtering_by_event_type_shows_only_that_type_on_map_and_table_with_one_request()
    {
        server.RequireAvailable();
        var all = await ApiEventsAsync();
        // The most frequent type that is not every event, so the filter must change what is shown.
        var type = all.GroupBy(e => Str(e, "event_type")).Where(g => g.Count() < all.Count).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        Skip.If(type is null, "the store holds a single event type; a type filter cannot change anything");
        var expected = await ApiEventsAsync("&type=" + Uri.EscapeDataString(type!));

        var page = await OpenDashboardAsync();
        var eventRequests = new List<string>();
        page.Request += (_, r) =>
        {
            if (r.Url.Contains("/api/events", StringComparison.Ordinal))
            {
                eventRequests.Add(r.Url);
            }
        };
        var seq = await page.EvaluateAsync<string>("() => document.body.dataset.loadSeq");
        await page.Locator("#f-type").SelectOptionAsync(type!);
        await WaitForReloadAsync(page, seq);

        Assert.Single(eventRequests);
        Assert.Contains("type=" + Uri.EscapeDataString(type!).Replace("%20", "+", StringComparison.Ordinal), eventRequests[0].Replace("%20", "+", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(expected.Count(IsPlaced), await DashboardServer.WaitForMapTotalAsync(page, expected.Count(IsPlaced)));
        var rowTypes = await TableAttributeAsync(page, "eventType");
        Assert.NotEmpty(rowTypes);
        Assert.All(rowTypes, t => Assert.Equal(type, t));
        Assert.All(await page.Locator("#map .event-marker").EvaluateAllAsync<string[]>("ms => ms.map(m => m.dataset.eventType)"), t => Assert.Equal(type, t));
        Assert.Equal(expected.Count.ToString(CultureInfo.InvariantCulture), await page.EvaluateAsync<string>("() => document.body.dataset.viewCount"));
        await server.ScreenshotAsync(page, "filter-by-type");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Brushing_the_timeline_narrows_map_and_table_to_the_brushed_days()
    {
        server.RequireAvailable();
        var all = await ApiEventsAsync();
        Skip.If(all.Select(e => Str(e, "event_date")).Distinct().Count() < 3, "fewer than three event days; nothing to brush");

        var page = await OpenDashboardAsync();
        var box = (await page.Locator("#timeline .brush-overlay").BoundingBoxAsync())!;
        var seq = await page.EvaluateAsync<string>("() => document.body.dataset.loadSeq");
        float y = box.Y + (box.Height / 2);
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.30f), y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.55f), y, new MouseMoveOptions { Steps = 8 });
        await page.Mouse.UpAsync();
        await WaitForReloadAsync(page, seq);

        var from = await page.Locator("#timeline svg").GetAttributeAsync("data-from");
        var to = await page.Locator("#timeline svg").GetAttributeAsync("data-to");
        Assert.NotNull(from);
        Assert.NotNull(to);
        var expected = await ApiEventsAsync($"&from={from}&to={to}");
        Assert.True(expected.Count < all.Count, $"brushing {from}..{to} should leave out some of the {all.Count} events");

        Assert.Equal(expected.Count(IsPlaced), await DashboardServer.WaitForMapTotalAsync(page, expected.Count(IsPlaced)));
        Assert.Equal(expected.Count.ToString(CultureInfo.InvariantCulture), await page.EvaluateAsync<string>("() => document.body.dataset.viewCount"));
        Assert.All(await TableAttributeAsync(page, "date"), d => Assert.InRange(string.CompareOrdinal(d, from) >= 0 && string.CompareOrdinal(d, to) <= 0 ? 1 : 0, 1, 1));
        await server.ScreenshotAsync(page, "brushed");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Opening_an_event_marks_each_evidence_span_in_the_right_to_left_source_text()
    {
        server.RequireAvailable();
        var page = await OpenDashboardAsync();
        var row = page.Locator("#events-body tr[data-event-id]").First;
        var id = (await row.GetAttributeAsync("data-event-id"))!;
        await row.Locator("td").Nth(2).ClickAsync();
        await page.WaitForFunctionAsync("() => !document.getElementById('detail').hidden && !document.getElementById('detail').hasAttribute('aria-busy')");

        var detail = await server.ApiAsync($"/api/events/{Uri.EscapeDataString(id)}");
        var docId = Str(detail.GetProperty("event"), "document_id");
        var doc = await server.ApiAsync($"/api/documents/{Uri.EscapeDataString(docId)}");
        var text = doc.GetProperty("text").GetString()!;
        var evidence = detail.GetProperty("mentions").EnumerateArray()
            .Where(m => Str(m, "document_id") == docId)
            .SelectMany(m => m.GetProperty("evidence").EnumerateArray())
            .Select(s => (Start: s.GetProperty("start").GetInt32(), End: s.GetProperty("end").GetInt32(), Text: Str(s, "text")))
            .Distinct().OrderBy(s => s.Start).ToList();
        Assert.NotEmpty(evidence);

        var source = page.Locator("#detail-source");
        Assert.Equal("rtl", await source.GetAttributeAsync("dir"));
        Assert.Equal("ar", await source.GetAttributeAsync("lang"));
        Assert.Equal(text, await source.TextContentAsync()); // the whole text, unchanged
        var marks = await source.Locator("mark").EvaluateAllAsync<MarkInfo[]>(
            "ms => ms.map(m => ({ start: Number(m.dataset.start), end: Number(m.dataset.end), text: m.textContent }))");
        Assert.NotEmpty(marks);
        foreach (var span in evidence)
        {
            // Each evidence span lies inside one mark (spans that overlap are drawn as one mark).
            var mark = marks.FirstOrDefault(m => m.Start <= span.Start && span.End <= m.End);
            Assert.True(mark is not null, $"evidence [{span.Start},{span.End}) '{span.Text}' is not marked");
            Assert.Equal(span.Text, mark!.Text.Substring(span.Start - mark.Start, span.End - span.Start));
        }

        foreach (var mark in marks)
        {
            Assert.Equal(text[mark.Start..mark.End], mark.Text);
        }

        // When no spans overlap, the marks are exactly the evidence texts.
        if (marks.Length == evidence.Count)
        {
            Assert.Equal(evidence.Select(s => s.Text), marks.Select(m => m.Text));
        }

        Assert.Equal(Str(detail.GetProperty("event"), "notes"), await page.Locator("#detail-note").TextContentAsync());
        Assert.True(await page.Locator("#review-buttons").IsHiddenAsync(), "review buttons are for logged-in analysts only");
        Assert.True(await page.Locator("#review-hint").IsVisibleAsync());
        await server.ScreenshotAsync(page, "event-detail");
        await page.Context.CloseAsync();
    }

    private sealed class MarkInfo
    {
        public int Start { get; set; }

        public int End { get; set; }

        public string Text { get; set; } = "";
    }

    [SkippableFact]
    public async Task An_analyst_logs_in_and_accepts_an_event_and_the_API_records_it()
    {
        server.RequireAvailable();
        var page = await OpenDashboardAsync();
        Assert.True(await page.Locator("#review-buttons").IsHiddenAsync());

        await LogInAsync(page);

        var id = (await page.Locator("#events-body tr[data-event-id]").Nth(1).GetAttributeAsync("data-event-id"))!;
        await page.GotoAsync($"/#/event/{Uri.EscapeDataString(id)}");
        await page.Locator("#review-buttons [data-action='accept']").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('detail-state').dataset.state === 'accepted'");

        var stored = await server.ApiAsync($"/api/events/{Uri.EscapeDataString(id)}");
        Assert.Equal("accepted", Str(stored.GetProperty("event"), "review_state"));
        Assert.True(await page.Locator("#detail-history li").CountAsync() > 0);
        await server.ScreenshotAsync(page, "accepted");
        await page.Context.CloseAsync();
    }

    private async Task LogInAsync(IPage page)
    {
        await page.Locator("#login-button").ClickAsync();
        await page.Locator("#login-name").FillAsync(server.UserName);
        await page.Locator("#login-password").FillAsync(server.Password);
        await page.Locator("#login-submit").ClickAsync();
        await page.Locator("#logout-button").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
    }

    [SkippableFact]
    public async Task An_analyst_edits_fatalities_and_the_change_is_stored_and_listed_in_the_history()
    {
        server.RequireAvailable();
        var page = await OpenDashboardAsync();
        await LogInAsync(page);
        var id = (await page.Locator("#events-body tr[data-event-id]").Nth(2).GetAttributeAsync("data-event-id"))!;
        var before = (await server.ApiAsync($"/api/events/{Uri.EscapeDataString(id)}")).GetProperty("event").GetProperty("fatalities").GetInt32();
        var wanted = before + 7;

        await page.GotoAsync($"/#/event/{Uri.EscapeDataString(id)}");
        await page.Locator("#review-buttons [data-action='edit']").ClickAsync();
        await page.Locator("#review-edit [name='fatalities']").FillAsync(wanted.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#review-edit button[type='submit']").ClickAsync();
        await page.Locator("#detail-history li[data-field='fatalities']").WaitForAsync();

        var stored = await server.ApiAsync($"/api/events/{Uri.EscapeDataString(id)}");
        Assert.Equal(wanted, stored.GetProperty("event").GetProperty("fatalities").GetInt32());
        Assert.Equal(wanted.ToString(CultureInfo.InvariantCulture), await page.Locator("#detail-fields dd[data-field='fatalities']").TextContentAsync());
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Sorting_by_fatalities_orders_the_table_both_ways_and_paging_moves_on()
    {
        server.RequireAvailable();
        var page = await OpenDashboardAsync();
        var header = page.Locator("th[data-sort='fatalities']");
        await header.Locator("button").ClickAsync();
        Assert.Equal("descending", await header.GetAttributeAsync("aria-sort"));
        var desc = await FatalityColumnAsync(page);
        Assert.Equal(desc.OrderByDescending(n => n), desc);

        await header.Locator("button").ClickAsync();
        Assert.Equal("ascending", await header.GetAttributeAsync("aria-sort"));
        var asc = await FatalityColumnAsync(page);
        Assert.Equal(asc.OrderBy(n => n), asc);

        var firstPage = await TableAttributeAsync(page, "eventId");
        Skip.If(await page.Locator("#page-next").IsDisabledAsync(), "one page of events only");
        await page.Locator("#page-next").ClickAsync();
        var secondPage = await TableAttributeAsync(page, "eventId");
        Assert.Empty(firstPage.Intersect(secondPage));
        await page.Context.CloseAsync();
    }

    private static async Task<List<int>> FatalityColumnAsync(IPage page) =>
        [.. (await page.Locator("#events-body tr[data-event-id] td.num").AllTextContentsAsync()).Select(s => int.Parse(s, NumberStyles.AllowThousands, CultureInfo.InvariantCulture))];

    [SkippableFact]
    public async Task Uploading_the_seed_report_shows_the_events_the_extractor_finds()
    {
        server.RequireAvailable();
        var seed = SharedData.Require("corpus", "seed", "deir-ez-zor-2017-05.txt");
        var page = await server.NewPageAsync();
        await page.GotoAsync("/#/report");
        await page.Locator("#report-file").SetInputFilesAsync(seed);
        await page.WaitForFunctionAsync("() => document.getElementById('report-text').value.length > 100");
        await page.Locator("#report-published").FillAsync("2017-05-02");
        await page.Locator("#report-country").FillAsync("SY");
        await page.Locator("#report-submit").ClickAsync();
        await page.Locator("#report-result").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 60_000 });

        // The same request straight to the API: the page must show every event it returns.
        var text = (await File.ReadAllTextAsync(seed)).TrimStart('\uFEFF');
        using var content = new StringContent(
            JsonSerializer.Serialize(new Dictionary<string, string> { ["text"] = text, ["published"] = "2017-05-02", ["country_hint"] = "SY" }),
            System.Text.Encoding.UTF8,
            "application/json");
        using var response = await server.Http.PostAsync(new Uri("api/extract", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        var expected = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("events").GetArrayLength();
        Assert.True(expected > 0, "the seed report has events");
        Assert.Equal(expected, await page.Locator("#report-events li").CountAsync());
        Assert.True(await page.Locator("#report-source mark").CountAsync() > 0);
        Assert.Equal("rtl", await page.Locator("#report-source").GetAttributeAsync("dir"));
        await server.ScreenshotAsync(page, "report-upload");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Switching_the_interface_to_Arabic_mirrors_the_page_and_translates_it()
    {
        server.RequireAvailable();
        var page = await OpenDashboardAsync();
        var englishTitle = await page.Locator("#filters-title").TextContentAsync();
        await page.Locator("#lang-toggle").ClickAsync();

        Assert.Equal("rtl", await page.EvaluateAsync<string>("() => document.documentElement.dir"));
        Assert.Equal("ar", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        var arabicTitle = (await page.Locator("#filters-title").TextContentAsync())!;
        Assert.NotEqual(englishTitle, arabicTitle);
        Assert.Matches("[\u0600-\u06FF]", arabicTitle);
        Assert.Matches("[\u0600-\u06FF]", (await page.Locator("#legend-items li").First.TextContentAsync())!);
        Assert.Equal("ltr", await page.Locator("#map").GetAttributeAsync("dir")); // the map itself is not mirrored
        await server.ScreenshotAsync(page, "arabic");

        await page.Locator("#lang-toggle").ClickAsync();
        Assert.Equal("ltr", await page.EvaluateAsync<string>("() => document.documentElement.dir"));
        Assert.Equal(englishTitle, await page.Locator("#filters-title").TextContentAsync());
        await page.Context.CloseAsync();
    }
}
