using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Playwright;

namespace Rasid.Bench;

/// <summary>Options of <c>Rasid.Bench web DB</c>.</summary>
internal sealed record WebRunOptions(string Db, int Loads, int Repeat, string? RasidDll, string Chromium);

/// <summary>
/// Dashboard page load and API latency over a real server: starts <c>rasid serve --db DB</c> on a free port (the CLI
/// built beside this benchmark, or --rasid PATH/rasid.dll), then
/// (1) for each API call the dashboard makes, REPEAT real HTTP requests: p50/p95/max wall-clock ms, response bytes and
///     the server process's CPU ms per request (less disturbed by other load on the machine than wall clock);
/// (2) LOADS cold page loads in Debian's chromium (a fresh browser context each, so nothing is cached): navigation start
///     to the first map/table data (the page's own performance mark) and to markers visible and table filled.
/// Markdown on stdout.
/// </summary>
internal static class WebRun
{
    private static readonly string[] ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ];

    public static async Task<int> RunAsync(WebRunOptions o, TextWriter output)
    {
        if (!File.Exists(o.Db) && !o.Db.StartsWith("postgres", StringComparison.Ordinal))
        {
            throw new FileNotFoundException($"no store at {o.Db} (build one: rasid ingest ../shared/corpus/bulk/*.jsonl* --db {o.Db})", o.Db);
        }

        var dll = o.RasidDll ?? Path.Combine(AppContext.BaseDirectory, "rasid.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"rasid CLI not found at {dll} (pass --rasid PATH/rasid.dll)", dll);
        }

        int port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var server = StartServer(dll, o.Db, port);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl + "/"), Timeout = TimeSpan.FromMinutes(2) };
            await WaitUntilUpAsync(http, server);
            var status = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/ingest/status", UriKind.Relative))).RootElement.GetProperty("store");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"store {o.Db}: {status.GetProperty("documents").GetInt64():N0} documents, {status.GetProperty("events").GetInt64():N0} mentions, {status.GetProperty("incidents").GetInt64():N0} incidents ({status.GetProperty("counted_incidents").GetInt64():N0} counted); server {dll}; {Environment.ProcessorCount} cores, load {LoadAverage()}"));
            output.WriteLine();
            await MeasureApiAsync(http, server, o.Repeat, output);
            output.WriteLine();
            await MeasurePageLoadAsync(baseUrl, o, output);
            output.WriteLine();
            output.WriteLine($"load average after the run: {LoadAverage()}");
            return 0;
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
    }

    private static Process StartServer(string dll, string db, int port)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { dll, "serve", "--db", db, "--port", port.ToString(CultureInfo.InvariantCulture) })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["Logging__LogLevel__Default"] = "Warning"; // request logging would cost the server time we measure
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[serve] {e.Data}");
            }
        };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static async Task WaitUntilUpAsync(HttpClient http, Process server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"rasid serve exited with {server.ExitCode}");
            }

            try
            {
                using var r = await http.GetAsync(new Uri("api/timeline?from=1900-01-01&to=1900-01-01", UriKind.Relative));
                if (r.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("rasid serve did not answer within 120 s");
    }

    /// <summary>The calls the dashboard makes (and the analyst's follow-ups), with parameters taken from the store itself.</summary>
    private static async Task<List<(string Name, Func<int, string> Url)>> CallsAsync(HttpClient http)
    {
        async Task<JsonElement> Get(string url) => JsonDocument.Parse(await http.GetStringAsync(new Uri(url, UriKind.Relative))).RootElement.Clone();
        var first = await Get("api/events?order=date&limit=1000&fields=summary");
        long total = first.GetProperty("total").GetInt64();
        var ids = first.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("event_id").GetString()!).Take(200).ToList();
        var facets = await Get("api/facets");
        string TopName(string facet) => facets.GetProperty(facet).EnumerateArray().Select(f => f.GetProperty("name").GetString()!).FirstOrDefault() ?? "";
        var country = facets.GetProperty("countries").EnumerateArray().Select(c => c.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString()! : c.GetProperty("name").GetString()!).FirstOrDefault() ?? "";
        var type = Uri.EscapeDataString(TopName("event_types"));
        var admin1 = Uri.EscapeDataString(TopName("admin1"));
        var actor = Uri.EscapeDataString(TopName("actors"));
        var busiest = (await Get($"api/timeline?country={country}")).EnumerateArray().OrderByDescending(d => d.GetProperty("events").GetInt64()).First().GetProperty("date").GetString()!;
        var month = busiest[..7];
        var monthFrom = month + "-01";
        var monthTo = DateOnly.ParseExact(monthFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var docIds = new List<string>();
        foreach (var id in ids.Take(30))
        {
            docIds.Add((await Get($"api/events/{Uri.EscapeDataString(id)}")).GetProperty("event").GetProperty("document_id").GetString()!);
        }

        long deep = Math.Max(0, total - 100);
        long middle = total / 2 / 100 * 100;
        string Id(int i) => Uri.EscapeDataString(ids[i % ids.Count]);
        string Doc(int i) => Uri.EscapeDataString(docIds[i % docIds.Count]);
        const string Text = "%D8%BA%D8%A7%D8%B1%D8%A7%D8%AA"; // غارات
        return
        [
            ("dashboard first load: newest 1000, summary fields", _ => "api/events?order=date&limit=1000&offset=0&fields=summary"),
            ("same, every field (API default)", _ => "api/events?order=date&limit=1000&offset=0"),
            ($"type filter ({TopName("event_types")}), summary", _ => $"api/events?type={type}&order=date&limit=1000&fields=summary"),
            ($"country {country} + one month ({month}), summary", _ => $"api/events?country={country}&from={monthFrom}&to={monthTo}&order=date&limit=1000&fields=summary"),
            ($"admin1 ({TopName("admin1")}), summary", _ => $"api/events?admin1={admin1}&order=date&limit=1000&fields=summary"),
            ($"actor ({TopName("actors")}), summary", _ => $"api/events?actor={actor}&order=date&limit=1000&fields=summary"),
            ("text 'غارات', summary", _ => $"api/events?text={Text}&order=date&limit=1000&fields=summary"),
            ($"page of 100 at offset {middle}", _ => $"api/events?order=date&limit=100&offset={middle}"),
            ($"last page of 100 (offset {deep})", _ => $"api/events?order=date&limit=100&offset={deep}"),
            ("one event (rotating over 200 ids)", i => $"api/events/{Id(i)}"),
            ("one document with spans (rotating over 30)", i => $"api/documents/{Doc(i)}"),
            ("timeline, no filter", _ => "api/timeline"),
            ($"timeline, country {country}", _ => $"api/timeline?country={country}"),
            ("facets, no filter", _ => "api/facets"),
            ($"facets, country {country}", _ => $"api/facets?country={country}"),
            ("ingest status (polled every 5 s)", _ => "api/ingest/status"),
            ($"export ACLED CSV: country {country}, one month", _ => $"api/export?format=acled-csv&country={country}&from={monthFrom}&to={monthTo}"),
            ($"export GeoJSON: type {TopName("event_types")}", _ => $"api/export?format=geojson&type={type}"),
        ];
    }

    private static async Task MeasureApiAsync(HttpClient http, Process server, int repeat, TextWriter output)
    {
        var calls = await CallsAsync(http);
        // Warm-up: every call a few times first, so tiered JIT recompiling the hot paths (after ~30 calls) is not
        // charged to whichever call happens to be measured first.
        for (int round = 0; round < 8; round++)
        {
            foreach (var (_, url) in calls)
            {
                using var r = await http.GetAsync(new Uri(url(round), UriKind.Relative));
                await r.Content.ReadAsByteArrayAsync();
            }
        }

        output.WriteLine($"API latency over real HTTP (keep-alive, one client, sequential), {repeat} requests each after a warm-up of 8 rounds over every call:");
        output.WriteLine();
        output.WriteLine("| call | HTTP | bytes | p50 ms | p95 ms | max ms | server CPU ms/request |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, url) in calls)
        {
            using (var warm = await http.GetAsync(new Uri(url(0), UriKind.Relative)))
            {
                if (!warm.IsSuccessStatusCode)
                {
                    output.WriteLine($"| {name} | {(int)warm.StatusCode} | | | | | |");
                    continue;
                }
            }

            var times = new double[repeat];
            long bytes = 0;
            server.Refresh();
            var cpu0 = server.TotalProcessorTime;
            for (int i = 0; i < repeat; i++)
            {
                var sw = Stopwatch.StartNew();
                using var r = await http.GetAsync(new Uri(url(i), UriKind.Relative), HttpCompletionOption.ResponseContentRead);
                var body = await r.Content.ReadAsByteArrayAsync();
                times[i] = sw.Elapsed.TotalMilliseconds;
                bytes = body.Length;
            }

            server.Refresh();
            var cpu = (server.TotalProcessorTime - cpu0).TotalMilliseconds / repeat;
            Array.Sort(times);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | 200 | {bytes:N0} | {Pct(times, 0.50):F1} | {Pct(times, 0.95):F1} | {times[^1]:F1} | {cpu:F1} |"));
        }
    }

    private static async Task MeasurePageLoadAsync(string baseUrl, WebRunOptions o, TextWriter output)
    {
        if (!File.Exists(o.Chromium))
        {
            output.WriteLine($"page load: skipped, no chromium at {o.Chromium} (apt-get install chromium, or --chromium PATH)");
            return;
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = o.Chromium, Headless = true, Args = ChromiumFlags });
        var firstData = new List<double>();
        var visible = new List<double>();
        var transferred = new List<double>();
        var steps = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        string note = "";
        string waterfall = "";
        for (int i = 0; i < o.Loads + 1; i++)
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(120_000);
            await page.GotoAsync("/");
            // Markers (single or clustered) drawn and the table's first page filled.
            await page.WaitForFunctionAsync(
                "() => document.querySelector('#map .event-marker, #map .event-cluster') && document.querySelector('#events-body tr[data-event-id]') && document.body.dataset.loading === 'false'",
                null,
                new PageWaitForFunctionOptions { PollingInterval = 5 });
            var at = await page.EvaluateAsync<double>("() => performance.now()");
            var mark = await page.EvaluateAsync<double>("() => performance.getEntriesByName('rasid-first-data')[0]?.startTime ?? -1");
            var kb = await page.EvaluateAsync<double>("() => performance.getEntriesByType('resource').reduce((n, r) => n + (r.transferSize || 0), 0) + (performance.getEntriesByType('navigation')[0]?.transferSize || 0)");
            waterfall = await page.EvaluateAsync<string>(
                """
                () => performance.getEntriesByType('resource')
                  .map(r => `| ${r.name.replace(location.origin, '')} | ${r.startTime.toFixed(0)} | ${r.responseEnd.toFixed(0)} | ${(r.transferSize / 1024).toFixed(0)} |`)
                  .join('\n')
                """);
            note = await page.EvaluateAsync<string>("() => [document.getElementById('table-count').textContent, document.getElementById('partial-note')?.textContent, document.getElementById('map-note').textContent].filter(Boolean).join(' | ')");
            if (i == 0)
            {
                continue; // the first load warms the server (JIT, SQLite page cache); the browser side is cold every time
            }

            foreach (var (name, ms) in await page.EvaluateAsync<Dictionary<string, double>>(
                """
                () => Object.fromEntries([
                  ...['rasid-first-request', 'rasid-first-response'].map(n => [n + ' (mark)', performance.getEntriesByName(n)[0]?.startTime ?? -1]),
                  ...['rasid-basemap', 'rasid-markers', 'rasid-table'].map(n => [n + ' (duration)', performance.getEntriesByName(n)[0]?.duration ?? -1]),
                  ['DOMContentLoaded', performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? -1],
                ])
                """))
            {
                (steps.TryGetValue(name, out var list) ? list : steps[name] = []).Add(ms);
            }

            firstData.Add(mark);
            visible.Add(at);
            transferred.Add(kb / 1024);
        }

        firstData.Sort();
        visible.Sort();
        output.WriteLine($"Dashboard page load in chromium (headless, 1440x1000), {o.Loads} cold loads (fresh context each, after one warm-up load):");
        output.WriteLine();
        output.WriteLine("| measure | p50 ms | p95 ms | max ms |");
        output.WriteLine("|---|---:|---:|---:|");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| navigation start → first map/table data (page mark) | {Pct(firstData, 0.5):F0} | {Pct(firstData, 0.95):F0} | {firstData[^1]:F0} |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| navigation start → markers visible and table filled | {Pct(visible, 0.5):F0} | {Pct(visible, 0.95):F0} | {visible[^1]:F0} |"));
        foreach (var (name, list) in steps.OrderBy(kv => kv.Value.Order().ElementAt(kv.Value.Count / 2)))
        {
            list.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Pct(list, 0.5):F0} | {Pct(list, 0.95):F0} | {list[^1]:F0} |"));
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"transferred per cold load: {transferred.Average():F0} KiB; the page says: {note}"));
        output.WriteLine();
        output.WriteLine("Requests of the last load (ms after navigation start):");
        output.WriteLine();
        output.WriteLine("| resource | start | end | KiB |");
        output.WriteLine("|---|---:|---:|---:|");
        output.WriteLine(waterfall);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Pct(IReadOnlyList<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
