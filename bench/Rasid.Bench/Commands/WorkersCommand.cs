using System.CommandLine;

namespace Rasid.Bench.Commands;

/// <summary><c>workers</c>: the scale-out run — resets the database, enqueues the bulk dump, runs N real <c>rasid worker</c> processes.</summary>
internal static class WorkersCommand
{
    public static Command Create()
    {
        var db = new Option<string?>("--db") { Description = "postgres://user:pw@host/db_bench (default: RASID_BENCH_PG)." };
        var workers = new Option<string>("--workers") { Description = "Worker process counts to run, comma-separated.", DefaultValueFactory = _ => "1,2" };
        var threads = new Option<int>("--threads") { Description = "Extraction threads per worker.", DefaultValueFactory = _ => 1 };
        var batch = new Option<int>("--batch") { Description = "Jobs claimed at a time.", DefaultValueFactory = _ => 50 };
        var limit = new Option<int>("--limit") { Description = "Articles to enqueue (0: all)." };
        var path = new Option<string?>("--path") { Description = "A JSONL(.gz) dump instead of ../shared/corpus/bulk." };
        var force = new Option<bool>("--force") { Description = "Reset a database that is not named like a benchmark database." };
        var cmd = new Command("workers", "Scale-out run: N rasid worker processes over the PostgreSQL job queue.") { db, workers, threads, batch, limit, path, force };
        cmd.SetAction(p => new WorkersRun(
            new WorkersRunOptions(BenchRunner.PostgresDb(p.GetValue(db), "workers"), BenchRunner.PositiveInts(p.GetValue(workers)!),
                Math.Max(1, p.GetValue(threads)), Math.Max(1, p.GetValue(batch)), p.GetValue(limit), p.GetValue(path), p.GetValue(force)),
            Console.Out).Run());
        return cmd;
    }
}
