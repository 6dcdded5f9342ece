using System.Net;
using System.Text.Json;

namespace Rasid.Web.Tests;

public sealed class EventsApiTests : IDisposable
{
    private readonly RasidFactory _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Reports_of_the_same_strike_become_one_incident_listed_with_both_sources()
    {
        await TestDocs.Seed(_f);
        using var c = _f.Client();
        var page = await c.GetJson("/api/events?order=date_asc");
        Assert.Equal(3, page.GetProperty("total").GetInt64());
        var strike = page.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("sub_event_type").GetString() == "Air/drone strike");
        Assert.Equal(2, strike.GetProperty("source_count").GetInt32());
        Assert.Equal(["doc-a", "doc-b"], strike.GetProperty("document_ids").EnumerateArray().Select(d => d.GetString()!).ToArray());
        Assert.Equal(7, strike.GetProperty("fatalities").GetInt32());
        Assert.Equal("unreviewed", strike.GetProperty("review_state").GetString());
        Assert.Equal("Explosions/Remote violence", strike.GetProperty("event_type").GetString());
    }

    [Fact]
    public async Task Every_event_carries_the_design_fields_under_acled_names()
    {
        await TestDocs.Seed(_f);
        using var c = _f.Client();
        var e = (await c.GetJson("/api/events?limit=1")).GetProperty("items")[0];
        foreach (var field in new[]
                 {
                     "event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
                     "assoc_actor_2", "inter2", "interaction", "country", "country_code", "admin1", "admin2", "admin3", "location", "location_ar",
                     "latitude", "longitude", "geo_precision", "source", "notes", "fatalities", "fatalities_low", "fatalities_high", "modality",
                     "evidence", "document_id", "confidence", "place_candidates", "source_count", "document_ids", "review_state",
                 })
        {
            Assert.True(e.TryGetProperty(field, out _), $"missing {field}");
        }
    }

    [Theory]
    [InlineData("type=Battles", new[] { "doc-a-1" })]
    [InlineData("sub_type=Shelling%2Fartillery%2Fmissile%20attack", new[] { "doc-c-0" })]
    [InlineData("country=YE", new[] { "doc-c-0" })]
    [InlineData("country=syria&order=date_asc", new[] { "doc-a-1", "doc-a-0" })]
    [InlineData("from=2017-04-25&to=2017-05-31", new[] { "doc-a-0" })]
    [InlineData("bbox=44,12,46,13", new[] { "doc-c-0" })]
    [InlineData("actor=democratic", new[] { "doc-a-1" })]
    [InlineData("order=fatalities", new[] { "doc-c-0", "doc-a-0", "doc-a-1" })]
    [InlineData("admin1=Aden", new[] { "doc-c-0" })]
    [InlineData("review_state=accepted", new string[0])]
    public async Task Filters_select_the_matching_incidents(string query, string[] expected)
    {
        await TestDocs.Seed(_f);
        using var c = _f.Client();
        var page = await c.GetJson("/api/events?" + query);
        Assert.Equal(expected, page.Ids());
        Assert.Equal(expected.Length, page.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("order=date")]
    [InlineData("order=fatalities&type=Battles")]
    [InlineData("country=syria&limit=1&offset=1")]
    public async Task Summary_fields_list_the_same_incidents_with_what_map_and_table_show_and_nothing_heavy(string query)
    {
        await TestDocs.Seed(_f);
        using var c = _f.Client();
        var full = await c.GetJson("/api/events?" + query);
        var summary = await c.GetJson("/api/events?fields=summary&" + query);
        Assert.Equal(full.Ids(), summary.Ids());
        Assert.Equal(full.GetProperty("total").GetInt64(), summary.GetProperty("total").GetInt64());
        foreach (var (f, s) in full.GetProperty("items").EnumerateArray().Zip(summary.GetProperty("items").EnumerateArray()))
        {
            foreach (var field in new[]
                     {
                         "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "country", "country_code", "admin1",
                         "location", "latitude", "longitude", "geo_precision", "fatalities", "modality", "source_count", "review_state",
                     })
            {
                Assert.Equal(f.GetProperty(field).GetRawText(), s.GetProperty(field).GetRawText());
            }

            foreach (var heavy in new[] { "evidence", "notes", "place_candidates", "document_ids" })
            {
                Assert.False(s.TryGetProperty(heavy, out _), $"summary carries {heavy}");
            }
        }
    }

    [Fact]
    public async Task Paging_keeps_the_total_and_walks_the_order()
    {
        await TestDocs.Seed(_f);
        using var c = _f.Client();
        var all = (await c.GetJson("/api/events?order=date")).Ids();
        var first = await c.GetJson("/api/events?order=date&limit=2&offset=0");
        var second = await c.GetJson("/api/events?order=date&limit=2&offset=2");
        Assert.Equal(3, first.GetProperty("total").GetInt64());
        Assert.Equal(3, second.GetProperty("total").GetInt64());
        Assert.Equal(all, first.Ids().Concat(second.Ids()).ToArray());
    }

    [Theory]
    [InlineData("date")]
    [InlineData("date_asc")]
    [InlineData("fatalities")]
    public async Task Following_the_next_cursor_walks_the_same_order_as_offsets_and_ends_with_null(string order)
    {
        await TestDocs.Seed(_f);
        using var c = _f.Client();
        var all = (await c.GetJson($"/api/events?order={order}")).Ids();
        var ids = new List<string>();
        var page = await c.GetJson($"/api/events?order={order}&limit=1&fields=summary");
        for (int i = 0; i < 5; i++)
        {
            ids.AddRange(page.Ids());
            var next = page.GetProperty("next");
            if (next.ValueKind == JsonValueKind.Null)
            {
                break;
            }

            Assert.Equal(3, page.GetProperty("total").GetInt64());
            page = await c.GetJson($"/api/events?order={order}&limit=1&fields=summary&after={Uri.EscapeDataString(next.GetString()!)}");
        }

        Assert.Equal(all, ids.ToArray());
    }

    [Theory]
    [InlineData("after=not-a-cursor")]
    [InlineData("after=YzEJZGF0ZQkyMDE3LTA0LTI2CTAJZG9jLWEtMA&order=fatalities")] // a cursor made for order=date
    public async Task A_bad_or_foreign_cursor_is_a_400_naming_after(string query)
    {
        using var c = _f.Client();
        var r = await c.GetAsync("/api/events?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.True((await r.Json()).GetProperty("errors").TryGetProperty("after", out _));
    }

    [Theory]
    [InlineData("from=2017-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("type=Skirmish", "type")]
    [InlineData("sub_type=Bombing", "sub_type")]
    [InlineData("limit=1001", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("bbox=1,2,3", "bbox")]
    [InlineData("modality=rumoured", "modality")]
    [InlineData("order=random", "order")]
    [InlineData("colour=red", "colour")]
    [InlineData("fields=evidence", "fields")]
    public async Task Bad_filters_get_400_problem_details_naming_the_parameter(string query, string field)
    {
        using var c = _f.Client();
        var r = await c.GetAsync("/api/events?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var body = await r.Json();
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
        Assert.Contains(field, body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task One_event_comes_with_its_mentions_sources_and_evidence()
    {
        await TestDocs.Seed(_f);
        using var c = _f.Client();
        var d = await c.GetJson("/api/events/doc-a-0");
        Assert.Equal("doc-a-0", d.GetProperty("event").GetProperty("event_id").GetString());
        var sources = d.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(["doc-a", "doc-b"], sources.Select(s => s.GetProperty("document_id").GetString()!).ToArray());
        Assert.Equal("t doc-a", sources[0].GetProperty("title").GetString());
        Assert.Equal("2017-05-02", sources[0].GetProperty("published").GetString());
        var mentions = d.GetProperty("mentions").EnumerateArray().ToList();
        Assert.Equal(["doc-a-0", "doc-b-0"], mentions.Select(m => m.GetProperty("event_id").GetString()!).ToArray());
        Assert.All(mentions, m => Assert.Equal("doc-a-0", m.GetProperty("incident_id").GetString()));
        var evidence = mentions[1].GetProperty("evidence")[0];
        Assert.Equal("غارة على البوكمال قتلت سبعة أشخاص.", evidence.GetProperty("text").GetString());
        Assert.Equal(0, d.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task Unknown_event_is_a_404_problem()
    {
        using var c = _f.Client();
        var r = await c.GetAsync("/api/events/nope");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Contains("nope", (await r.Json()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Timeline_counts_events_and_fatalities_per_day()
    {
        await TestDocs.Seed(_f);
        using var c = _f.Client();
        var days = (await c.GetJson("/api/timeline?country=SY")).EnumerateArray()
            .Select(d => (d.GetProperty("date").GetString(), d.GetProperty("events").GetInt64(), d.GetProperty("fatalities").GetInt64())).ToList();
        Assert.Equal([("2017-04-20", 1L, 2L), ("2017-05-01", 1L, 7L)], days);
    }

    [Fact]
    public async Task Facets_count_the_values_of_the_selected_incidents()
    {
        await TestDocs.Seed(_f);
        using var c = _f.Client();
        var f = await c.GetJson("/api/facets");
        var countries = f.GetProperty("countries").EnumerateArray().Select(x => (x.GetProperty("code").GetString(), x.GetProperty("name").GetString(), x.GetProperty("count").GetInt64())).ToList();
        Assert.Equal([("SY", "Syria", 2L), ("YE", "Yemen", 1L)], countries);
        var types = f.GetProperty("event_types").EnumerateArray().Select(x => (x.GetProperty("name").GetString(), x.GetProperty("count").GetInt64())).ToList();
        Assert.Equal([("Explosions/Remote violence", 2L), ("Battles", 1L)], types);
        var actors = f.GetProperty("actors").EnumerateArray().Select(x => x.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Islamic State", "Syrian Democratic Forces"], actors);
        var yemen = await c.GetJson("/api/facets?country=YE");
        Assert.Equal("Aden", yemen.GetProperty("admin1")[0].GetProperty("name").GetString());
        Assert.Equal(1, yemen.GetProperty("countries").GetArrayLength());
    }

    [Fact]
    public async Task Export_refuses_an_unknown_format_naming_it()
    {
        using var c = _f.Client();
        var r = await c.GetAsync("/api/export?format=xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.True((await r.Json()).GetProperty("errors").TryGetProperty("format", out _));
    }

    [Fact]
    public async Task Export_acled_csv_has_acled_columns_and_one_row_per_selected_incident()
    {
        await TestDocs.Seed(_f);
        using var c = _f.Client();
        var r = await c.GetAsync("/api/export?format=acled-csv&country=SY");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("text/csv", r.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".csv", r.Content.Headers.ContentDisposition?.FileNameStar ?? r.Content.Headers.ContentDisposition?.FileName);
        var lines = (await r.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("event_id_cnty,event_date,year,", lines[0]);
        Assert.Equal(3, lines.Length); // header + the strike incident + the clash
        Assert.Contains(lines, l => l.Contains("Air/drone strike") && l.Contains(",7,"));
    }

    [Theory]
    [InlineData("geojson")]
    [InlineData("jsonl")]
    [InlineData("json")]
    public async Task Export_json_formats_carry_every_selected_incident(string format)
    {
        await TestDocs.Seed(_f);
        using var c = _f.Client();
        var text = await c.GetStringAsync($"/api/export?format={format}&order=date_asc");
        var ids = format switch
        {
            "geojson" => JsonDocument.Parse(text).RootElement.GetProperty("features").EnumerateArray()
                .Select(f => f.GetProperty("properties").GetProperty("event_id").GetString()).ToList(),
            "jsonl" => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("event_id").GetString()).ToList(),
            _ => JsonDocument.Parse(text).RootElement.EnumerateArray().Select(e => e.GetProperty("event_id").GetString()).ToList(),
        };
        Assert.Equal(["doc-c-0", "doc-a-1", "doc-a-0"], ids);
    }

    [Fact]
    public async Task Ingest_status_counts_what_the_server_was_sent()
    {
        await TestDocs.Seed(_f);
        await _f.Submit(TestDocs.Yemen, "2015-07-21", "doc-c", "YE");
        using var c = _f.Client();
        var s = await c.GetJson("/api/ingest/status");
        var server = s.GetProperty("server");
        Assert.Equal(4, server.GetProperty("documents_received").GetInt64());
        Assert.Equal(3, server.GetProperty("documents_stored").GetInt64());
        Assert.Equal(1, server.GetProperty("documents_skipped").GetInt64());
        Assert.Equal(0, server.GetProperty("in_flight").GetInt64());
        Assert.Equal(3, s.GetProperty("store").GetProperty("documents").GetInt64());
        Assert.Equal(JsonValueKind.Null, s.GetProperty("queue").ValueKind);
    }

    [Fact]
    public async Task Ingest_status_counts_a_document_this_server_stored_at_once_despite_caching_the_store_counts()
    {
        await TestDocs.Seed(_f);
        using var c = _f.Client();
        var before = (await c.GetJson("/api/ingest/status")).GetProperty("store").GetProperty("documents").GetInt64();
        await _f.Submit(TestDocs.Yemen + "\nتحديث.", "2015-07-22", "doc-d", "YE"); // new text: not a duplicate
        var after = (await c.GetJson("/api/ingest/status")).GetProperty("store").GetProperty("documents").GetInt64();
        Assert.Equal(before + 1, after);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_endpoints()
    {
        using var c = _f.Client();
        var doc = await c.GetJson("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var p in new[] { "/api/events", "/api/events/{id}", "/api/events/{id}/review", "/api/documents", "/api/documents/{id}", "/api/login" })
        {
            Assert.True(paths.TryGetProperty(p, out _), p);
        }
    }
}
