namespace Rasid.Web.Api;

/// <summary>Maps every resource group of the API and the OpenAPI document (/openapi/v1.json).</summary>
internal static class ApiEndpoints
{
    public static WebApplication MapRasidApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapEventsApi();
        app.MapDocumentsApi();
        app.MapExportApi();
        app.MapIngestApi();
        app.MapAuthApi();
        // Unknown /api paths answer a problem, not the dashboard's files.
        app.MapFallback("/api/{**rest}", (string rest) =>
            TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"no API endpoint /api/{rest}"));
        return app;
    }
}
