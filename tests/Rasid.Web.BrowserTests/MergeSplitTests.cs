using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;

namespace Rasid.Web.BrowserTests;

/// <summary>
/// Merge and split in a real browser, as an analyst and as a viewer: what the screen shows is checked against what the
/// API answers afterwards (the store), never against values written into the test.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class MergeSplitTests(DashboardServer server)
{
    private async Task<List<JsonElement>> ApiEventsAsync(string query = "")
    {
        var result = await server.ApiAsync($"/api/events?limit=1000&order=date{query}");
        var items = result.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(result.GetProperty("total").GetInt32(), items.Count); // the test corpus fits in one page
        return items;
    }

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static bool IsPlaced(JsonElement e) =>
        e.TryGetProperty("latitude", out var lat) && lat.ValueKind == JsonValueKind.Number
        && e.TryGetProperty("longitude", out var lon) && lon.ValueKind == JsonValueKind.Number;

    private static List<string> Strings(JsonElement e, string name) => [.. e.GetProperty(name).EnumerateArray().Select(x => x.GetString()!)];

    private async Task<IPage> OpenDashboardAsync()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/");
        await WaitLoadedAsync(page);
        return page;
    }

    private static async Task WaitLoadedAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => document.body.dataset.loadSeq && document.body.dataset.loading === 'false'");

    private static async Task WaitForReloadAsync(IPage page, string previousSeq) =>
        await page.WaitForFunctionAsync("prev => document.body.dataset.loadSeq !== prev && document.body.dataset.loading === 'false'", previousSeq);

    private static Task<string> LoadSeqAsync(IPage page) => page.EvaluateAsync<string>("() => document.body.dataset.loadSeq");

    private static async Task WaitForDetailAsync(IPage page, string id) =>
        await page.WaitForFunctionAsync(
            "id => { const d = document.getElementById('detail'); return !d.hidden && d.dataset.eventId === id && !d.hasAttribute('aria-busy') && document.getElementById('detail-id').textContent === id; }",
            id);

    private static async Task LogInAsync(IPage page, string name, string password)
    {
        await page.Locator("#login-button").ClickAsync();
        await page.Locator("#login-name").FillAsync(name);
        await page.Locator("#login-password").FillAsync(password);
        await page.Locator("#login-submit").ClickAsync();
        await page.Locator("#logout-button").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
    }

    private static async Task FilterToDayAsync(IPage page, string day)
    {
        var seq = await LoadSeqAsync(page);
        await page.Locator("#f-from").FillAsync(day);
        await page.Locator("#f-to").FillAsync(day);
        await WaitForReloadAsync(page, seq);
        await page.WaitForFunctionAsync("() => document.body.dataset.loading === 'false'");
    }

    private static async Task<List<string>> TableIdsAsync(IPage page) =>
        [.. await page.Locator("#events-body tr[data-event-id]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.eventId)")];

    /// <summary>A day with two to twenty unreviewed-or-not events (so both fit on the first table page), and two of them.</summary>
    private async Task<(string Day, string A, string B)> TwoEventsOnOneDayAsync()
    {
        var all = await ApiEventsAsync();
        var day = all.GroupBy(e => Str(e, "event_date")).Where(g => g.Count() is >= 2 and <= 20)
            .OrderByDescending(g => g.Count(IsPlaced)).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault();
        Skip.If(day is null, "no day with two to twenty events in the store; nothing to merge on one table page");
        var pair = day!.OrderByDescending(IsPlaced).ThenBy(e => Str(e, "event_id"), StringComparer.Ordinal).Take(2).ToList();
        return (day.Key, Str(pair[0], "event_id"), Str(pair[1], "event_id"));
    }

    [SkippableFact]
    public async Task An_analyst_merges_an_event_with_one_picked_in_the_table_and_store_table_map_and_history_show_one_event()
    {
        server.RequireAvailable();
        var (day, a, b) = await TwoEventsOnOneDayAsync();
        var before = (await server.ApiAsync($"/api/events/{Uri.EscapeDataString(a)}")).GetProperty("event");
        var other = (await server.ApiAsync($"/api/events/{Uri.EscapeDataString(b)}")).GetProperty("event");
        var documents = Strings(before, "document_ids").Union(Strings(other, "document_ids")).Order(StringComparer.Ordinal).ToList();
        var dayBefore = await ApiEventsAsync($"&from={day}&to={day}");

        var page = await OpenDashboardAsync();
        await LogInAsync(page, server.UserName, server.Password);
        await FilterToDayAsync(page, day);
        Assert.Contains(b, await TableIdsAsync(page));

        await page.GotoAsync($"/#/event/{Uri.EscapeDataString(a)}");
        await WaitForDetailAsync(page, a);
        await page.Locator("#review-buttons [data-action='merge']").ClickAsync();
        await page.Locator("#review-merge").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        await page.Locator("#merge-pick").ClickAsync();
        await page.Locator("#pick-banner").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.False(await page.Locator("#detail").IsVisibleAsync(), "the detail panel steps aside while the analyst picks in the table");
        await server.ScreenshotAsync(page, "merge-pick");

        // The date link of B's row picks B instead of opening it.
        await page.Locator($"#events-body tr[data-event-id='{b}'] td a").ClickAsync();
        var dialog = page.Locator("#merge-dialog");
        await dialog.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Equal(a, await page.Locator("#merge-rows tr[data-field='event_id'] td").Nth(0).TextContentAsync());
        Assert.Equal(b, await page.Locator("#merge-rows tr[data-field='event_id'] td").Nth(1).TextContentAsync());
        Assert.Equal(Str(before, "notes"), await page.Locator("#merge-rows tr[data-field='notes'] td").Nth(0).TextContentAsync());
        Assert.Equal(Str(other, "notes"), await page.Locator("#merge-rows tr[data-field='notes'] td").Nth(1).TextContentAsync());
        await server.ScreenshotAsync(page, "merge-confirm");

        var seq = await LoadSeqAsync(page);
        await page.Locator("#merge-confirm").ClickAsync();
        await WaitForReloadAsync(page, seq);

        // The store: one incident (the smaller id, by the store's rule) with the sources of both, the other gone.
        var mergedId = string.CompareOrdinal(a, b) < 0 ? a : b;
        var goneId = mergedId == a ? b : a;
        var merged = await server.ApiAsync($"/api/events/{Uri.EscapeDataString(mergedId)}");
        Assert.Equal(documents, Strings(merged.GetProperty("event"), "document_ids").Order(StringComparer.Ordinal).ToList());
        // The id merged away still names its mention, so a link read a moment earlier leads to the merged incident.
        var viaGone = await server.ApiAsync($"/api/events/{Uri.EscapeDataString(goneId)}");
        Assert.Equal(mergedId, Str(viaGone.GetProperty("event"), "event_id"));
        var mergeEntries = merged.GetProperty("history").EnumerateArray().Where(h => Str(h, "action") == "merge").ToList();
        Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal), mergeEntries.Select(h => Str(h, "old_value")).Order(StringComparer.Ordinal));
        Assert.All(mergeEntries, h => Assert.Equal(server.UserName, Str(h, "user")));

        // The screen: the detail shows the merged event and who merged it; table and map hold one event fewer.
        await WaitForDetailAsync(page, mergedId);
        Assert.Contains(mergedId, await page.Locator("#review-status").TextContentAsync(), StringComparison.Ordinal);
        var historyItems = page.Locator("#detail-history li[data-action='merge']");
        Assert.Equal(mergeEntries.Count, await historyItems.CountAsync());
        Assert.All(await historyItems.AllTextContentsAsync(), text => Assert.Contains(server.UserName, text, StringComparison.Ordinal));
        Assert.Equal(documents.Count, await page.Locator("#detail-sources li").CountAsync());

        var dayAfter = await ApiEventsAsync($"&from={day}&to={day}");
        Assert.Equal(dayBefore.Count - 1, dayAfter.Count);
        var ids = await TableIdsAsync(page);
        Assert.Contains(mergedId, ids);
        Assert.DoesNotContain(goneId, ids);
        Assert.Equal(dayAfter.Count.ToString(CultureInfo.InvariantCulture), await page.EvaluateAsync<string>("() => document.body.dataset.viewCount"));
        Assert.Equal(dayAfter.Count(IsPlaced), await DashboardServer.WaitForMapTotalAsync(page, dayAfter.Count(IsPlaced)));
        await server.ScreenshotAsync(page, "merged");
        await page.Context.CloseAsync();
    }

    /// <summary>An incident with at least two mentions; when the store has none, two events are merged through the API first.</summary>
    private async Task<string> EventWithTwoMentionsAsync(IPage page)
    {
        foreach (var e in (await ApiEventsAsync()).Where(e => e.GetProperty("source_count").GetInt32() >= 2))
        {
            var id = Str(e, "event_id");
            if ((await server.ApiAsync($"/api/events/{Uri.EscapeDataString(id)}")).GetProperty("mentions").GetArrayLength() >= 2)
            {
                return id;
            }
        }

        var (_, a, b) = await TwoEventsOnOneDayAsync();
        var status = await PostReviewFromPageAsync(page, a, $$"""{"action":"merge","merge_with":"{{b}}"}""");
        Assert.Equal(200, status);
        return string.CompareOrdinal(a, b) < 0 ? a : b;
    }

    /// <summary>A review POST from inside the page, with the logged-in session's cookie and CSRF token.</summary>
    private static Task<int> PostReviewFromPageAsync(IPage page, string id, string json) =>
        page.EvaluateAsync<int>(
            """
            async ([id, body]) => (await fetch(`/api/events/${encodeURIComponent(id)}/review`, {
              method: "POST", credentials: "same-origin", body,
              headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": sessionStorage.getItem("rasid.csrf") ?? "" },
            })).status
            """,
            new[] { id, json });

    [SkippableFact]
    public async Task An_analyst_splits_a_mention_off_into_a_new_event_and_store_screen_and_history_agree()
    {
        server.RequireAvailable();
        var page = await OpenDashboardAsync();
        await LogInAsync(page, server.UserName, server.Password);
        var id = await EventWithTwoMentionsAsync(page);
        var detail = await server.ApiAsync($"/api/events/{Uri.EscapeDataString(id)}");
        var mentions = detail.GetProperty("mentions").EnumerateArray().Select(m => (Id: Str(m, "event_id"), Doc: Str(m, "document_id"))).ToList();
        var leaving = mentions.OrderBy(m => m.Id, StringComparer.Ordinal).Last(); // not the smallest: the kept event keeps its id
        var totalBefore = (await ApiEventsAsync()).Count;

        await page.GotoAsync($"/#/event/{Uri.EscapeDataString(id)}");
        await WaitForDetailAsync(page, id);
        await page.Locator("#review-buttons [data-action='split']").ClickAsync();
        await page.Locator("#review-split").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Equal(mentions.Count, await page.Locator("#split-mentions li").CountAsync());
        Assert.True(await page.Locator("#split-submit").IsDisabledAsync(), "nothing ticked: nothing to split");

        // Ticking every mention is refused on screen (one must stay), one is enough.
        foreach (var box in await page.Locator("#split-mentions input[type='checkbox']").AllAsync())
        {
            await box.CheckAsync();
        }

        Assert.True(await page.Locator("#split-submit").IsDisabledAsync(), "every mention ticked: the event would be empty");
        foreach (var box in await page.Locator("#split-mentions input[type='checkbox']").AllAsync())
        {
            await box.UncheckAsync();
        }

        await page.Locator($"#split-mentions li[data-mention-id='{leaving.Id}'] input").CheckAsync();
        Assert.True(await page.Locator("#split-submit").IsEnabledAsync());
        await server.ScreenshotAsync(page, "split-choose");

        var seq = await LoadSeqAsync(page);
        await page.Locator("#split-submit").ClickAsync();
        await WaitForReloadAsync(page, seq);
        await page.Locator("#review-status-link").WaitForAsync();

        // The store: the mention left for a new incident of its own; the old one keeps the others.
        var newId = leaving.Id; // an incident's id is its smallest mention id
        var created = await server.ApiAsync($"/api/events/{Uri.EscapeDataString(newId)}");
        Assert.Equal([leaving.Id], created.GetProperty("mentions").EnumerateArray().Select(m => Str(m, "event_id")).ToList());
        var kept = await server.ApiAsync($"/api/events/{Uri.EscapeDataString(id)}");
        Assert.Equal(
            mentions.Select(m => m.Id).Where(m => m != leaving.Id).Order(StringComparer.Ordinal).ToList(),
            kept.GetProperty("mentions").EnumerateArray().Select(m => Str(m, "event_id")).Order(StringComparer.Ordinal).ToList());
        var splitEntries = kept.GetProperty("history").EnumerateArray().Where(h => Str(h, "action") == "split").ToList();
        Assert.Contains(splitEntries, h => Str(h, "field") == "mention " + leaving.Id && Str(h, "new_value") == newId && Str(h, "user") == server.UserName);
        Assert.Equal(totalBefore + 1, (await ApiEventsAsync()).Count);

        // The screen: the kept event with its history naming the analyst, a link to the new event, one more event loaded.
        await WaitForDetailAsync(page, id);
        Assert.Equal(kept.GetProperty("event").GetProperty("document_ids").GetArrayLength(), await page.Locator("#detail-sources li").CountAsync());
        var historyText = string.Join("\n", await page.Locator("#detail-history li[data-action='split']").AllTextContentsAsync());
        Assert.Contains(server.UserName, historyText, StringComparison.Ordinal);
        Assert.Contains(newId, historyText, StringComparison.Ordinal);
        Assert.Equal((totalBefore + 1).ToString(CultureInfo.InvariantCulture), await page.EvaluateAsync<string>("() => document.body.dataset.viewCount"));
        await server.ScreenshotAsync(page, "split-done");

        // The same history in Arabic: still naming the analyst and the events.
        await page.Locator("#lang-toggle").ClickAsync();
        var arabicHistory = string.Join("\n", await page.Locator("#detail-history li[data-action='split']").AllTextContentsAsync());
        Assert.Matches("[\u0600-\u06FF]", arabicHistory);
        Assert.Contains(server.UserName, arabicHistory, StringComparison.Ordinal);
        Assert.Contains(newId, arabicHistory, StringComparison.Ordinal);
        Assert.Matches("[\u0600-\u06FF]", (await page.Locator("#review-buttons [data-action='split']").TextContentAsync())!);
        await server.ScreenshotAsync(page, "split-done-arabic");
        await page.Locator("#lang-toggle").ClickAsync();

        await page.Locator("#review-status-link").ClickAsync();
        await WaitForDetailAsync(page, newId);
        Assert.Equal(1, await page.Locator("#detail-sources li").CountAsync());
        Assert.Contains(server.UserName, string.Join("\n", await page.Locator("#detail-history li[data-action='split']").AllTextContentsAsync()), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task A_viewer_sees_no_merge_or_split_and_the_API_refuses_a_merge_from_the_page_leaving_the_store_unchanged()
    {
        server.RequireAvailable();
        var (_, a, b) = await TwoEventsOnOneDayAsync();
        var beforeA = (await server.ApiAsync($"/api/events/{Uri.EscapeDataString(a)}")).GetRawText();
        var beforeB = (await server.ApiAsync($"/api/events/{Uri.EscapeDataString(b)}")).GetRawText();

        var page = await OpenDashboardAsync();
        await LogInAsync(page, server.ViewerName, server.ViewerPassword);
        await page.GotoAsync($"/#/event/{Uri.EscapeDataString(a)}");
        await WaitForDetailAsync(page, a);
        Assert.False(await page.Locator("#review-buttons [data-action='merge']").IsVisibleAsync());
        Assert.False(await page.Locator("#review-buttons [data-action='split']").IsVisibleAsync());
        Assert.True(await page.Locator("#review-hint").IsVisibleAsync());
        Assert.True(await page.Locator("#review-merge").IsHiddenAsync());
        Assert.True(await page.Locator("#review-split").IsHiddenAsync());

        Assert.Equal(403, await PostReviewFromPageAsync(page, a, $$"""{"action":"merge","merge_with":"{{b}}"}"""));
        var mention = JsonDocument.Parse(beforeA).RootElement.GetProperty("mentions")[0];
        Assert.Equal(403, await PostReviewFromPageAsync(page, a, $$"""{"action":"split","mention_ids":["{{Str(mention, "event_id")}}"]}"""));
        Assert.Equal(beforeA, (await server.ApiAsync($"/api/events/{Uri.EscapeDataString(a)}")).GetRawText());
        Assert.Equal(beforeB, (await server.ApiAsync($"/api/events/{Uri.EscapeDataString(b)}")).GetRawText());
        await server.ScreenshotAsync(page, "viewer-no-merge");
        await page.Context.CloseAsync();
    }
}
