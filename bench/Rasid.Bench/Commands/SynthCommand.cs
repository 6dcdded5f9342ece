using System.CommandLine;

namespace Rasid.Bench.Commands;

/// <summary><c>synth DB</c>: write a synthetic store (SQLite file or empty PostgreSQL database) of N incidents for <c>store</c>.</summary>
internal static class SynthCommand
{
    public static Command Create()
    {
        var db = new Argument<string?>("DB") { Description = "A new SQLite file, or an empty PostgreSQL database (postgres://user:pw@host:port/db).", Arity = ArgumentArity.ZeroOrOne };
        var dbOption = new Option<string?>("--db") { Description = "The same as DB (e.g. --db postgres://rasid:rasid@localhost:5433/rasid_synth)." };
        var events = new Option<int>("--events") { Description = "Incidents to write.", DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same store).", DefaultValueFactory = _ => 5 };
        var cmd = new Command("synth", "Write a synthetic store of N incidents (default 1,000,000) for `store`.") { db, dbOption, events, seed };
        cmd.SetAction(p => SyntheticStore.Run(
            p.GetValue(dbOption) ?? p.GetValue(db) ?? throw new ArgumentException("synth needs a database: DB or --db"), p.GetValue(events), p.GetValue(seed), Console.Out));
        return cmd;
    }
}
