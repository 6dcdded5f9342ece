using System.CommandLine;
using Rasid.Store.Postgres;

namespace Rasid.Cli.Commands;

/// <summary><c>rasid status</c>: what the store holds and, on PostgreSQL, the job queue's depth and throughput.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var db = StoreOptions.Db();
        var cmd = new Command("status", "Show store counts and job queue depth/throughput.") { db };
        cmd.SetAction(p => CliRunner.Guard(() =>
        {
            using var store = StoreOptions.Open(p.GetValue(db)!);
            var s = store.Stats();
            var w = Console.Out;
            w.WriteLine($"store      {store.Location}");
            w.WriteLine($"documents  {s.Documents:N0} ({s.FailedDocuments:N0} failed extraction)");
            w.WriteLine($"events     {s.Events:N0} mentions in {s.Incidents:N0} incidents ({s.CountedIncidents:N0} asserted/reported/claimed)");
            if (store is PostgresEventStore pg)
            {
                var q = new PostgresJobQueue(pg).Status();
                w.WriteLine($"queue      {q.Queued:N0} queued, {q.Running:N0} running ({q.ExpiredLeases:N0} with expired leases), {q.Done:N0} done, {q.Failed:N0} failed");
                w.WriteLine($"throughput {q.DoneLastMinute / 60.0:F1} docs/s over the last minute");
            }

            return 0;
        }));
        return cmd;
    }
}
