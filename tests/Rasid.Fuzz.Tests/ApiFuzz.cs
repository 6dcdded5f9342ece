using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Rasid.Store;
using Xunit.Abstractions;

namespace Rasid.Fuzz.Tests;

/// <summary>
/// The real app (real extractor, SQLite file in a temp folder) over HTTP through WebApplicationFactory, with
/// generated and mutated requests: event filter query strings, review bodies and document bodies. No request may get
/// a 500 or a stack trace.
/// </summary>
public sealed class ApiFixture : IDisposable
{
    private sealed class Factory(string db) : WebApplicationFactory<Rasid.Web.Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Rasid:Db", db);
            // the fuzzer writes far faster than an analyst: the write limit would answer 429 to most of it
            builder.UseSetting("Rasid:WritePermitsPerMinute", "100000000");
            builder.UseSetting("Rasid:LoginPermitsPerMinute", "100000000");
        }
    }

    private readonly Factory _factory;

    public ApiFixture()
    {
        Folder = Directory.CreateTempSubdirectory("rasid-fuzz-api-").FullName;
        _factory = new Factory(Path.Combine(Folder, "rasid.db"));
        var store = _factory.Services.GetRequiredService<IEventStore>();
        var key = UserSecrets.NewApiKey();
        store.AddUser(new UserRecord("fuzz-analyst", UserRole.Analyst, null, UserSecrets.HashApiKey(key), DateTimeOffset.UtcNow));
        Client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        // A few real articles, so reviews hit real incidents and mentions.
        var texts = Corpus.Texts.Length > 0 ? Corpus.Texts.Take(8) : ["قصفت طائرات حربية مدينة أريحا يوم الثلاثاء ما أسفر عن مقتل خمسة مدنيين.", "قتل ثلاثة أشخاص في انفجار سيارة مفخخة في بغداد أمس."];
        foreach (var (text, i) in texts.Select((t, i) => (t, i)))
        {
            using var r = Client.PostAsync("/api/documents", Json(new { text, published = "2015-07-21", country_hint = i % 2 == 0 ? "SY" : "IQ", id = $"seed-{i}" })).GetAwaiter().GetResult();
            r.EnsureSuccessStatusCode();
        }

        using var list = JsonDocument.Parse(Client.GetStringAsync("/api/events?all_modalities=true&limit=1000").GetAwaiter().GetResult());
        EventIds = [.. list.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("event_id").GetString()!)];
        var mentions = new List<string>();
        foreach (var id in EventIds.Take(10))
        {
            using var detail = JsonDocument.Parse(Client.GetStringAsync($"/api/events/{Uri.EscapeDataString(id)}").GetAwaiter().GetResult());
            mentions.AddRange(detail.RootElement.GetProperty("mentions").EnumerateArray().Select(m => m.GetProperty("event_id").GetString()!));
        }

        MentionIds = [.. mentions];
    }

    public string Folder { get; }

    public HttpClient Client { get; }

    public string[] EventIds { get; }

    public string[] MentionIds { get; }

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public sealed class ApiFuzz(ApiFixture api, ITestOutputHelper output) : IClassFixture<ApiFixture>
{
    private static readonly string[] FilterKeys =
    [
        "from", "to", "country", "admin1", "type", "sub_type", "actor", "text", "bbox", "modality", "all_modalities", "review_state",
        "limit", "offset", "order", "format", "document_id", "FROM", "q", "", "limit[]", "text\0", "%", "بلد",
    ];

    private static readonly string[] Values =
    [
        "2015-07-21", "2015-02-30", "0001-01-01", "9999-12-31", "2015-7-1", "21/07/2015", "yesterday", "", " ", "0", "-1", "1", "100", "1000", "1001",
        "2147483647", "2147483648", "99999999999999999999", "1e5", "0x10", "NaN", "Infinity", "true", "false", "TRUE", "yes",
        "36,33,37,34", "-180,-90,180,90", "181,0,0,0", "1,2,3", "NaN,NaN,NaN,NaN", "1e309,0,1,1", ",,,", "36.1,33.2,36.0,34",
        "asserted", "negated", "hypothetical", "bogus", "unreviewed", "accepted", "edited", "date", "date_asc", "fatalities", "random",
        "acled-csv", "geojson", "jsonl", "json", "parquet", "xml", "Battles", "Explosions/Remote violence", "Air/drone strike", "Violence against civilians",
        "SY", "IQ", "sy", "Syria", "XX", "حلب", "الرقة", "بالرقة", "داعش", "\"", "\"\"", "\"unterminated", "*", "حلب*", "*حلب", "NEAR(a b)", "a OR b",
        "AND", "NOT", "(", ")", "^", "col:val", "' OR 1=1 --", "%", "_", "\\", "\u0000", "\u200F", "\uFEFF", "👍", "\uD800", "%ZZ", "%C3%28", "%00",
        "document_id", "seed-0", "seed-1~abc",
    ];

    private static Gen<string> Value => Gen.Frequency(
        (6, Gen.Elements(Values)),
        (2, Inputs.ArabicHeavy.Select(s => s.Length > 80 ? s[..80] : s)),
        (1, Gen.Choose(0, 3).Select(k => new string("ا*\"%"[k], 501 + (k * 3000)))));

    // Mostly escaped as a browser would; sometimes raw, so the server decodes broken %-sequences itself.
    private static Gen<string> Encoded(Gen<string> g) => g.SelectMany(s => Gen.Frequency((4, Gen.Constant(Uri.EscapeDataString(RemoveLoneSurrogates(s)))), (1, Gen.Constant(s))));

    private static string RemoveLoneSurrogates(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(s, i++, 2);
            }
            else if (!char.IsSurrogate(s[i]))
            {
                sb.Append(s[i]);
            }
        }

        return sb.ToString();
    }

    private static readonly Gen<(string Path, string Query)> FilterRequests =
        Gen.Elements("/api/events", "/api/timeline", "/api/facets", "/api/export").SelectMany(path =>
            Encoded(Gen.Elements(FilterKeys)).SelectMany(k => Encoded(Value).Select(v => k + "=" + v)).ListOf()
                .Select(pairs => (path, string.Join("&", pairs.Take(12)))));

    private void AssertNoServerError(HttpResponseMessage r, string what)
    {
        var body = r.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        Assert.True((int)r.StatusCode < 500, $"{(int)r.StatusCode} for {what}: {(body.Length > 600 ? body[..600] : body)}");
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        if ((int)r.StatusCode >= 400 && (int)r.StatusCode != 405)
        {
            Assert.Contains("json", r.Content.Headers.ContentType?.MediaType ?? string.Empty, StringComparison.Ordinal);
        }
    }

    private HttpResponseMessage? Send(HttpRequestMessage request)
    {
        try
        {
            return api.Client.SendAsync(request).GetAwaiter().GetResult();
        }
        catch (UriFormatException)
        {
            return null; // the client refused to send it: nothing reached the server
        }
        catch (InvalidOperationException ex) when (ex.StackTrace?.Contains("TestHost", StringComparison.Ordinal) == true)
        {
            return null; // the in-memory server's URL decoding refused it (%00 in the path); Kestrel answers 400 before the app
        }
    }

    private static HttpRequestMessage? Request(HttpMethod method, string url)
    {
        try
        {
            return new HttpRequestMessage(method, url);
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    [Fact]
    public void Event_filter_query_strings_never_get_a_server_error() =>
        FuzzRun.Run(output, "api-event-filters", Arb.From(FilterRequests), q =>
        {
            var url = q.Path + "?" + q.Query;
            using var request = Request(HttpMethod.Get, url);
            using var response = request is null ? null : Send(request);
            if (response is not null)
            {
                AssertNoServerError(response, "GET " + url);
            }
        }, roundSize: 40);

    private static readonly string[] JsonTokens = ["\"", "{", "}", "[", "]", ":", ",", "null", "1e999", "-1", "\\u0000", "\\ud800", "\"action\":", "\"fields\":{}", "\"x\":1"];

    private Gen<object?> AnyJsonValue => Gen.Frequency(
        (3, Value.Select(v => (object?)v)),
        (1, Gen.Constant<object?>(null)),
        (1, Gen.Elements<object?>(0, -1, 1.5, 1e300, long.MaxValue, true, false)),
        (1, Gen.Elements<object?>(new List<string>(), new List<object?> { "a", 1, null }, new Dictionary<string, object?> { ["a"] = "b" })));

    private Gen<string> ReviewBody
    {
        get
        {
            var action = Gen.Frequency((6, Gen.Elements<object?>("accept", "reject", "edit", "merge", "split", "ACCEPT", "Edit")),
                (1, Gen.Elements<object?>("delete", "", "0", "1", "99", null, 5, true)));
            var fieldName = Gen.Frequency((5, Gen.Elements(ReviewFields.Editable.ToArray())), (1, Gen.Elements("event_id", "", "fatalities ", "modality", "x")));
            var fieldValue = Gen.Frequency((5, Value.Select(v => (object?)v)), (1, AnyJsonValue),
                (2, Gen.Elements<object?>("Battles", "Explosions/Remote violence", "Armed clash", "Air/drone strike", "2015-07-20", "12", "1000001", "33.5", "-91", "2", "4")));
            var fields = fieldName.SelectMany(n => fieldValue.Select(v => (n, v))).ListOf()
                .Select(list => (object?)list.Take(6).GroupBy(p => p.n).ToDictionary(g => g.Key, g => g.First().v));
            var ids = EventIdOrJunk;
            var mention = Gen.Frequency((3, api.MentionIds.Length > 0 ? Gen.Elements(api.MentionIds) : Value), (1, Value));
            var body = action.SelectMany(a => Gen.Frequency((3, fields), (1, AnyJsonValue)).SelectMany(f => ids.SelectMany(m => mention.ListOf().SelectMany(ms =>
                Gen.Choose(0, 15).Select(mask =>
                {
                    var o = new Dictionary<string, object?>();
                    if ((mask & 1) == 0) { o["action"] = a; }
                    if ((mask & 2) == 0) { o["fields"] = f; }
                    if ((mask & 4) == 0) { o["merge_with"] = m; }
                    if ((mask & 8) == 0) { o["mention_ids"] = ms.Take(4).ToList(); }
                    if (mask == 15) { o["unknown"] = 1; }
                    return JsonSerializer.Serialize(o);
                })))));
            return body;
        }
    }

    private Gen<string> EventIdOrJunk => Gen.Frequency((4, api.EventIds.Length > 0 ? Gen.Elements(api.EventIds) : Value), (1, Value));

    private static Gen<string> MaybeMutated(Gen<string> json) => Gen.Frequency(
        (4, json),
        (1, Inputs.MutatedBytes(json.Select(Encoding.UTF8.GetBytes), JsonTokens).Generator.Select(b => Encoding.UTF8.GetString(b))));

    private static readonly string[] ContentTypes = ["application/json", "application/json", "application/json", "text/plain", "application/json; charset=utf-16", "application/x-www-form-urlencoded"];

    [Fact]
    public void Review_bodies_never_get_a_server_error() =>
        FuzzRun.Run(output, "api-review",
            Arb.From(EventIdOrJunk.SelectMany(id => MaybeMutated(ReviewBody).SelectMany(body => Gen.Elements(ContentTypes).Select(ct => (id, body, ct))))),
            p =>
            {
                var url = $"/api/events/{Uri.EscapeDataString(RemoveLoneSurrogates(p.id))}/review";
                using var request = Request(HttpMethod.Post, url);
                if (request is null)
                {
                    return;
                }

                request.Content = new StringContent(p.body, Encoding.UTF8);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(p.ct);
                using var response = Send(request);
                if (response is not null)
                {
                    AssertNoServerError(response, $"POST {url} {Inputs.Show(p.body)}");
                }
            }, roundSize: 40);

    private static Gen<string> DocumentBody
    {
        get
        {
            var text = Gen.Frequency((5, Inputs.Text.Select(t => (object?)(t.Length > 20_000 ? t[..20_000] : t))), (1, Gen.Elements<object?>(null, "", " ", 5, "\0قصف", new List<int>())));
            var published = Gen.Frequency((4, Gen.Elements<object?>("2015-07-21", "2017-05-02", "0001-01-01", "9999-12-31")), (1, Value.Select(v => (object?)v)), (1, Gen.Elements<object?>(null, 20150721)));
            var country = Gen.Frequency((3, Gen.Elements<object?>("SY", "iq", "YE", null)), (1, Value.Select(v => (object?)v)));
            var optional = Gen.Frequency((3, Gen.Constant<object?>(null)), (2, Value.Select(v => (object?)v)), (1, Gen.Elements<object?>("https://example.org/a", "javascript:alert(1)", "http://[::1", 7)));
            return text.SelectMany(t => published.SelectMany(p => country.SelectMany(c => optional.SelectMany(title => optional.SelectMany(url => optional.SelectMany(id =>
                Gen.Choose(0, 7).Select(mask =>
                {
                    var o = new Dictionary<string, object?> { ["text"] = t, ["published"] = p };
                    if ((mask & 1) == 0) { o["country_hint"] = c; }
                    if ((mask & 2) == 0) { o["title"] = title; o["source"] = title; }
                    if ((mask & 4) == 0) { o["url"] = url; o["id"] = id; }
                    if (mask == 7) { o["extra"] = true; }
                    return JsonSerializer.Serialize(o);
                })))))));
        }
    }

    [Fact]
    public void Document_bodies_never_get_a_server_error() =>
        FuzzRun.Run(output, "api-documents",
            Arb.From(Gen.Elements("/api/documents", "/api/extract").SelectMany(path => MaybeMutated(DocumentBody).SelectMany(body => Gen.Elements(ContentTypes).Select(ct => (path, body, ct))))),
            p =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, p.path) { Content = new StringContent(p.body, Encoding.UTF8) };
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(p.ct);
                using var response = api.Client.SendAsync(request).GetAwaiter().GetResult();
                AssertNoServerError(response, $"POST {p.path} {Inputs.Show(p.body)}");
            }, roundSize: 20);
}
