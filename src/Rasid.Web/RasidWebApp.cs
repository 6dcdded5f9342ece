using Microsoft.AspNetCore.Builder;
using Rasid.Web.Api;
using Rasid.Web.Hosting;
using Rasid.Web.Security;

namespace Rasid.Web;

/// <summary>Builds the web app (API + dashboard). Shared by <c>rasid serve</c>, <see cref="Program"/> and the functional tests.</summary>
public static class RasidWebApp
{
    /// <param name="args">Host arguments (configuration on the command line).</param>
    /// <param name="options">Settings given in code; when null they come from configuration (section <c>Rasid</c>).</param>
    /// <param name="urls">Addresses to listen on, e.g. http://localhost:5080.</param>
    public static WebApplication Build(string[] args, WebOptions? options = null, string? urls = null)
    {
        var webRoot = options?.WebRoot ?? DefaultWebRoot();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = webRoot });
        if (options is not null)
        {
            builder.Configuration.AddInMemoryCollection(options.ToConfiguration());
        }

        if (urls is not null)
        {
            builder.WebHost.UseUrls(urls);
        }

        builder.AddRasidServices();
        builder.AddRasidSecurity();

        var app = builder.Build();
        app.UseRasidErrors();
        app.UseRasidSecurityHeaders();
        app.UseRequestBodyLimit();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRasidSecurity();
        app.MapRasidApi();
        return app;
    }

    /// <summary>wwwroot beside the binaries (rasid serve from an install) when it exists; else the content root's.</summary>
    private static string? DefaultWebRoot()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(beside) ? beside : null;
    }
}
