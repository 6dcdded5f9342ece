using Microsoft.AspNetCore.Http.HttpResults;
using Rasid.Store;
using Rasid.Store.Postgres;
using Rasid.Web.Hosting;
using Rasid.Web.Security;

namespace Rasid.Web.Api;

/// <summary>/api/ingest/status: what this server was sent, what the store holds, and on PostgreSQL the job queue (rasid worker).</summary>
internal static class IngestApi
{
    public static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/ingest/status", Status).WithTags("Ingest").RequireAuthorization(Policies.Read);
        return routes;
    }

    public static Ok<IngestStatusDto> Status(IEventStore store, IngestTracker tracker, StoreCountsCache counts)
    {
        var t = tracker.Snapshot();
        var s = counts.Get();
        QueueDto? queue = null;
        if (store is PostgresEventStore pg)
        {
            var q = new PostgresJobQueue(pg).Status();
            queue = new QueueDto(q.Queued, q.Running, q.Done, q.Failed, q.DoneLastMinute);
        }

        return TypedResults.Ok(new IngestStatusDto(
            new IngestServerDto(t.DocumentsReceived, t.DocumentsStored, t.DocumentsSkipped, t.DocumentsFailed, t.Events, t.InFlight, t.DocumentsLastMinute, t.FirstAt, t.LastAt),
            new StoreCountsDto(s.Documents, s.FailedDocuments, s.Events, s.Incidents, s.CountedIncidents),
            queue));
    }
}
