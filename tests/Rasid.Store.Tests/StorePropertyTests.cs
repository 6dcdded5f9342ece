using System.Globalization;
using Rasid.Core;
using Rasid.Store.Sqlite;

namespace Rasid.Store.Tests;

public class StorePropertyTests
{
    // A small pool of overlapping events (same type, nearby places, adjacent days, shared actors) so that merges happen.
    private static readonly ExtractedDocument[] Pool = Enumerable.Range(0, 8).Select(i =>
    {
        var id = $"doc{i}";
        var events = new List<ConflictEvent>
        {
            TestEvents.Event(id, $"{id}-a", SubEventType.ArmedClash, $"2017-04-{20 + i % 4:00}", 34.45 + 0.02 * (i % 3), 40.92,
                actor1: i % 2 == 0 ? "Islamic State" : "Syrian Democratic Forces", fatalities: i, tp: (TimePrecision)(1 + i % 3)),
        };
        if (i % 3 == 0)
        {
            events.Add(TestEvents.Event(id, $"{id}-b", SubEventType.AirDroneStrike, "2017-04-22", 35.95, 39.01, actor1: null, fatalities: 2 * i));
        }

        return TestEvents.Doc(id, $"تقرير رقم {i}", events.ToArray());
    }).ToArray();

    [Fact]
    public void Any_permutation_or_repetition_of_a_batch_gives_the_same_store()
    {
        // Fixed seed, overridable with RASID_TEST_SEED to explore other orders.
        var seed = int.TryParse(Environment.GetEnvironmentVariable("RASID_TEST_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 42;
        var random = new Random(seed);
        var reference = Snapshot(Pool);
        for (int trial = 0; trial < 15; trial++)
        {
            // Written in a random order, in varying batch sizes, with some documents repeated.
            var order = Pool.Concat(Pool.Take(1 + trial % 4)).ToArray();
            random.Shuffle(order);
            Assert.True(reference == Snapshot(order), $"seed {seed}, trial {trial}: the store differs from the in-order ingest");
        }
    }

    private static string Snapshot(IReadOnlyList<ExtractedDocument> docs)
    {
        using var db = new TempDb();
        using var store = SqliteEventStore.Open(db.Path);
        int i = 0;
        while (i < docs.Count)
        {
            int size = 1 + (i * 7 + docs.Count) % 4;
            store.Write(docs.Skip(i).Take(size).ToList());
            i += size;
        }

        var rows = store.Query(new EventQuery { IncludeUncounted = true, Limit = 1000, OrderBy = "date_asc" })
            .OrderBy(r => r.Event.EventId, StringComparer.Ordinal)
            .Select(r => $"{r.Event.EventId}|{r.Event.EventDate}|{r.Event.SubEventType}|{r.Event.Fatalities}|{r.Event.Location?.Latitude}|" +
                         $"{r.Event.Actor1?.Name}|{r.Event.TimePrecision}|{string.Join(",", r.DocumentIds)}");
        var stats = store.Stats();
        return $"{stats.Documents}/{stats.Events}/{stats.Incidents}\n" + string.Join("\n", rows);
    }
}
