using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Rasid.Export;
using Rasid.Store;
using Rasid.Web.Security;

namespace Rasid.Web.Api;

/// <summary>
/// /api/export?format=acled-csv|geojson|jsonl|json&amp;&lt;filters of /api/events&gt;: the selected incidents as a file,
/// written by Rasid.Export's writers and streamed page by page (limit defaults to 100 000, at most 1 000 000).
/// </summary>
internal static class ExportApi
{
    private static readonly Dictionary<string, (ExportFormat Format, string ContentType, string Extension)> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["acled-csv"] = (ExportFormat.Csv, "text/csv; charset=utf-8", "csv"),
        ["csv"] = (ExportFormat.Csv, "text/csv; charset=utf-8", "csv"),
        ["geojson"] = (ExportFormat.GeoJson, "application/geo+json", "geojson"),
        ["jsonl"] = (ExportFormat.Jsonl, "application/x-ndjson", "jsonl"),
        ["json"] = (ExportFormat.Json, "application/json", "json"),
    };

    private const int PageSize = 1000;

    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/export", Export).WithTags("Export").RequireAuthorization(Policies.Read);
        return routes;
    }

    public static Results<PushStreamHttpResult, ValidationProblem> Export(HttpRequest request, IEventStore store, TimeProvider clock)
    {
        var (query, errors) = EventFilters.Parse(request.Query, defaultLimit: 100_000, maxLimit: 1_000_000);
        var name = request.Query["format"].ToString();
        if (!Formats.TryGetValue(name, out var format))
        {
            errors["format"] = [$"'{name}' is not an export format (acled-csv, geojson, jsonl, json)"];
        }

        if (errors.Count > 0)
        {
            return EventsApi.Invalid(errors);
        }

        var exportedAt = clock.GetUtcNow();
        return TypedResults.Stream(async body =>
        {
            // The writers are synchronous; each page is written to a buffer, then sent asynchronously.
            var buffer = new StringWriter();
            var writer = format.Format.CreateWriter(buffer, exportedAt);
            var sb = buffer.GetStringBuilder();
            async Task Send()
            {
                var bytes = Encoding.UTF8.GetBytes(sb.ToString());
                sb.Clear();
                await body.WriteAsync(bytes).ConfigureAwait(false);
            }

            // Each page starts after the last one (keyset); the request's offset applies once, before the first.
            int written = 0;
            var next = query;
            while (written < query.Limit)
            {
                int want = Math.Min(PageSize, query.Limit - written);
                var page = store.Query(next with { Limit = want });
                foreach (var incident in page)
                {
                    writer.Write(incident.Event);
                }

                written += page.Count;
                await Send().ConfigureAwait(false);
                if (page.Count < want)
                {
                    break;
                }

                next = next with { After = EventCursor.After(page[^1], next.OrderBy), Offset = 0 };
            }

            writer.Complete();
            await Send().ConfigureAwait(false);
        }, format.ContentType, $"rasid-events-{exportedAt:yyyyMMdd-HHmmss}.{format.Extension}");
    }
}
