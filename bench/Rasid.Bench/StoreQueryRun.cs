using System.Diagnostics;
using Rasid.Store;

namespace Rasid.Bench;

/// <summary>
/// Query latency over an existing store (e.g. one built by <c>rasid ingest</c> of the bulk corpus): typical analyst
/// filters, each run many times, p50/p95 in milliseconds, as a Markdown table.
/// </summary>
internal static class StoreQueryRun
{
    public static int Run(string db, int repeat, TextWriter output)
    {
        using var store = EventStores.Open(db);
        var stats = store.Stats();
        var first = store.Query(new EventQuery { Limit = 1 });
        var sample = first.Count > 0 ? first[0].Event : null;
        var queries = new (string Name, EventQuery Query)[]
        {
            ("newest 100 (no filter)", new EventQuery { Limit = 100 }),
            ("one month", new EventQuery { From = new DateOnly(2015, 7, 1), To = new DateOnly(2015, 7, 31), Limit = 100 }),
            ("country + type", new EventQuery { Country = "YE", EventType = "Explosions/Remote violence", Limit = 100 }),
            ("admin1", new EventQuery { Admin1 = sample?.Location?.Admin1 ?? "Aden", Limit = 100 }),
            ("actor substring", new EventQuery { Actor = "coalition", Limit = 100 }),
            ("bounding box (Syria)", new EventQuery { BoundingBox = (35.5, 32.3, 42.4, 37.3), Limit = 100 }),
            ("full text 'الحوثي'", new EventQuery { Text = "الحوثي", Limit = 100 }),
            ("full text + country + month", new EventQuery { Text = "غارات", Country = "YE", From = new DateOnly(2015, 4, 1), To = new DateOnly(2015, 4, 30), Limit = 100 }),
            ("count with filters", new EventQuery { Country = "SY", From = new DateOnly(2015, 1, 1), Limit = 0 }),
            ("page 20 of everything", new EventQuery { Limit = 100, Offset = 2000 }),
        };
        output.WriteLine($"store {store.Location}: {stats.Documents:N0} documents, {stats.Events:N0} mentions, {stats.Incidents:N0} incidents");
        output.WriteLine();
        output.WriteLine("| query | rows | p50 ms | p95 ms | max ms |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (name, query) in queries)
        {
            int rows = query.Limit == 0 ? (int)store.Count(query) : store.Query(query).Count; // warm
            var times = new double[repeat];
            for (int i = 0; i < repeat; i++)
            {
                var sw = Stopwatch.StartNew();
                if (query.Limit == 0)
                {
                    store.Count(query);
                }
                else
                {
                    store.Query(query);
                }

                times[i] = sw.Elapsed.TotalMilliseconds;
            }

            Array.Sort(times);
            output.WriteLine($"| {name} | {rows} | {times[repeat / 2]:F2} | {times[(int)(repeat * 0.95)]:F2} | {times[^1]:F2} |");
        }

        return 0;
    }
}
