using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Rasid.Core;
using Rasid.Store.Postgres;

namespace Rasid.Store.Tests;

/// <summary>
/// Two real <c>rasid serve</c> processes over one PostgreSQL database, as behind a load balancer: what one writes the
/// other serves at once, and documents submitted to both at the same time are stored exactly once.
/// </summary>
public sealed class PostgresServeTests : IDisposable
{
    private readonly List<Process> _servers = [];
    private string? _cs;

    public void Dispose()
    {
        foreach (var p in _servers)
        {
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
                p.WaitForExit();
            }

            p.Dispose();
        }

        if (_cs is not null)
        {
            PostgresServer.DropDatabase(_cs);
        }

        foreach (var home in _homes)
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [SkippableFact]
    public async Task Two_serve_processes_on_one_database_see_each_others_writes_and_store_concurrent_submissions_once()
    {
        _cs = PostgresServer.CreateDatabase();
        using (var store = PostgresEventStore.Open(_cs))
        {
            var extractor = new LineEventExtractor();
            var doc = new Document("seed", "EV|Air/drone strike|2017-04-10|35.9|39.0|Islamic State|4", new DateOnly(2017, 4, 11));
            store.Write([new ExtractedDocument(doc, extractor.Extract(doc))]);
        }

        var (code, keyOut, err) = RasidProcess.Run("users", "add", "ana", "--role", "analyst", "--api-key", "--db", _cs);
        Assert.True(code == 0, err);
        var key = keyOut.Trim();

        var a = await StartServe();
        var b = await StartServe();
        a.DefaultRequestHeaders.Authorization = b.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        // An analyst's edit through one process is what the other serves, with its history.
        var incident = (await a.GetFromJsonAsync<JsonElement>("/api/events")).GetProperty("items")[0].GetProperty("event_id").GetString()!;
        var edit = await a.PostAsJsonAsync($"/api/events/{incident}/review", new { action = "edit", fields = new Dictionary<string, string> { ["fatalities"] = "3" } });
        Assert.True(edit.IsSuccessStatusCode, await edit.Content.ReadAsStringAsync());
        var seen = await b.GetFromJsonAsync<JsonElement>($"/api/events/{incident}");
        Assert.Equal(3, seen.GetProperty("event").GetProperty("fatalities").GetInt32());
        var history = await b.GetFromJsonAsync<JsonElement>($"/api/events/{incident}/history");
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("field").GetString() == "fatalities" && h.GetProperty("new_value").GetString() == "3");

        // The same six reports submitted to both processes at once: each stored once, whichever wins.
        var texts = Enumerable.Range(0, 6).Select(i => $"قتل {i + 2} مدنيين في قصف على الرقة يوم الأحد. تقرير رقم {i}.").ToList();
        var posts = texts.SelectMany((t, i) => new[] { a, b }.Select(c => c.PostAsJsonAsync("/api/documents",
            new { id = $"r{i}", text = t, published = "2017-05-02", country_hint = "SY", source = "test" }))).ToList();
        foreach (var r in await Task.WhenAll(posts))
        {
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        }

        using var check = PostgresEventStore.Open(_cs);
        Assert.Equal(7, check.Stats().Documents);
        Assert.All(Enumerable.Range(0, 6), i => Assert.Equal(texts[i], check.GetDocument($"r{i}")!.Document.Text));

        Assert.Equal(check.Count(new EventQuery { IncludeUncounted = true }),
            (await b.GetFromJsonAsync<JsonElement>("/api/events?all_modalities=true")).GetProperty("total").GetInt64());
    }

    // Behind a load balancer spanning machines: each process has its own home folder (where ASP.NET Core would keep its
    // key ring by default), so only the key ring in the database lets one accept the other's cookie and CSRF token.
    [SkippableFact]
    public async Task A_login_cookie_issued_by_one_serve_process_is_accepted_by_another_on_another_machine()
    {
        _cs = PostgresServer.CreateDatabase();
        const string password = "correct horse battery";
        using (var store = PostgresEventStore.Open(_cs))
        {
            var extractor = new LineEventExtractor();
            var doc = new Document("seed", "EV|Air/drone strike|2017-04-10|35.9|39.0|Islamic State|4", new DateOnly(2017, 4, 11));
            store.Write([new ExtractedDocument(doc, extractor.Extract(doc))]);
            store.AddUser(new UserRecord("ana", UserRole.Analyst, UserSecrets.HashPassword(password), null, DateTimeOffset.UtcNow));
        }

        var a = await StartServe(home: NewHome());
        var b = await StartServe(home: NewHome());

        var login = await a.PostAsJsonAsync("/api/login", new { name = "ana", password });
        Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
        var csrf = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrf_token").GetString()!;
        var cookies = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        Assert.Contains("rasid.auth=", cookies, StringComparison.Ordinal);

        // The other process knows the user from A's cookie…
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        me.Headers.Add("Cookie", cookies);
        var who = await (await b.SendAsync(me)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(who.GetProperty("authenticated").GetBoolean(), who.ToString());
        Assert.Equal("ana", who.GetProperty("name").GetString());

        // …and accepts a cookie-authenticated write with the CSRF token A issued.
        var incident = (await b.GetFromJsonAsync<JsonElement>("/api/events")).GetProperty("items")[0].GetProperty("event_id").GetString()!;
        using var edit = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{incident}/review")
        {
            Content = JsonContent.Create(new { action = "edit", fields = new Dictionary<string, string> { ["fatalities"] = "5" } }),
        };
        edit.Headers.Add("Cookie", cookies);
        edit.Headers.Add("X-CSRF-Token", csrf);
        var edited = await b.SendAsync(edit);
        Assert.True(edited.IsSuccessStatusCode, $"{edited.StatusCode}: {await edited.Content.ReadAsStringAsync()}");
        Assert.Equal(5, (await a.GetFromJsonAsync<JsonElement>($"/api/events/{incident}")).GetProperty("event").GetProperty("fatalities").GetInt32());
    }

    private readonly List<string> _homes = [];

    private string NewHome()
    {
        var home = Path.Combine(Path.GetTempPath(), "rasid-home-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(home);
        _homes.Add(home);
        return home;
    }

    private async Task<HttpClient> StartServe(string? home = null)
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var environment = new Dictionary<string, string>();
        if (home is not null)
        {
            environment["HOME"] = home;
        }

        var p = RasidProcess.Start(environment, "serve", "--db", _cs!, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _servers.Add(p);
        var log = new System.Text.StringBuilder();
        p.OutputDataReceived += (_, e) => { }; // drained so a chatty server never blocks on a full pipe
        p.ErrorDataReceived += (_, e) =>
        {
            lock (log)
            {
                log.AppendLine(e.Data);
            }
        };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        var client = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(p.HasExited, $"rasid serve exited: {log}");
            try
            {
                if ((await client.GetAsync("/api/events")).StatusCode == HttpStatusCode.OK)
                {
                    return client;
                }
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(90))
            {
            }

            await Task.Delay(200);
        }
    }
}
