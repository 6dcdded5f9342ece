using System.CommandLine;
using System.Globalization;
using Rasid.Core;
using Rasid.Store;
using Spectre.Console;

namespace Rasid.Cli.Commands;

/// <summary><c>rasid query</c>: incidents from the store that match the filters, as a table (or JSON/CSV via export).</summary>
internal static class QueryCommand
{
    public static Command Create()
    {
        var db = StoreOptions.Db();
        var filters = new StoreOptions.Filters();
        var limit = new Option<int>("--limit") { Description = "At most this many rows.", DefaultValueFactory = _ => 50 };
        var offset = new Option<int>("--offset") { Description = "Skip this many rows (paging)." };
        var after = new Option<string?>("--after") { Description = "Start after this page cursor (the 'next' a previous query printed): paging that costs the same at any depth." };
        var order = new Option<string>("--order") { Description = "date (newest first), date_asc, fatalities.", DefaultValueFactory = _ => "date" };
        var format = new Option<string>("--format") { Description = "table, json, jsonl, csv (ACLED columns) or geojson.", DefaultValueFactory = _ => "table" };
        var cmd = new Command("query", "List stored incidents that match the filters.") { db, limit, offset, after, order, format };
        filters.AddTo(cmd);
        cmd.SetAction(p => CliRunner.Guard(() =>
        {
            using var store = StoreOptions.Open(p.GetValue(db)!);
            var query = filters.Read(p, p.GetValue(limit), p.GetValue(offset)) with { OrderBy = p.GetValue(order)! };
            if (p.GetValue(after) is { } cursor)
            {
                query = query with { After = EventCursor.Decode(cursor) };
            }

            var rows = store.Query(query);
            var next = EventCursor.Next(rows, query);
            var f = p.GetValue(format)!.Trim().ToLowerInvariant();
            if (f == "table")
            {
                WriteTable(rows, store.Count(query));
                if (next is not null)
                {
                    Console.WriteLine($"next page: --after {next}");
                }

                return 0;
            }

            if (!Rasid.Export.ExportFormats.TryParse(f, out var fmt))
            {
                throw new RasidException("E412", "--format", $"'{f}' is not one of table, json, jsonl, csv, geojson");
            }

            var writer = Rasid.Export.ExportFormats.CreateWriter(fmt, Console.Out, DateTimeOffset.UtcNow);
            foreach (var r in rows)
            {
                writer.Write(r.Event);
            }

            writer.Complete();
            if (next is not null)
            {
                // stdout stays a clean JSON/CSV document; the cursor goes to stderr.
                Console.Error.WriteLine($"next page: --after {next}");
            }

            return 0;
        }));
        return cmd;
    }

    internal static void WriteTable(IReadOnlyList<StoredEvent> rows, long total)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        var table = new Table().AddColumns("date", "type", "sub-event", "actor1", "actor2", "location", "admin1", "fatal.", "src", "id");
        foreach (var r in rows)
        {
            var e = r.Event;
            table.AddRow(
                Markup.Escape(e.EventDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                Markup.Escape(e.EventType.Name()),
                Markup.Escape(e.SubEventType.Name()),
                Markup.Escape(e.Actor1?.Name ?? ""),
                Markup.Escape(e.Actor2?.Name ?? ""),
                Markup.Escape(e.Location?.Name ?? ""),
                Markup.Escape(e.Location?.Admin1 ?? ""),
                e.Fatalities.ToString(CultureInfo.InvariantCulture),
                r.SourceCount.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(e.EventId));
        }

        console.Write(table);
        console.WriteLine($"{rows.Count} of {total} incidents");
    }
}
