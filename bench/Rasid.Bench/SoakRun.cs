using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Rasid.Core;
using Rasid.Extraction;
using Rasid.Geo;
using Rasid.Store;
using Rasid.Store.Ingest;
using Rasid.Web;

namespace Rasid.Bench;

/// <summary>
/// <c>Rasid.Bench soak DB [--limit N] [--path FILE.jsonl.gz] [--sample SECONDS]</c>: ingests the bulk corpus into a new
/// SQLite store while the real API server (<see cref="RasidWebApp"/>, on a loopback port) serves a steady stream of
/// dashboard queries and a logged-in analyst (cookie + CSRF token) accepts, edits, rejects and merges events over HTTP.
/// Resident memory and GC heap are sampled every few seconds. At the end the store is checked (counts, no orphan rows,
/// full-text index in step with the documents, every answered review in the history) and the figures are printed.
/// The exit code is 1 when a request failed or a check did not hold.
/// </summary>
public sealed class SoakRun(string db, string? corpusPath, int limit, TimeSpan sampleEvery, TextWriter output)
{
    private const string Analyst = "soak-analyst";
    private const string Password = "soak password 0123456789";

    private readonly ConcurrentDictionary<string, long> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentBag<(string IncidentId, string Action)> _reviews = [];
    private readonly List<(double Seconds, long Documents, long Rss, long Heap)> _samples = [];
    private long _documents;

