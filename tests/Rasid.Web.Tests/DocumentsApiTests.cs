using System.Net;
using System.Text;

namespace Rasid.Web.Tests;

public sealed class DocumentsApiTests : IDisposable
{
    private readonly RasidFactory _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Document_spans_slice_the_original_text_exactly()
    {
        await TestDocs.Seed(_f);
        using var c = _f.Client();
        foreach (var id in new[] { "doc-a", "doc-b", "doc-c" })
        {
            var d = await c.GetJson("/api/documents/" + id);
            var text = d.GetProperty("text").GetString()!;
            var spans = d.GetProperty("spans").EnumerateArray().ToList();
            Assert.NotEmpty(spans);
            var evidence = d.GetProperty("events").EnumerateArray()
                .SelectMany(e => e.GetProperty("evidence").EnumerateArray().Select(v => (Event: e.GetProperty("event_id").GetString(), Text: v.GetProperty("text").GetString())))
                .ToList();
            foreach (var s in spans)
            {
                int start = s.GetProperty("start").GetInt32(), end = s.GetProperty("end").GetInt32();
                Assert.Equal("evidence", s.GetProperty("kind").GetString());
                Assert.Contains((s.GetProperty("event_id").GetString(), text[start..end]), evidence);
            }
        }
    }

    [Fact]
    public async Task Document_lists_its_own_mentions_with_the_incident_they_joined()
    {
        await TestDocs.Seed(_f);
        using var c = _f.Client();
        var d = await c.GetJson("/api/documents/doc-b");
        Assert.Equal(TestDocs.SameStrike, d.GetProperty("text").GetString());
        Assert.Equal("extracted", d.GetProperty("status").GetString());
        Assert.Equal("SY", d.GetProperty("country_hint").GetString());
        var e = Assert.Single(d.GetProperty("events").EnumerateArray());
        Assert.Equal("doc-b-0", e.GetProperty("event_id").GetString());
        Assert.Equal("doc-a-0", e.GetProperty("incident_id").GetString());
        Assert.Equal(7, e.GetProperty("fatalities").GetInt32());
    }

    [Fact]
    public async Task Posted_document_is_extracted_stored_and_its_events_listed()
    {
        using var c = _f.Client(_f.AnalystKey);
        var r = await c.PostJson("/api/documents", new { text = TestDocs.Yemen, published = "2015-07-21", country_hint = "ye", url = "https://example.org/a" });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var body = await r.Json();
        var id = body.GetProperty("document_id").GetString()!;
        Assert.StartsWith("web-", id);
        Assert.Equal($"/api/documents/{id}", r.Headers.Location?.OriginalString);
        Assert.Single(body.GetProperty("events").EnumerateArray());
        var page = await c.GetJson("/api/events?country=YE");
        Assert.Equal(1, page.GetProperty("total").GetInt64());
        Assert.Equal(id, page.GetProperty("items")[0].GetProperty("document_id").GetString());

        var again = await c.PostJson("/api/documents", new { text = TestDocs.Yemen, published = "2015-07-21" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var dup = await again.Json();
        Assert.True(dup.GetProperty("duplicate").GetBoolean());
        Assert.Equal(1, _f.Store.Stats().Documents);
    }

    [Fact]
    public async Task Extract_answers_events_without_storing_them()
    {
        using var c = _f.Client();
        var r = await c.PostJson("/api/extract", new { text = TestDocs.StrikeAndClash, published = "2017-05-02" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(2, (await r.Json()).GetProperty("events").GetArrayLength());
        Assert.Equal(0, _f.Store.Stats().Documents);
    }

    [Theory]
    [InlineData("""{"text":"نص","published":"2017-02-30"}""", "published")]
    [InlineData("""{"text":"نص","published":"02/05/2017"}""", "published")]
    [InlineData("""{"text":"نص","published":"0001-01-01"}""", "published")]
    [InlineData("""{"text":"نص"}""", "published")]
    [InlineData("""{"text":"  ","published":"2017-05-02"}""", "text")]
    [InlineData("""{"text":"نص","published":"2017-05-02","country_hint":"Syria"}""", "country_hint")]
    [InlineData("""{"text":"نص","published":"2017-05-02","url":"javascript:alert(1)"}""", "url")]
    [InlineData("""{"text":"نص","published":"2017-05-02","colour":"red"}""", "colour")]
    [InlineData("""{"text":"نص","published":20170502}""", "published")]
    [InlineData("""{"text":"نص","published":"2017-05-02" """, "body")]
    public async Task Bad_documents_get_400_problem_details_naming_the_field_and_store_nothing(string json, string field)
    {
        using var c = _f.Client(_f.AnalystKey);
        var r = await c.PostAsync("/api/documents", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var text = await r.Content.ReadAsStringAsync();
        if (field != "body")
        {
            Assert.Contains(field, text);
        }

        Assert.DoesNotContain("   at ", text); // no stack trace
        Assert.Equal(0, _f.Store.Stats().Documents);
    }

    [Fact]
    public async Task Unknown_document_is_a_404_problem()
    {
        using var c = _f.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync("/api/documents/none")).StatusCode);
    }
}
