using System.Net;
using System.Text.Json;

namespace Rasid.Web.Tests;

public sealed class ReviewApiTests : IDisposable
{
    private readonly RasidFactory _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Accept_then_reject_records_who_and_the_old_and_new_state()
    {
        await TestDocs.Seed(_f);
        using var c = _f.Client(_f.AnalystKey);
        Assert.Equal(HttpStatusCode.OK, (await c.PostJson("/api/events/doc-c-0/review", new { action = "accept" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.PostJson("/api/events/doc-c-0/review", new { action = "reject" })).StatusCode);
        var history = (await c.GetJson("/api/events/doc-c-0/history")).EnumerateArray().ToList();
        Assert.Equal(2, history.Count);
        Assert.All(history, h => Assert.Equal("analyst", h.GetProperty("user").GetString()));
        Assert.Equal(("accept", "unreviewed", "accepted"), Entry(history[0]));
        Assert.Equal(("reject", "accepted", "rejected"), Entry(history[1]));
        Assert.True(history[0].GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(["doc-c-0"], (await c.GetJson("/api/events?review_state=rejected")).Ids());
    }

    private static (string?, string?, string?) Entry(JsonElement h) =>
        (h.GetProperty("action").GetString(), h.GetProperty("old_value").GetString(), h.GetProperty("new_value").GetString());

    [Fact]
    public async Task Edit_changes_the_fields_and_writes_one_history_entry_per_changed_field()
    {
        await TestDocs.Seed(_f);
        using var c = _f.Client(_f.AnalystKey);
        var r = await c.PostJson("/api/events/doc-c-0/review", new
        {
            action = "edit",
            fields = new Dictionary<string, string?>
            {
                ["sub_event_type"] = "Air/drone strike", ["fatalities"] = "38", ["actor1"] = "Military Forces of Saudi Arabia", ["event_date"] = "2015-07-19",
            },
        });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var e = (await r.Json()).GetProperty("event");
        Assert.Equal("Air/drone strike", e.GetProperty("sub_event_type").GetString());
        Assert.Equal(38, e.GetProperty("fatalities").GetInt32());
        Assert.Equal("edited", e.GetProperty("review_state").GetString());

        var history = (await c.GetJson("/api/events/doc-c-0/history")).EnumerateArray()
            .Select(h => (h.GetProperty("field").GetString(), h.GetProperty("old_value").GetString(), h.GetProperty("new_value").GetString())).ToList();
        Assert.Contains(("sub_event_type", "Shelling/artillery/missile attack", "Air/drone strike"), history);
        Assert.Contains(("fatalities", "40", "38"), history);
        Assert.Contains(("actor1", null, "Military Forces of Saudi Arabia"), history);
        Assert.Contains(("review_state", "unreviewed", "edited"), history);
        Assert.DoesNotContain(history, h => h.Item1 == "event_date"); // unchanged: no entry
        Assert.DoesNotContain(history, h => h.Item1 == "event_type"); // same parent type: no change
        var detail = await c.GetJson("/api/events/doc-c-0");
        Assert.Equal(history.Count, detail.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task Edits_survive_a_new_report_joining_the_incident()
    {
        await _f.Submit(TestDocs.StrikeAndClash, id: "doc-a");
        using var c = _f.Client(_f.AnalystKey);
        var edit = new { action = "edit", fields = new Dictionary<string, string> { ["fatalities"] = "6", ["notes"] = "Checked by phone." } };
        Assert.Equal(HttpStatusCode.OK, (await c.PostJson("/api/events/doc-a-0/review", edit)).StatusCode);
        await _f.Submit(TestDocs.SameStrike, id: "doc-b"); // reports 7 killed and joins the incident
        var incident = _f.Store.GetIncident("doc-a-0")!;
        Assert.Equal(2, incident.SourceCount);
        Assert.Equal(6, incident.Event.Fatalities);
        Assert.Equal("Checked by phone.", incident.Event.Notes);
        Assert.Equal("edited", incident.ReviewState);
    }

    [Theory]
    [InlineData("event_type", "Skirmishes", "fields.event_type")]
    [InlineData("sub_event_type", "Bombing", "fields.sub_event_type")]
    [InlineData("event_date", "2015-02-31", "fields.event_date")]
    [InlineData("fatalities", "-3", "fields.fatalities")]
    [InlineData("latitude", "95", "fields.latitude")]
    [InlineData("geo_precision", "4", "fields.geo_precision")]
    [InlineData("colour", "red", "fields.colour")]
    public async Task Bad_edits_get_400_naming_the_field_and_change_nothing(string field, string value, string error)
    {
        await TestDocs.Seed(_f);
        using var c = _f.Client(_f.AnalystKey);
        var r = await c.PostJson("/api/events/doc-c-0/review", new { action = "edit", fields = new Dictionary<string, string> { [field] = value } });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.True((await r.Json()).GetProperty("errors").TryGetProperty(error, out _));
        Assert.Empty(_f.Store.History("doc-c-0"));
        Assert.Equal("unreviewed", _f.Store.GetIncident("doc-c-0")!.ReviewState);
    }

    [Theory]
    [InlineData("""{"action":"approve"}""", "action")]
    [InlineData("""{"action":"merge"}""", "merge_with")]
    [InlineData("""{"action":"split","mention_ids":[]}""", "mention_ids")]
    public async Task Bad_review_requests_get_400_naming_the_field(string json, string field)
    {
        await TestDocs.Seed(_f);
        using var c = _f.Client(_f.AnalystKey);
        var r = await c.PostAsync("/api/events/doc-c-0/review", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.True((await r.Json()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Review_of_an_unknown_event_is_404()
    {
        using var c = _f.Client(_f.AnalystKey);
        Assert.Equal(HttpStatusCode.NotFound, (await c.PostJson("/api/events/none/review", new { action = "accept" })).StatusCode);
    }

    [Fact]
    public async Task Split_moves_mentions_to_a_new_event_and_merge_joins_them_again()
    {
        await TestDocs.Seed(_f);
        using var c = _f.Client(_f.AdminKey);
        var split = await c.PostJson("/api/events/doc-a-0/review", new { action = "split", mention_ids = new[] { "doc-b-0" } });
        Assert.Equal(HttpStatusCode.OK, split.StatusCode);
        var s = await split.Json();
        Assert.Equal(1, s.GetProperty("event").GetProperty("source_count").GetInt32());
        Assert.Equal(5, s.GetProperty("event").GetProperty("fatalities").GetInt32());
        Assert.Equal("doc-b-0", s.GetProperty("split_off").GetProperty("event_id").GetString());
        Assert.Equal(4, (await c.GetJson("/api/events")).GetProperty("total").GetInt64());
        Assert.Contains(_f.Store.History("doc-b-0"), h => h.Action == "split" && h.User == "admin" && h.OldValue == "doc-a-0" && h.NewValue == "doc-b-0");

        var merge = await c.PostJson("/api/events/doc-b-0/review", new { action = "merge", merge_with = "doc-a-0" });
        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
        var m = (await merge.Json()).GetProperty("event");
        Assert.Equal("doc-a-0", m.GetProperty("event_id").GetString());
        Assert.Equal(2, m.GetProperty("source_count").GetInt32());
        Assert.Equal(3, (await c.GetJson("/api/events")).GetProperty("total").GetInt64());
        Assert.Equal(3, _f.Store.Stats().Incidents);
        // the id merged away still names its mention, so it leads to the incident that mention is in now
        Assert.Equal("doc-a-0", _f.Store.GetIncident("doc-b-0")!.Event.EventId);
        var history = _f.Store.History("doc-a-0");
        Assert.Contains(history, h => h.Action == "merge" && h.OldValue == "doc-b-0" && h.NewValue == "doc-a-0");
    }

    [Theory]
    [InlineData("""{"action":"merge","merge_with":"doc-c-0x"}""", HttpStatusCode.NotFound)]
    [InlineData("""{"action":"merge","merge_with":"doc-a-0"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"action":"split","mention_ids":["doc-c-0"]}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"action":"split","mention_ids":["doc-a-0","doc-b-0"]}""", HttpStatusCode.BadRequest)]
    public async Task Impossible_merges_and_splits_are_refused_and_change_nothing(string json, HttpStatusCode status)
    {
        await TestDocs.Seed(_f);
        using var c = _f.Client(_f.AnalystKey);
        var before = _f.Store.Stats();
        var r = await c.PostAsync("/api/events/doc-a-0/review", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(status, r.StatusCode);
        Assert.Equal(before, _f.Store.Stats());
        Assert.Empty(_f.Store.History("doc-a-0"));
    }
}
