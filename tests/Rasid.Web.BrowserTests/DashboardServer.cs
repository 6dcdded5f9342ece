using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;
using Rasid.Tests;

namespace Rasid.Web.BrowserTests;

/// <summary>
/// One real dashboard for the whole test run: a temp store ingested from ../shared/corpus/news by the real CLI, an
/// analyst user, <c>rasid serve</c> on a free port, and Debian's chromium driven by Playwright. When chromium, the
/// serve command or ../shared is missing the tests skip with the reason; in CI (RASID_REQUIRE_BROWSER=1) a missing
/// browser or server fails them instead. RASID_DASHBOARD_URL (+ RASID_DASHBOARD_USER / RASID_DASHBOARD_PASSWORD) points the tests at a server
/// that is already running instead.
/// </summary>
public sealed class DashboardServer : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // Every event on the map: single markers plus the counts written on cluster icons.
    public const string MapTotalJs = """
        () => document.querySelectorAll('#map .event-marker').length
            + [...document.querySelectorAll('#map .event-cluster span[data-count]')].reduce((n, s) => n + Number(s.dataset.count), 0)
        """;

    /// <summary>The events the map shows once it shows <paramref name="expected"/>, or after 15 s whatever it shows then.</summary>
    public static async Task<int> WaitForMapTotalAsync(Microsoft.Playwright.IPage page, int expected)
    {
        try
        {
            await page.WaitForFunctionAsync($"n => ({MapTotalJs})() === n", expected, new Microsoft.Playwright.PageWaitForFunctionOptions { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            // the assertion that follows reports what the map shows
        }

        return await page.EvaluateAsync<int>(MapTotalJs);
    }

    /// <summary>GET an API path of the test server and parse its JSON body.</summary>
    public async Task<System.Text.Json.JsonElement> ApiAsync(string pathAndQuery)
    {
        var body = await Http.GetStringAsync(new Uri(pathAndQuery.TrimStart('/'), UriKind.Relative));
        return System.Text.Json.JsonDocument.Parse(body).RootElement.Clone();
    }

    // Flags this machine's closed network needs (see the machine notes): no background calls to Google's hosts.
    private static readonly string[] ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ];

    private readonly StringBuilder serverLog = new();
    private Process? server;
    private IPlaywright? playwright;
    private string? workDir;

    public string? SkipReason { get; private set; }

    /// <summary>False when only ../shared is missing: that skips everywhere, CI included (tests read it in place).</summary>
    private bool skipFailsInCi = true;

    public string BaseUrl { get; private set; } = "";

    public string UserName { get; private set; } = "analyst1";

    public string Password { get; private set; } = "browser-test-pass-1";

    /// <summary>A read-only user: logged in, but every review must be refused to it, on screen and by the API.</summary>
    public string ViewerName { get; private set; } = "viewer1";

    public string ViewerPassword { get; private set; } = "browser-test-pass-2";

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string ArtifactsDir { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts");

    public static bool BrowserRequired => Environment.GetEnvironmentVariable("RASID_REQUIRE_BROWSER") == "1";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ArtifactsDir);
        if (!File.Exists(ChromiumPath))
        {
            SkipReason = $"Debian's chromium is not installed at {ChromiumPath} (apt-get install -y chromium; .ci/setup.sh does this in CI).";
            return;
        }

        var external = Environment.GetEnvironmentVariable("RASID_DASHBOARD_URL");
        if (!string.IsNullOrEmpty(external))
        {
            BaseUrl = external.TrimEnd('/');
            UserName = Environment.GetEnvironmentVariable("RASID_DASHBOARD_USER") ?? UserName;
            Password = Environment.GetEnvironmentVariable("RASID_DASHBOARD_PASSWORD") ?? Password;
            ViewerName = Environment.GetEnvironmentVariable("RASID_DASHBOARD_VIEWER") ?? ViewerName;
            ViewerPassword = Environment.GetEnvironmentVariable("RASID_DASHBOARD_VIEWER_PASSWORD") ?? ViewerPassword;
        }
        else
        {
            var news = SharedData.PathTo("corpus", "news", "saudinewsnet-conflict-2015.jsonl");
            if (news is null)
            {
                SkipReason = $"{SharedData.MissingMessage} Missing: corpus/news/saudinewsnet-conflict-2015.jsonl";
                skipFailsInCi = false;
                return;
            }

            await StartRealServerAsync(news);
            if (SkipReason is not null)
            {
                return;
            }
        }

        Http = new HttpClient { BaseAddress = new Uri(BaseUrl + "/"), Timeout = TimeSpan.FromSeconds(60) };
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumFlags,
        });
    }

    private async Task StartRealServerAsync(string news)
    {
        workDir = Directory.CreateTempSubdirectory("rasid-browser-").FullName;
        var db = Path.Combine(workDir, "store.db");
        var ingest = RasidCli.Run(null, "ingest", news, "--db", db, "--quiet");
        if (ingest.ExitCode != 0)
        {
            throw new InvalidOperationException($"rasid ingest failed ({ingest.ExitCode}): {ingest.Stderr}{ingest.Stdout}");
        }

        var users = RasidCli.Run(Password + "\n", "users", "add", UserName, "--role", "analyst", "--db", db, "--password-stdin");
        if (users.ExitCode != 0 && NotImplemented(users.Stderr + users.Stdout, "users"))
        {
            SkipReason = "this rasid build has no `users add` command yet (the API branch adds it); cannot test the dashboard against a real server.";
            return;
        }

        if (users.ExitCode != 0)
        {
            throw new InvalidOperationException($"rasid users add failed ({users.ExitCode}): {users.Stderr}{users.Stdout}");
        }

        var viewer = RasidCli.Run(ViewerPassword + "\n", "users", "add", ViewerName, "--role", "viewer", "--db", db, "--password-stdin");
        if (viewer.ExitCode != 0)
        {
            throw new InvalidOperationException($"rasid users add (viewer) failed ({viewer.ExitCode}): {viewer.Stderr}{viewer.Stdout}");
        }

        int port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        server = RasidCli.Start("serve", "--db", db, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        server.OutputDataReceived += (_, e) => Log(e.Data);
        server.ErrorDataReceived += (_, e) => Log(e.Data);
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited)
            {
                string log = ServerLog;
                if (NotImplemented(log, "serve"))
                {
                    SkipReason = "this rasid build has no `serve` command yet (the API branch adds it); cannot test the dashboard against a real server.";
                    return;
                }

                throw new InvalidOperationException($"rasid serve exited with {server.ExitCode}: {log}");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri(BaseUrl + "/"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // still starting
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"rasid serve did not answer on {BaseUrl} within 90 s: {ServerLog}");
    }

    private string ServerLog
    {
        get
        {
            lock (serverLog)
            {
                return serverLog.ToString();
            }
        }
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (serverLog)
        {
            serverLog.AppendLine(line);
        }
    }

    // System.CommandLine answers an unknown command with "'serve' was not matched" (older: "Unrecognized command …").
    private static bool NotImplemented(string output, string command) =>
        output.Contains($"'{command}' was not matched", StringComparison.Ordinal)
        || (output.Contains($"'{command}'", StringComparison.Ordinal) && output.Contains("Unrecognized", StringComparison.OrdinalIgnoreCase));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Skips (locally) or fails (CI with RASID_REQUIRE_BROWSER=1) when the browser or the server could not be set up;
    /// a missing ../shared always skips.
    /// </summary>
    public void RequireAvailable()
    {
        if (SkipReason is null)
        {
            return;
        }

        if (BrowserRequired && skipFailsInCi)
        {
            throw new InvalidOperationException($"RASID_REQUIRE_BROWSER=1 but: {SkipReason}");
        }

        Skip.If(true, SkipReason);
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
            Locale = "en-US",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        return page;
    }

    public async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDir, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        Http?.Dispose();
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        server?.Dispose();
        if (workDir is not null)
        {
            try
            {
                Directory.Delete(workDir, recursive: true);
            }
            catch (IOException)
            {
                // a temp folder left behind is harmless
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardServer>
{
    public const string Name = "dashboard";
}
