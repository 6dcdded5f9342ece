using System.CommandLine;

namespace Rasid.Bench.Commands;

/// <summary><c>store DB [REPEAT]</c>: query latency p50/p95 and CPU over an existing store (SQLite file or postgres://).</summary>
internal static class StoreCommand
{
    public static Command Create()
    {
        var db = new Argument<string>("DB") { Description = "SQLite file or postgres:// URL.", DefaultValueFactory = _ => "rasid.db" };
        var repeat = new Argument<int>("REPEAT") { Description = "Timed runs per query.", DefaultValueFactory = _ => 200 };
        var only = new Option<string?>("--only") { Description = "Run only the queries whose name contains this text (e.g. 'full text')." };
        var cmd = new Command("store", "Query latency p50/p95 over an existing store.") { db, repeat, only };
        cmd.SetAction(p => StoreQueryRun.Run(p.GetValue(db)!, p.GetValue(repeat), Console.Out, p.GetValue(only)));
        return cmd;
    }
}
