using System.CommandLine;
using Rasid.Store;

namespace Rasid.Cli.Commands;

/// <summary><c>rasid migrate --from rasid.db --to postgres://…</c>: copies a store losslessly (rerunnable).</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The store to copy from (SQLite file or postgres://…).", Required = true };
        var to = new Option<string>("--to") { Description = "The store to copy into (postgres://… or a SQLite file).", Required = true };
        var cmd = new Command("migrate", "Copy every document, event, incident and review from one store into another.") { from, to };
        cmd.SetAction(p => CliRunner.Guard(() =>
        {
            using var source = StoreOptions.Open(p.GetValue(from)!);
            using var target = StoreOptions.Open(p.GetValue(to)!);
            var summary = StoreCopier.Copy(source, target);
            var a = source.Stats();
            var b = target.Stats();
            Console.Error.WriteLine($"rasid migrate: {summary.Documents:N0} documents, {summary.Mentions:N0} mentions, {summary.Reviews:N0} review entries copied");
            Console.Error.WriteLine($"  source: {a}");
            Console.Error.WriteLine($"  target: {b}");
            return a == b ? 0 : 1;
        }));
        return cmd;
    }
}
