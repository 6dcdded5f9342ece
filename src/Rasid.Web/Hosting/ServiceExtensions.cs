using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Rasid.Core;
using Rasid.Extraction;
using Rasid.Store;

namespace Rasid.Web.Hosting;

/// <summary>The app's services: options, the store, the shared extractor, JSON, problem details, OpenAPI.</summary>
internal static class ServiceExtensions
{
    public static WebApplicationBuilder AddRasidServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section);
        services.AddSingleton(TimeProvider.System);

        // One store and one extraction pipeline for the whole process (STYLE.md §3); both are thread-safe.
        services.AddSingleton<IEventStore>(sp => EventStores.Open(sp.GetRequiredService<IOptions<WebOptions>>().Value.Db));
        services.AddSingleton<IEventExtractor, ArabicEventExtractor>();
        services.AddSingleton<IngestTracker>();
        services.AddSingleton<StoreCountsCache>();

        services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        // Bad JSON or a bad parameter throws, so the error handler can name the field in a problem-details answer.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddOpenApi();

        builder.WebHost.ConfigureKestrel((ctx, k) =>
        {
            var limit = ctx.Configuration.GetSection(WebOptions.Section).GetValue<long?>(nameof(WebOptions.MaxBodyBytes)) ?? new WebOptions().MaxBodyBytes;
            k.Limits.MaxRequestBodySize = limit;
            k.AddServerHeader = false;
        });
        return builder;
    }

    /// <summary>snake_case JSON with ACLED's field names; unknown request fields are errors, not silently dropped.</summary>
    public static void ConfigureJson(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        o.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        o.NumberHandling = JsonNumberHandling.Strict;
        o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }
}
