using Microsoft.AspNetCore.Http.HttpResults;
using Rasid.Web.Security;

namespace Rasid.Web.Api;

/// <summary>
/// /api/export?format=acled-csv|geojson|jsonl&amp;&lt;filters&gt;. The file writers live in Rasid.Export (branch evalout);
/// until that lands the endpoint checks its input and answers 501.
/// </summary>
internal static class ExportApi
{
    public static readonly string[] Formats = ["acled-csv", "geojson", "jsonl"];

    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/export", Export).WithTags("Export").RequireAuthorization(Policies.Read);
        return routes;
    }

    public static Results<ProblemHttpResult, ValidationProblem> Export(HttpRequest request)
    {
        var (_, errors) = EventFilters.Parse(request.Query, defaultLimit: 100_000, maxLimit: 1_000_000);
        var format = request.Query["format"].ToString();
        if (!Formats.Contains(format))
        {
            errors["format"] = [$"'{format}' is not an export format ({string.Join(", ", Formats)})"];
        }

        if (errors.Count > 0)
        {
            return EventsApi.Invalid(errors);
        }

        return TypedResults.Problem(statusCode: StatusCodes.Status501NotImplemented, title: "Export not available yet",
            detail: "the export writers (Rasid.Export) are not part of this build yet; use `rasid export` when it is available");
    }
}
