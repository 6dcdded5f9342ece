using System.CommandLine;
using System.Text;
using Rasid.Core;
using Rasid.Export;
using Rasid.Store;

namespace Rasid.Cli.Commands;

/// <summary>
/// <c>rasid export --format acled-csv|geojson|jsonl|json|parquet [--out FILE] [filters]</c>: the store's incidents in a
/// file analysts open in Excel/pandas (ACLED CSV), QGIS (GeoJSON) or a data pipeline (JSONL, Parquet).
/// </summary>
internal static class ExportCommand
{
    private const int Page = 5000;

    public static Command Create()
    {
        var db = StoreOptions.Db();
        var filters = new StoreOptions.Filters();
        var format = new Option<string>("--format") { Description = "acled-csv, geojson, jsonl, json or parquet.", Required = true };
        var output = new Option<string?>("--out") { Description = "Output file (default: stdout; parquet needs a file)." };
        var cmd = new Command("export", "Export stored incidents (ACLED CSV, GeoJSON, JSONL, JSON, Parquet) with the query filters.") { db, format, output };
        filters.AddTo(cmd);
        cmd.SetAction(p => CliRunner.Guard(() =>
        {
            var f = p.GetValue(format)!.Trim().ToLowerInvariant();
            var path = p.GetValue(output);
            using var store = StoreOptions.Open(p.GetValue(db)!);
            var query = filters.Read(p, Page) with { OrderBy = "date_asc" };
            long written;
            if (f == "parquet")
            {
                if (path is null)
                {
                    throw new RasidException("E410", "--out", "parquet is a binary file format: give --out FILE");
                }

                using var stream = File.Create(path);
                var writer = new ParquetEventWriter(stream);
                written = Each(store, query, e => writer.Write(e));
                writer.Complete();
            }
            else
            {
                if (!ExportFormats.TryParse(f == "acled-csv" ? "csv" : f, out var fmt))
                {
                    throw new RasidException("E411", "--format", $"'{f}' is not one of acled-csv, geojson, jsonl, json, parquet");
                }

                using var file = path is null ? null : new StreamWriter(path, false, new UTF8Encoding(false));
                var text = (TextWriter?)file ?? Console.Out;
                var writer = fmt.CreateWriter(text, DateTimeOffset.UtcNow);
                written = Each(store, query, e => writer.Write(e));
                writer.Complete();
                text.Flush();
            }

            Console.Error.WriteLine($"rasid export: {written} incidents as {f}{(path is null ? string.Empty : " to " + path)}");
            return 0;
        }));
        return cmd;
    }

    /// <summary>Pages through every incident matching the query, each page starting after the last (keyset, not OFFSET).</summary>
    internal static long Each(IEventStore store, EventQuery query, Action<ConflictEvent> write)
    {
        long n = 0;
        var page = query with { Limit = Page };
        while (true)
        {
            var rows = store.Query(page);
            foreach (var e in rows)
            {
                write(e.Event);
                n++;
            }

            if (rows.Count < Page)
            {
                return n;
            }

            // Offset applies once, before the first page.
            page = page with { After = EventCursor.After(rows[^1], page.OrderBy), Offset = 0 };
        }
    }
}
