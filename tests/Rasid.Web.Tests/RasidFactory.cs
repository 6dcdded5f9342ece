using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Rasid.Core;
using Rasid.Store;

namespace Rasid.Web.Tests;

/// <summary>
/// The real app over a real SQLite file in a temp folder, with <see cref="MarkedLineExtractor"/> as its extractor so
/// each test controls which events a document yields. Users: viewer, analyst, admin (API keys in the properties) and a
/// password user "ana" (analyst, password <see cref="Password"/>).
/// </summary>
public sealed class RasidFactory : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery staple";

    private readonly Dictionary<string, string> _settings;

    public RasidFactory(params (string Key, string Value)[] settings)
    {
        Folder = Path.Combine(Path.GetTempPath(), "rasid-web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        DbPath = Path.Combine(Folder, "rasid.db");
        _settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["Rasid:Db"] = DbPath };
        foreach (var (k, v) in settings)
        {
            _settings["Rasid:" + k] = v;
        }

        ViewerKey = AddUser("viewer", UserRole.Viewer);
        AnalystKey = AddUser("analyst", UserRole.Analyst);
        AdminKey = AddUser("admin", UserRole.Admin);
        Store.AddUser(new UserRecord("ana", UserRole.Analyst, UserSecrets.HashPassword(Password), null, DateTimeOffset.UtcNow));
    }

    public string Folder { get; }

    public string DbPath { get; }

    public string ViewerKey { get; }

    public string AnalystKey { get; }

    public string AdminKey { get; }

    public IEventStore Store => Services.GetRequiredService<IEventStore>();

    private string AddUser(string name, UserRole role)
    {
        var key = UserSecrets.NewApiKey();
        Store.AddUser(new UserRecord(name, role, null, UserSecrets.HashApiKey(key), DateTimeOffset.UtcNow));
        return key;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (k, v) in _settings)
        {
            builder.UseSetting(k, v);
        }

        builder.ConfigureTestServices(s => s.AddSingleton<IEventExtractor, MarkedLineExtractor>());
    }

    public HttpClient Client(string? apiKey = null)
    {
        var c = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (apiKey is not null)
        {
            c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return c;
    }

    /// <summary>Posts a document as the analyst and returns the stored document id.</summary>
    public async Task<string> Submit(string text, string published = "2017-05-02", string? id = null, string country = "SY")
    {
        using var c = Client(AnalystKey);
        var r = await c.PostAsJsonAsync("/api/documents", new { text, published, country_hint = country, id, title = "t " + id, source = "test" });
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        var body = await r.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return body.GetProperty("document_id").GetString()!;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
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