    public int Run()
    {
        if (File.Exists(db))
        {
            output.WriteLine($"soak: {db} exists; give a new database path (the soak checks a store it filled itself)");
            return 2;
        }

        var path = corpusPath ?? BulkCorpus.DefaultPath() ?? throw new FileNotFoundException("the bulk corpus (../shared/corpus/bulk) was not found; give --path");
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;

        using (var setup = EventStores.Open(db))
        {
            setup.AddUser(new UserRecord(Analyst, UserRole.Analyst, UserSecrets.HashPassword(Password), null, DateTimeOffset.UtcNow));
        }

        int port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var app = RasidWebApp.Build(["--Logging:LogLevel:Default=Warning"], new WebOptions { Db = db }, url);
        app.StartAsync().GetAwaiter().GetResult();
        output.WriteLine($"soak: server on {url}, store {db}, corpus {path}{(limit > 0 ? $" (first {limit})" : string.Empty)}");

        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(() => Sample(clock, stop.Token));
        var dashboards = Enumerable.Range(0, 2).Select(i => Task.Run(() => Dashboard(url, i, stop.Token))).ToArray();
        var analyst = Task.Run(() => Review(url, stop.Token));

        IngestSummary summary;
        using (var store = EventStores.Open(db))
        {
            var items = DocumentSources.Read(path, new SourceDefaults(null, null, null));
            if (limit > 0)
            {
                items = items.Take(limit);
            }

            var ingestor = new Ingestor(store, new ArabicEventExtractor(Gazetteer.LoadDefault()), new IngestOptions());
            summary = ingestor.Run(items, new Progress<IngestProgress>(p => Interlocked.Exchange(ref _documents, p.Stored + p.Skipped)));
        }

        Interlocked.Exchange(ref _documents, summary.Stored + summary.Skipped);
        Thread.Sleep(sampleEvery); // the streams go on a little after ingest, over the finished store
        stop.Cancel();
        Task.WaitAll([sampler, analyst, .. dashboards]);
        app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)app).Dispose();
        MemoryProbe.SettleAndResetPeak();
        long finalRss = MemoryProbe.CurrentRss(), finalHeap = GC.GetTotalMemory(false);
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;

        var checks = Check();
        return Report(summary, clock.Elapsed, cpuUsed, finalRss, finalHeap, checks);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private void Sample(Stopwatch clock, CancellationToken stop)
    {
        while (true)
        {
            lock (_samples)
            {
                _samples.Add((clock.Elapsed.TotalSeconds, Interlocked.Read(ref _documents), MemoryProbe.CurrentRss(), GC.GetGCMemoryInfo().HeapSizeBytes));
            }

            if (stop.WaitHandle.WaitOne(sampleEvery))
            {
                return;
            }
        }
    }

    private async Task<HttpResponseMessage?> Send(HttpClient client, string kind, HttpRequestMessage request, CancellationToken stop)
    {
        _requests.AddOrUpdate(kind, 1, (_, n) => n + 1);
        try
        {
            var r = await client.SendAsync(request, stop).ConfigureAwait(false);
            if (!r.IsSuccessStatusCode)
            {
                var body = await r.Content.ReadAsStringAsync(CancellationToken.None).ConfigureAwait(false);
                _failures.Enqueue($"{(int)r.StatusCode} {request.Method} {request.RequestUri}: {(body.Length > 300 ? body[..300] : body)}");
            }

            return r;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            _requests.AddOrUpdate(kind, 0, (_, n) => n - 1); // cut off by the end of the soak, not failed
            return null;
        }
        catch (HttpRequestException ex)
        {
            _failures.Enqueue($"{request.Method} {request.RequestUri}: {ex.Message}");
            return null;
        }
    }

    /// <summary>What the dashboard asks, round after round: lists, timeline, facets, search, one event, one document, status, export.</summary>
    private async Task Dashboard(string url, int which, CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        string[] queries =
        [
            "/api/events?limit=100", "/api/events?limit=100&order=fatalities", "/api/timeline", "/api/facets",
            "/api/events?text=%D8%A7%D9%84%D8%B1%D9%82%D8%A9&limit=50", "/api/events?country=SY&limit=50&all_modalities=true",
            "/api/timeline?type=Battles", "/api/ingest/status", "/api/export?format=geojson&limit=500", "/api/me",
        ];
        int round = which;
        while (!stop.IsCancellationRequested)
        {
            var q = queries[round++ % queries.Length];
            using var r = await Send(client, "dashboard", new HttpRequestMessage(HttpMethod.Get, q), stop).ConfigureAwait(false);
            if (r is { IsSuccessStatusCode: true } && q == "/api/events?limit=100")
            {
                // open the first event and its first source document, as a click on the map would
                using var page = JsonDocument.Parse(await r.Content.ReadAsStringAsync(stop).ConfigureAwait(false));
                var first = page.RootElement.GetProperty("items").EnumerateArray().FirstOrDefault();
                if (first.ValueKind == JsonValueKind.Object)
                {
                    var id = first.GetProperty("event_id").GetString()!;
                    var doc = first.GetProperty("document_id").GetString()!;
                    using var e = await Send(client, "dashboard", new HttpRequestMessage(HttpMethod.Get, $"/api/events/{Uri.EscapeDataString(id)}"), stop).ConfigureAwait(false);
                    using var d = await Send(client, "dashboard", new HttpRequestMessage(HttpMethod.Get, $"/api/documents/{Uri.EscapeDataString(doc)}"), stop).ConfigureAwait(false);
                }
            }

            await Pause(TimeSpan.FromMilliseconds(50), stop).ConfigureAwait(false);
        }
    }

    private static async Task Pause(TimeSpan t, CancellationToken stop)
    {
        try
        {
            await Task.Delay(t, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>An analyst logged in with a password (cookie + CSRF token) reviewing the newest unreviewed events, about one action a second.</summary>
    private async Task Review(string url, CancellationToken stop)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        using var login = await Send(client, "login", new HttpRequestMessage(HttpMethod.Post, "/api/login") { Content = JsonContent.Create(new { name = Analyst, password = Password }) }, stop).ConfigureAwait(false);
        if (login is not { IsSuccessStatusCode: true })
        {
            return;
        }

        var session = await login.Content.ReadFromJsonAsync<JsonElement>(stop).ConfigureAwait(false);
        client.DefaultRequestHeaders.Add("X-CSRF-Token", session.GetProperty("csrf_token").GetString());
        string[] actions = ["accept", "edit", "reject", "merge"];
        int n = 0;
        while (!stop.IsCancellationRequested)
        {
            await Pause(TimeSpan.FromSeconds(1), stop).ConfigureAwait(false);
            using var list = await Send(client, "review-list", new HttpRequestMessage(HttpMethod.Get, "/api/events?review_state=unreviewed&limit=20&order=date"), stop).ConfigureAwait(false);
            if (list is not { IsSuccessStatusCode: true })
            {
                continue;
            }

            using var page = JsonDocument.Parse(await list.Content.ReadAsStringAsync(stop).ConfigureAwait(false));
            var ids = page.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("event_id").GetString()!).ToList();
            if (ids.Count < 2)
            {
                continue;
            }

            var action = actions[n++ % actions.Length];
            object body = action switch
            {
                "edit" => new { action, fields = new Dictionary<string, string> { ["fatalities"] = "3", ["notes"] = "checked by the soak analyst" } },
                "merge" => new { action, merge_with = ids[1] },
                _ => new { action },
            };
            using var r = await Send(client, "review", new HttpRequestMessage(HttpMethod.Post, $"/api/events/{Uri.EscapeDataString(ids[0])}/review") { Content = JsonContent.Create(body) }, stop).ConfigureAwait(false);
            if (r is { IsSuccessStatusCode: true })
            {
                var answer = await r.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None).ConfigureAwait(false);
                _reviews.Add((answer.GetProperty("event").GetProperty("event_id").GetString()!, action));
            }
        }
    }

    private sealed record Checked(string Name, long Value, bool Ok, string Detail);

    private List<Checked> Check()
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        c.Open();
        long Scalar(string sql)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        long documents = Scalar("SELECT COUNT(*) FROM documents");
        long events = Scalar("SELECT COUNT(*) FROM events");
        long incidents = Scalar("SELECT COUNT(*) FROM incidents");
        long evidence = Scalar("SELECT COUNT(*) FROM evidence");
        long fts = Scalar("SELECT COUNT(*) FROM documents_fts_docsize");
        long evidenceFts = Scalar("SELECT COUNT(*) FROM evidence_fts_docsize");
        long history = Scalar($"SELECT COUNT(*) FROM review_history WHERE user_name = '{Analyst}'");
        int missingReviews = 0;
        foreach (var (incident, action) in _reviews)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM review_history WHERE incident_id = @i AND action = @a AND user_name = @u";
            cmd.Parameters.AddWithValue("@i", incident);
            cmd.Parameters.AddWithValue("@a", action);
            cmd.Parameters.AddWithValue("@u", Analyst);
            if (Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            {
                missingReviews++;
            }
        }

        long eventCountSum = Scalar("SELECT COALESCE(SUM(event_count), 0) FROM documents");
        static Checked Zero(string name, long value) => new(name, value, value == 0, string.Empty);
        return
        [
            new("documents", documents, documents > 0, string.Empty),
            new("events (mentions)", events, eventCountSum == events, $"sum of documents.event_count = {eventCountSum}"),
            new("incidents", incidents, true, string.Empty),
            new("evidence rows", evidence, true, string.Empty),
            Zero("events without their document", Scalar("SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = e.document_id)")),
            Zero("events without their incident", Scalar("SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM incidents i WHERE i.incident_id = e.incident_id)")),
            Zero("incidents without events", Scalar("SELECT COUNT(*) FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.incident_id = i.incident_id)")),
            Zero("evidence without its event", Scalar("SELECT COUNT(*) FROM evidence v WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = v.event_id)")),
            new("document FTS rows", fts, fts == documents, $"= documents ({documents})"),
            new("evidence FTS rows", evidenceFts, evidenceFts == evidence, $"= evidence rows ({evidence})"),
            new("answered reviews", _reviews.Count, !_reviews.IsEmpty, $"{history} history rows by {Analyst}"),
            Zero("answered reviews missing from the history", missingReviews),
        ];
    }

    private int Report(IngestSummary summary, TimeSpan elapsed, TimeSpan cpu, long finalRss, long finalHeap, List<Checked> checks)
    {
        static string Mb(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) + " MB";
        var o = output;
        long requests = _requests.Values.Sum();
        int failed = _failures.Count;
        List<(double Seconds, long Documents, long Rss, long Heap)> samples;
        lock (_samples)
        {
            samples = [.. _samples];
        }

        o.WriteLine();
        o.WriteLine($"## Soak: {summary.Read:N0} read, {summary.Stored:N0} stored, {summary.Skipped:N0} already stored, {summary.Rejected.Count} rejected, {summary.Failed} failed extraction, {summary.Events:N0} events");
        o.WriteLine($"wall {elapsed.TotalSeconds:F0} s, process CPU {cpu.TotalSeconds:F0} s, {Environment.ProcessorCount} cores");
        o.WriteLine($"requests {requests:N0} ({string.Join(", ", _requests.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value:N0}"))}); failed {failed}");
        o.WriteLine($"memory: peak RSS {Mb(samples.Count == 0 ? 0 : samples.Max(s => s.Rss))} (sampled), peak GC heap {Mb(samples.Count == 0 ? 0 : samples.Max(s => s.Heap))}; final RSS {Mb(finalRss)}, final GC heap {Mb(finalHeap)} (after a full collection)");
        o.WriteLine();
        o.WriteLine("| check | value | holds |");
        o.WriteLine("|---|---:|---|");
        bool allOk = true;
        foreach (var c in checks)
        {
            allOk &= c.Ok;
            o.WriteLine($"| {c.Name} | {c.Value:N0} | {(c.Ok ? "yes" : "NO")} {c.Detail} |");
        }

        o.WriteLine();
        o.WriteLine("memory curve (every sample up to 60 rows):");
        o.WriteLine("| s | documents | RSS | GC heap |");
        o.WriteLine("|---:|---:|---:|---:|");
        int step = Math.Max(1, (samples.Count + 59) / 60);
        for (int i = 0; i < samples.Count; i += step)
        {
            var s = samples[i];
            o.WriteLine($"| {s.Seconds:F0} | {s.Documents:N0} | {Mb(s.Rss)} | {Mb(s.Heap)} |");
        }

        foreach (var f in _failures.Take(20))
        {
            o.WriteLine("failed: " + f);
        }

        foreach (var r in summary.Rejected.Take(10))
        {
            o.WriteLine("rejected: " + r);
        }

        return failed == 0 && allOk ? 0 : 1;
    }
}
