using System.CommandLine;

namespace Rasid.Bench.Commands;

/// <summary><c>synth DB</c>: write a synthetic store of N incidents for <c>store</c>.</summary>
internal static class SynthCommand
{
    public static Command Create()
    {
        var db = new Argument<string>("DB") { Description = "A new SQLite file." };
        var events = new Option<int>("--events") { Description = "Incidents to write.", DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same store).", DefaultValueFactory = _ => 5 };
        var cmd = new Command("synth", "Write a synthetic store of N incidents (default 1,000,000) for `store`.") { db, events, seed };
        cmd.SetAction(p => SyntheticStore.Run(p.GetValue(db)!, p.GetValue(events), p.GetValue(seed), Console.Out));
        return cmd;
    }
}
