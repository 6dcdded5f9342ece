using System.CommandLine;

namespace Rasid.Bench.Commands;

/// <summary><c>store-scale</c>: the store part alone as the store grows — docs/s, clustering cost, bytes/doc, writes/s with N writers.</summary>
internal static class StoreScaleCommand
{
    public static Command Create()
    {
        var db = new Option<string?>("--db") { Description = "postgres://user:pw@host/db_bench (default: RASID_BENCH_PG)." };
        var sizes = new Option<string>("--sizes") { Description = "Store sizes (documents) to measure at, comma-separated.", DefaultValueFactory = _ => "20000,100000" };
        var writers = new Option<string>("--writers") { Description = "Writer connection counts, comma-separated.", DefaultValueFactory = _ => "1,2,4,8" };
        var sample = new Option<int>("--sample") { Description = "Documents timed at each size.", DefaultValueFactory = _ => 2000 };
        var batch = new Option<int>("--batch") { Description = "Documents per write transaction.", DefaultValueFactory = _ => 50 };
        var seconds = new Option<double>("--seconds") { Description = "Seconds per writer-count run.", DefaultValueFactory = _ => 20 };
        var force = new Option<bool>("--force") { Description = "Reset a database that is not named like a benchmark database." };
        var cmd = new Command("store-scale", "The store alone as it grows: docs/s, clustering cost, bytes/doc, writes/s with N writers.")
        {
            db, sizes, writers, sample, batch, seconds, force,
        };
        cmd.SetAction(p => new StoreScaleRun(
            new StoreScaleOptions(BenchRunner.PostgresDb(p.GetValue(db), "store-scale"), BenchRunner.PositiveInts(p.GetValue(sizes)!),
                BenchRunner.PositiveInts(p.GetValue(writers)!), Math.Max(1, p.GetValue(sample)), Math.Max(1, p.GetValue(batch)), p.GetValue(seconds), p.GetValue(force)),
            Console.Out).Run());
        return cmd;
    }
}
