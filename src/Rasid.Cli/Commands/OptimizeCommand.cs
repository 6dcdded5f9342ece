using System.CommandLine;
using System.Diagnostics;

namespace Rasid.Cli.Commands;

/// <summary>
/// <c>rasid optimize</c>: maintenance after a large load — the full-text index merged into one segment and the planner's
/// statistics refreshed (SQLite), or VACUUM ANALYZE (PostgreSQL). Queries answer the same, faster.
/// </summary>
internal static class OptimizeCommand
{
    public static Command Create()
    {
        var db = StoreOptions.Db();
        var cmd = new Command("optimize", "Merge the full-text index and refresh query statistics after a large load.") { db };
        cmd.SetAction(p => CliRunner.Guard(() =>
        {
            using var store = StoreOptions.Open(p.GetValue(db)!);
            var clock = Stopwatch.StartNew();
            store.Optimize();
            Console.Out.WriteLine($"optimized {store.Location} in {clock.Elapsed.TotalSeconds:F1} s");
            return 0;
        }));
        return cmd;
    }
}
