using System.CommandLine;

namespace Rasid.Bench.Commands;

/// <summary><c>soak DB</c>: ingest the bulk corpus while the API serves dashboard queries and reviews; memory curve and store checks.</summary>
internal static class SoakCommand
{
    public static Command Create()
    {
        var db = new Argument<string>("DB") { Description = "A new SQLite file." };
        var limit = new Option<int>("--limit") { Description = "Articles to ingest (0: all)." };
        var path = new Option<string?>("--path") { Description = "A JSONL(.gz) dump instead of ../shared/corpus/bulk." };
        var sample = new Option<double>("--sample") { Description = "Seconds between memory samples.", DefaultValueFactory = _ => 3 };
        var cmd = new Command("soak", "Ingest the bulk corpus under API load: memory curve and store checks.") { db, limit, path, sample };
        cmd.SetAction(p => new SoakRun(p.GetValue(db)!, p.GetValue(path), p.GetValue(limit),
            TimeSpan.FromSeconds(Math.Max(0.5, p.GetValue(sample))), Console.Out).Run());
        return cmd;
    }
}
