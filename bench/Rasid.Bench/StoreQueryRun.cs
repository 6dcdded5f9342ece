using System.Diagnostics;
using Rasid.Core;
using Rasid.Store;

namespace Rasid.Bench;

/// <summary>
/// Query latency over an existing store (one built by <c>rasid ingest</c> of the bulk corpus, or by <c>synth</c>): the
/// filters analysts and the dashboard use, each run many times, p50/p95 in milliseconds of wall-clock time, and the
/// median CPU time of the querying thread (SQLite runs on it), which load from other processes does not inflate.
/// </summary>
internal static class StoreQueryRun
{
    public static int Run(string db, int repeat, TextWriter output, string? only = null)
    {
        using var store = EventStores.Open(db);
        var stats = store.Stats();
        var newest = store.Query(new EventQuery { Limit = 1 });
        var oldest = store.Query(new EventQuery { Limit = 1, OrderBy = "date_asc" });
        var sample = newest.Count > 0 ? newest[0].Event : null;
        // A month and a year in the middle of the data, so date filters select a typical slice.
        var middle = newest.Count > 0
            ? DateOnly.FromDayNumber((newest[0].Event.EventDate.DayNumber + oldest[0].Event.EventDate.DayNumber) / 2)
            : new DateOnly(2015, 7, 1);
        var month = new DateOnly(middle.Year, middle.Month, 1);
        var monthEnd = month.AddMonths(1).AddDays(-1);
        var year = new DateOnly(middle.Year, 1, 1);
        // The cursor a client holds after reading 499 pages (keyset paging: the same page as offset 49,900 + 100).
        var deep = store.Query(new EventQuery { Limit = 1, Offset = 49_899 });
        var cursor = deep.Count > 0 ? EventCursor.After(deep[0], "date") : null;
        var queries = new (string Name, Func<long> Run)[]
        {
            ("newest 100 (no filter)", Rows(store, new EventQuery { Limit = 100 })),
            ($"one month ({month:yyyy-MM})", Rows(store, new EventQuery { From = month, To = monthEnd, Limit = 100 })),
            ($"one year ({year:yyyy}), by fatalities", Rows(store, new EventQuery { From = year, To = year.AddYears(1).AddDays(-1), OrderBy = "fatalities", Limit = 100 })),
            ("country + type", Rows(store, new EventQuery { Country = "YE", EventType = "Explosions/Remote violence", Limit = 100 })),
            ("country name + sub-type", Rows(store, new EventQuery { Country = "Syria", SubEventType = "Armed clash", Limit = 100 })),
            ($"admin1 ({sample?.Location?.Admin1 ?? "Aden"})", Rows(store, new EventQuery { Admin1 = sample?.Location?.Admin1 ?? "Aden", Limit = 100 })),
            ("actor substring 'coalition'", Rows(store, new EventQuery { Actor = "coalition", Limit = 100 })),
            ("bounding box (Syria)", Rows(store, new EventQuery { BoundingBox = (35.5, 32.3, 42.4, 37.3), Limit = 100 })),
            ("modality claimed", Rows(store, new EventQuery { Modality = Modality.Claimed, Limit = 100 })),
            ("full text 'الحوثي'", Rows(store, new EventQuery { Text = "الحوثي", Limit = 100 })),
            ($"full text + country + month", Rows(store, new EventQuery { Text = "غارات", Country = "YE", From = month, To = monthEnd, Limit = 100 })),
            ("page 20 of everything", Rows(store, new EventQuery { Limit = 100, Offset = 2000 })),
            ("page 500 of everything", Rows(store, new EventQuery { Limit = 100, Offset = 49_900 })),
            ("page 500 of everything (cursor)", Rows(store, new EventQuery { Limit = 100, After = cursor })),
            ("count: country since a year", () => store.Count(new EventQuery { Country = "SY", From = year })),
            ("count: everything", () => store.Count(new EventQuery())),
            ("timeline: everything", () => store.Timeline(new EventQuery()).Count),
            ("timeline: country", () => store.Timeline(new EventQuery { Country = "YE" }).Count),
            ("facets: everything (top 50)", () => store.Facets(new EventQuery(), 50).Countries.Count),
            ("facets: country + year", () => store.Facets(new EventQuery { Country = "SY", From = year, To = year.AddYears(1).AddDays(-1) }, 50).Admin1.Count),
            ("search documents 'الرقة'", () => store.SearchDocuments("الرقة").Count),
        };
        output.WriteLine($"store {store.Location}: {stats.Documents:N0} documents, {stats.Events:N0} mentions, {stats.Incidents:N0} incidents; " +
                         $"{repeat} runs per query after one warm-up; load average {LoadAverage()}");
        output.WriteLine();
        // PostgreSQL does the work in its server process: its CPU per query (mean over the runs; /proc ticks are 10 ms)
        // is read from the database's backends when the server runs on this machine.
        using var server = Rasid.Store.Postgres.PostgresEventStore.IsPostgres(db)
            ? new Npgsql.NpgsqlConnection(Rasid.Store.Postgres.PostgresEventStore.ToConnectionString(db))
            : null;
        server?.Open();
        int? postmaster = server is null ? null : ServerCpu.Postmaster(server);
        output.WriteLine(postmaster is null
            ? "| query | rows | p50 ms | p95 ms | max ms | CPU ms (p50) |"
            : "| query | rows | p50 ms | p95 ms | max ms | client CPU ms (p50) | server CPU ms (mean) |");
        output.WriteLine(postmaster is null ? "|---|---:|---:|---:|---:|---:|" : "|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, run) in queries.Where(q => only is null || q.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            long rows = run(); // warm
            var times = new double[repeat];
            var cpu = new double[repeat];
            double server0 = postmaster is { } pm0 ? ServerCpu.DatabaseCpu(server!, pm0) : 0;
            for (int i = 0; i < repeat; i++)
            {
                double c0 = CpuClock.ThreadSeconds();
                var sw = Stopwatch.StartNew();
                run();
                times[i] = sw.Elapsed.TotalMilliseconds;
                cpu[i] = (CpuClock.ThreadSeconds() - c0) * 1000;
            }

            string serverMs = postmaster is { } pm1 ? $" {(ServerCpu.DatabaseCpu(server!, pm1) - server0) * 1000 / repeat:F1} |" : string.Empty;
            Array.Sort(times);
            Array.Sort(cpu);
            output.WriteLine($"| {name} | {rows:N0} | {times[repeat / 2]:F1} | {times[Math.Min(repeat - 1, (int)(repeat * 0.95))]:F1} | {times[^1]:F1} | {cpu[repeat / 2]:F1} |{serverMs}");
        }

        return 0;
    }

    private static Func<long> Rows(IEventStore store, EventQuery query) => () => store.Query(query).Count;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
