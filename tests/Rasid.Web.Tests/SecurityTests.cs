using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Rasid.Web.Tests;

public sealed class SecurityTests : IDisposable
{
    private readonly RasidFactory _f = new();

    public void Dispose() => _f.Dispose();

    private static readonly object Doc = new { text = TestDocs.Yemen, published = "2015-07-21" };

    public static TheoryData<string?, HttpStatusCode> Writers => new()
    {
        { null, HttpStatusCode.Unauthorized },
        { "viewer", HttpStatusCode.Forbidden },
        { "bogus", HttpStatusCode.Unauthorized },
    };

    private HttpClient ClientAs(string? who) => who switch
    {
        null => _f.Client(),
        "viewer" => _f.Client(_f.ViewerKey),
        _ => _f.Client("rsd_" + new string('0', 64)),
    };

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task Unauthenticated_or_viewer_document_submission_is_refused_and_changes_nothing(string? who, HttpStatusCode expected)
    {
        await TestDocs.Seed(_f);
        var before = _f.Store.Stats();
        using var c = ClientAs(who);
        var r = await c.PostJson("/api/documents", new { text = "[[Attack|2017-05-03|34.4|40.9|X|1]] هجوم.", published = "2017-05-03" });
        Assert.Equal(expected, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, _f.Store.Stats());
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task Unauthenticated_or_viewer_review_is_refused_and_changes_nothing(string? who, HttpStatusCode expected)
    {
        await TestDocs.Seed(_f);
        var before = _f.Store.Stats();
        using var c = ClientAs(who);
        foreach (var body in new object[]
                 {
                     new { action = "accept" }, new { action = "edit", fields = new Dictionary<string, string> { ["fatalities"] = "1" } },
                     new { action = "split", mention_ids = new[] { "doc-b-0" } },
                 })
        {
            Assert.Equal(expected, (await c.PostJson("/api/events/doc-a-0/review", body)).StatusCode);
        }

        Assert.Equal(before, _f.Store.Stats());
        Assert.Empty(_f.Store.History("doc-a-0"));
        var incident = _f.Store.GetIncident("doc-a-0")!;
        Assert.Equal("unreviewed", incident.ReviewState);
        Assert.Equal(7, incident.Event.Fatalities);
        Assert.Equal(2, incident.SourceCount);
    }

    [Fact]
    public async Task Api_key_works_in_either_header()
    {
        using var c = _f.Client();
        var req = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = JsonContent.Create(Doc) };
        req.Headers.Add("X-Api-Key", _f.AnalystKey);
        Assert.Equal(HttpStatusCode.Created, (await c.SendAsync(req)).StatusCode);
        var me = await _f.Client(_f.AdminKey).GetJson("/api/me");
        Assert.Equal("admin", me.GetProperty("role").GetString());
        Assert.Equal("admin", me.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Password_login_gives_a_cookie_session_whose_writes_need_the_csrf_token()
    {
        using var c = _f.Client();
        var login = await c.PostJson("/api/login", new { name = "ana", password = RasidFactory.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Where(h => h.StartsWith("rasid.auth=", StringComparison.Ordinal)));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var session = await login.Json();
        var token = session.GetProperty("csrf_token").GetString()!;
        Assert.Equal("analyst", session.GetProperty("role").GetString());

        var noToken = await c.PostJson("/api/documents", Doc);
        Assert.Equal(HttpStatusCode.Forbidden, noToken.StatusCode);
        Assert.Contains("CSRF", (await noToken.Json()).GetProperty("title").GetString());
        Assert.Equal(0, _f.Store.Stats().Documents);

        var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = JsonContent.Create(Doc) };
        wrong.Headers.Add("X-CSRF-Token", token[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.Forbidden, (await c.SendAsync(wrong)).StatusCode);
        Assert.Equal(0, _f.Store.Stats().Documents);

        var ok = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = JsonContent.Create(Doc) };
        ok.Headers.Add("X-CSRF-Token", token);
        Assert.Equal(HttpStatusCode.Created, (await c.SendAsync(ok)).StatusCode);

        var me = await c.GetJson("/api/me");
        Assert.True(me.GetProperty("authenticated").GetBoolean());
        Assert.False(string.IsNullOrEmpty(me.GetProperty("csrf_token").GetString()));

        var logout = new HttpRequestMessage(HttpMethod.Post, "/api/logout");
        logout.Headers.Add("X-CSRF-Token", token);
        Assert.Equal(HttpStatusCode.NoContent, (await c.SendAsync(logout)).StatusCode);
        Assert.False((await c.GetJson("/api/me")).GetProperty("authenticated").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.PostJson("/api/documents", Doc)).StatusCode);
    }

    [Fact]
    public async Task Five_failed_logins_lock_the_account_for_fifteen_minutes()
    {
        using var c = _f.Client();
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await c.PostJson("/api/login", new { name = "ana", password = "wrong" + i })).StatusCode);
        }

        var locked = await c.PostJson("/api/login", new { name = "ana", password = RasidFactory.Password });
        Assert.Equal((HttpStatusCode)423, locked.StatusCode);
        Assert.Contains("locked", (await locked.Json()).GetProperty("detail").GetString());
        var until = _f.Store.FindUser("ana")!.LockedUntil!.Value;
        Assert.InRange(until - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.PostJson("/api/documents", Doc)).StatusCode);
    }

    [Fact]
    public async Task A_good_login_resets_the_failure_count()
    {
        using var c = _f.Client();
        for (int i = 0; i < 4; i++)
        {
            await c.PostJson("/api/login", new { name = "ana", password = "wrong" });
        }

        Assert.Equal(HttpStatusCode.OK, (await c.PostJson("/api/login", new { name = "ana", password = RasidFactory.Password })).StatusCode);
        Assert.Equal(0, _f.Store.FindUser("ana")!.FailedLogins);
        Assert.Null(_f.Store.FindUser("ana")!.LockedUntil);
    }

    [Fact]
    public async Task Unknown_user_and_wrong_password_get_the_same_answer()
    {
        using var c = _f.Client();
        var unknown = await (await c.PostJson("/api/login", new { name = "nobody", password = "x" })).Json();
        var wrong = await (await c.PostJson("/api/login", new { name = "ana", password = "x" })).Json();
        Assert.Equal(unknown.GetProperty("detail").GetString(), wrong.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Oversized_bodies_get_413_with_a_clear_message_and_store_nothing()
    {
        using var c = _f.Client(_f.AnalystKey);
        var big = new string('ق', 1_200_000); // 2.4 MB of UTF-8
        var r = await c.PostJson("/api/documents", new { text = big, published = "2017-05-02" });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        Assert.Contains("limit", (await r.Json()).GetProperty("detail").GetString());

        // With Content-Length: refused before reading.
        var sized = new StringContent($$"""{"text":"{{big}}","published":"2017-05-02"}""", Encoding.UTF8, "application/json");
        Assert.NotNull(sized.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await c.PostAsync("/api/documents", sized)).StatusCode);

        // Chunked (no Content-Length): refused while reading.
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"text":"{{big}}","published":"2017-05-02"}""")));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var req = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = chunked };
        req.Headers.TransferEncodingChunked = true;
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await c.SendAsync(req)).StatusCode);
        Assert.Equal(0, _f.Store.Stats().Documents);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        using var c = _f.Client();
        foreach (var url in new[] { "/api/events", "/api/nowhere", "/openapi/v1.json" })
        {
            var r = await c.GetAsync(url);
            Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", r.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("DENY", r.Headers.GetValues("X-Frame-Options").Single());
            var csp = r.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
        }
    }

    [Fact]
    public async Task Unknown_api_paths_are_404_problems()
    {
        using var c = _f.Client();
        var r = await c.GetAsync("/api/nowhere");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class KeyedReadingTests : IDisposable
{
    private readonly RasidFactory _f = new(("ReadKeyed", "true"));

    public void Dispose() => _f.Dispose();

    [Theory]
    [InlineData("/api/events")]
    [InlineData("/api/events/doc-a-0")]
    [InlineData("/api/documents/doc-a")]
    [InlineData("/api/timeline")]
    [InlineData("/api/facets")]
    [InlineData("/api/ingest/status")]
    public async Task Keyed_reading_refuses_anonymous_reads_and_admits_viewers(string url)
    {
        await TestDocs.Seed(_f);
        using var anonymous = _f.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
        using var viewer = _f.Client(_f.ViewerKey);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Keyed_reading_refuses_anonymous_extraction()
    {
        using var anonymous = _f.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJson("/api/extract", new { text = "نص", published = "2017-05-02" })).StatusCode);
        var me = await anonymous.GetJson("/api/me");
        Assert.True(me.GetProperty("read_keyed").GetBoolean());
    }
}

public sealed class RateLimitTests : IDisposable
{
    private readonly RasidFactory _f = new(("LoginPermitsPerMinute", "3"), ("WritePermitsPerMinute", "2"));

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Logins_beyond_the_limit_get_429()
    {
        using var c = _f.Client();
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await c.PostJson("/api/login", new { name = "nobody", password = "x" })).StatusCode);
        }

        var r = await c.PostJson("/api/login", new { name = "ana", password = RasidFactory.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Writes_beyond_the_limit_get_429_and_store_nothing_more()
    {
        using var c = _f.Client(_f.AnalystKey);
        Assert.Equal(HttpStatusCode.Created, (await c.PostJson("/api/documents", new { text = "أ", published = "2017-05-02" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await c.PostJson("/api/documents", new { text = "ب", published = "2017-05-02" })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await c.PostJson("/api/documents", new { text = "ج", published = "2017-05-02" })).StatusCode);
        Assert.Equal(2, _f.Store.Stats().Documents);
    }
}
