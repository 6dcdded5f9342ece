using System.CommandLine;
using Rasid.Core;
using Rasid.Store.Postgres;

namespace Rasid.Cli.Commands;

/// <summary><c>rasid worker</c>: takes jobs from the PostgreSQL queue, extracts and stores them. Run any number, anywhere.</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var db = StoreOptions.Db();
        var threads = new Option<int>("--threads") { Description = "Extraction threads in this worker (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var batch = new Option<int>("--batch") { Description = "Jobs claimed and written at a time.", DefaultValueFactory = _ => 20 };
        var lease = new Option<int>("--lease") { Description = "Seconds a claim lasts before another worker may retake the job.", DefaultValueFactory = _ => 120 };
        var follow = new Option<bool>("--follow") { Description = "Keep waiting for new jobs instead of stopping when the queue is drained." };
        var keepDone = new Option<double>("--keep-done")
        {
            Description = "Hours done jobs stay in the queue before workers delete them (0: keep them; at least one minute). Throughput counts are kept apart.",
            DefaultValueFactory = _ => 24,
        };
        var cmd = new Command("worker", "Process jobs from the PostgreSQL job queue (see `rasid ingest --enqueue`).") { db, threads, batch, lease, follow, keepDone };
        cmd.SetAction(p => CliRunner.Guard(() =>
        {
            using var store = StoreOptions.Open(p.GetValue(db)!);
            if (store is not PostgresEventStore pg)
            {
                throw new RasidException("E320", store.Location, "the worker needs a PostgreSQL store (--db postgres://…)");
            }

            var worker = new QueueWorker(new PostgresJobQueue(pg), pg, DefaultPipeline.Extractor, new WorkerOptions
            {
                Threads = Math.Max(1, p.GetValue(threads)),
                Batch = Math.Clamp(p.GetValue(batch), 1, 1000),
                Lease = TimeSpan.FromSeconds(Math.Max(1, p.GetValue(lease))),
                Follow = p.GetValue(follow),
                KeepDone = p.GetValue(keepDone) is > 0 and var hours ? TimeSpan.FromHours(hours) : null,
            });
            using var cts = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cts.Cancel();
            };
            var s = worker.Run(cancellation: cts.Token);
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            Console.Error.WriteLine($"rasid worker {worker.Name}: {s.Jobs} jobs, {s.Stored} stored, {s.Events} events, {s.Failed} failed extraction, " +
                                    $"{s.Elapsed.TotalSeconds:F1} s ({s.Jobs / Math.Max(0.001, s.Elapsed.TotalSeconds):F0} docs/s); " +
                                    $"cpu {self.TotalProcessorTime.TotalSeconds:F1} s, peak rss {self.PeakWorkingSet64 / (1024 * 1024)} MB; " +
                                    $"claim {s.Claiming.TotalSeconds:F1} s, extract {s.Extracting.TotalSeconds:F1} s, write {s.Writing.TotalSeconds:F1} s (lock wait {s.LockWait.TotalSeconds:F1} s, held {s.LockHeld.TotalSeconds:F1} s)");
            return 0;
        }));
        return cmd;
    }
}
