using System.CommandLine;

namespace Rasid.Bench.Commands;

/// <summary><c>web DB</c>: <c>rasid serve</c> on DB, API latency and dashboard page load in chromium.</summary>
internal static class WebCommand
{
    public static Command Create()
    {
        var db = new Argument<string>("DB") { Description = "SQLite file or postgres:// URL.", DefaultValueFactory = _ => "rasid.db" };
        var loads = new Option<int>("--loads") { Description = "Dashboard page loads.", DefaultValueFactory = _ => 20 };
        var repeat = new Option<int>("--repeat") { Description = "Timed requests per API call.", DefaultValueFactory = _ => 50 };
        var rasid = new Option<string?>("--rasid") { Description = "PATH/rasid.dll to serve (default: the one beside the benchmark)." };
        var chromium = new Option<string>("--chromium") { Description = "Browser executable.", DefaultValueFactory = _ => "/usr/bin/chromium" };
        var cmd = new Command("web", "rasid serve on DB: API latency and dashboard page load (chromium).") { db, loads, repeat, rasid, chromium };
        cmd.SetAction((p, _) => WebRun.RunAsync(
            new WebRunOptions(p.GetValue(db)!, Math.Max(1, p.GetValue(loads)), Math.Max(1, p.GetValue(repeat)), p.GetValue(rasid), p.GetValue(chromium)!),
            Console.Out));
        return cmd;
    }
}
