using System.Globalization;
using Rasid.Core;

namespace Rasid.Store.Tests;

/// <summary>
/// Count, timeline and facets must give exactly what the filtered event list gives, whether they are read from the
/// counts the store keeps on write (unfiltered, dates, country, modality) or from the incidents (any other filter), and
/// after clustering, edits, merges and splits have rewritten incidents.
/// </summary>
public abstract partial class StoreContractTests
{
    /// <summary>
    /// Closes <paramref name="store"/>, takes its database back to the schema before the counts migration (tables,
    /// triggers and the version row gone, incidents kept), and opens it again so the migration runs over existing data.
    /// </summary>
    protected abstract IEventStore ReopenBeforeCountsMigration(IEventStore store);

    public static TheoryData<string> SummaryQueries => [.. Queries.Keys];

    private static readonly Dictionary<string, EventQuery> Queries = new()
    {
        ["everything"] = new EventQuery(),
        ["uncounted too"] = new EventQuery { IncludeUncounted = true },
        ["modality negated"] = new EventQuery { Modality = Modality.Negated },
        ["modality claimed"] = new EventQuery { Modality = Modality.Claimed },
        ["country code"] = new EventQuery { Country = "ye" },
        ["country name"] = new EventQuery { Country = "Syria" },
        ["whole month"] = new EventQuery { From = new DateOnly(2017, 1, 1), To = new DateOnly(2017, 1, 31) },
        ["whole months, country"] = new EventQuery { Country = "SY", From = new DateOnly(2016, 12, 1), To = new DateOnly(2017, 2, 28) },
        ["from a whole month on"] = new EventQuery { From = new DateOnly(2017, 2, 1) },
        ["part of a month"] = new EventQuery { From = new DateOnly(2017, 1, 10), To = new DateOnly(2017, 2, 14) },
        ["part of a month, country"] = new EventQuery { Country = "Yemen", To = new DateOnly(2017, 1, 20) },
        ["event type"] = new EventQuery { EventType = "Battles" },
        ["admin1"] = new EventQuery { Admin1 = "Aleppo" },
        ["actor"] = new EventQuery { Actor = "forces" },
        ["accepted"] = new EventQuery { ReviewState = "accepted", IncludeUncounted = true },
        ["no such country"] = new EventQuery { Country = "IQ" },
    };

    [SkippableTheory]
    [MemberData(nameof(SummaryQueries))]
    public void Count_timeline_and_facets_equal_the_filtered_event_list_after_writes_and_reviews(string name)
    {
        using var store = OpenStore();
        WriteVariedIncidents(store);
        ReviewSome(store);
        AssertSummariesMatchList(store, Queries[name]);
    }

    [SkippableFact]
    public void The_counts_migration_counts_the_incidents_a_store_already_holds()
    {
        var store = OpenStore();
        WriteVariedIncidents(store);
        ReviewSome(store);
        using var migrated = ReopenBeforeCountsMigration(store);
        foreach (var query in Queries.Values)
        {
            AssertSummariesMatchList(migrated, query);
        }

        // and the triggers it creates keep counting afterwards
        migrated.Write([TestEvents.Doc("late", "متأخر", TestEvents.Event("late", "z1", SubEventType.Attack, "2017-01-05", 33.5, 36.3, admin1: "Damascus"))]);
        AssertSummariesMatchList(migrated, new EventQuery());
    }

    private static void AssertSummariesMatchList(IEventStore store, EventQuery query)
    {
        var list = store.Query(query with { Limit = 100_000 }).Select(s => s.Event).ToList();
        Assert.Equal(list.Count, store.Count(query));

        var days = list.GroupBy(e => e.EventDate).OrderBy(g => g.Key).Select(g => new TimelineDay(g.Key, g.Count(), g.Sum(e => (long)e.Fatalities)));
        Assert.Equal(days, store.Timeline(query));

        var facets = store.Facets(query, top: 1000);
        var countries = list.Select(e => (Name: e.Location?.Country ?? e.Location?.CountryCode, Code: e.Location?.CountryCode))
            .Where(c => !string.IsNullOrEmpty(c.Name))
            .GroupBy(c => c.Name!, StringComparer.Ordinal)
            .Select(g => new FacetCount(g.Key, g.Count(), g.Select(c => c.Code).Where(c => !string.IsNullOrEmpty(c)).Max(StringComparer.Ordinal)));
        Assert.Equal(Expected(countries), facets.Countries);
        Assert.Equal(Expected(Values(list.Select(e => e.Location?.Admin1))), facets.Admin1);
        Assert.Equal(Expected(Values(list.Select(e => e.EventType.Name()))), facets.EventTypes);
        Assert.Equal(Expected(Values(list.Select(e => e.SubEventType.Name()))), facets.SubEventTypes);
        Assert.Equal(Expected(Values(list.SelectMany(e => new[] { e.Actor1?.Name, e.Actor2?.Name }))), facets.Actors);

        static IEnumerable<FacetCount> Values(IEnumerable<string?> values) =>
            values.Where(v => !string.IsNullOrEmpty(v)).GroupBy(v => v!, StringComparer.Ordinal).Select(g => new FacetCount(g.Key, g.Count()));

        static List<FacetCount> Expected(IEnumerable<FacetCount> counts) =>
            counts.OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Eighty reports over three months in two countries (and some with no country), all modalities, with and without
    /// admin1 and actors (one actor on both sides), written in batches so clustering merges some and rewrites incidents.
    /// </summary>
    private static void WriteVariedIncidents(IEventStore store)
    {
        var random = new Random(17);
        SubEventType[] subs = [SubEventType.ArmedClash, SubEventType.AirDroneStrike, SubEventType.Attack, SubEventType.ShellingArtilleryMissileAttack, SubEventType.PeacefulProtest];
        (string? Code, string? Name, string? Admin1, double Lat, double Lon)[] places =
        [
            ("SY", "Syria", "Aleppo", 36.2, 37.15), ("SY", "Syria", "Idlib", 35.93, 36.63), ("SY", "Syria", null, 35.0, 38.5),
            ("YE", "Yemen", "Taizz", 13.58, 44.02), ("YE", "Yemen", "Aden", 12.78, 45.03), (null, null, null, 30.0, 40.0),
        ];
        string?[] actors = ["Islamic State", "Syrian Democratic Forces", "Houthis", "Military Forces of Syria", null];
        var modalities = Enum.GetValues<Modality>();
        var batch = new List<ExtractedDocument>();
        for (int i = 0; i < 80; i++)
        {
            var p = places[random.Next(places.Length)];
            var date = new DateOnly(2016, 12, 1).AddDays(random.Next(0, 90)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var actor1 = actors[random.Next(actors.Length)];
            var actor2 = i % 11 == 0 ? actor1 : actors[random.Next(actors.Length)];
            var e = TestEvents.Event($"d{i}", $"e{i:D3}", subs[random.Next(subs.Length)], date, p.Lat, p.Lon, actor1: actor1, actor2: actor2,
                fatalities: random.Next(0, 6), modality: i % 3 == 0 ? modalities[random.Next(modalities.Length)] : Modality.Asserted,
                admin1: p.Admin1 ?? "") with
            {
                Location = p.Code is null ? null : new EventLocation
                {
                    CountryCode = p.Code, Country = p.Name, Admin1 = p.Admin1, Name = "place", Latitude = p.Lat, Longitude = p.Lon, Precision = GeoPrecision.Town,
                },
            };
            batch.Add(TestEvents.Doc($"d{i}", $"تقرير {i}", e));
            if (i % 5 == 0)
            {
                // A second report of the same incident, so it has two mentions (and can be split).
                batch.Add(TestEvents.Doc($"r{i}", $"تقرير آخر {i}", e with { EventId = $"r{i:D3}", DocumentId = $"r{i}", Fatalities = e.Fatalities + 1 }));
            }

            if (batch.Count >= 7)
            {
                store.Write(batch);
                batch.Clear();
            }
        }

        store.Write(batch);
    }

    /// <summary>Edits the counted fields of some incidents, merges two, splits one, accepts one.</summary>
    private static void ReviewSome(IEventStore store)
    {
        var all = store.Query(new EventQuery { IncludeUncounted = true, Limit = 1000, OrderBy = "date_asc" });
        Assert.True(all.Count > 20, $"only {all.Count} incidents");
        Dictionary<string, string?>[] edits =
        [
            new() { ["admin1"] = "Aleppo" }, new() { ["event_type"] = "Battles", ["sub_event_type"] = "Armed clash" },
            new() { ["sub_event_type"] = "Air/drone strike", ["event_type"] = "Explosions/Remote violence" }, new() { ["event_date"] = "2017-02-27" },
            new() { ["actor1"] = "Houthis" }, new() { ["actor2"] = null }, new() { ["fatalities"] = "9" }, new() { ["admin1"] = null },
        ];
        // Incidents with a place: an admin1 written onto an incident without a country would not come back in its location.
        var placed = all.Where(s => s.Event.Location is not null).ToList();
        for (int i = 0; i < edits.Length; i++)
        {
            store.Review(new ReviewRequest(placed[i * 2].Event.EventId, "ana", ReviewAction.Edit) { Fields = edits[i] });
        }

        store.Review(new ReviewRequest(all[20].Event.EventId, "ana", ReviewAction.Merge) { MergeWith = all[19].Event.EventId });
        store.Review(new ReviewRequest(all[18].Event.EventId, "ana", ReviewAction.Accept));
        var twoSources = store.Query(new EventQuery { IncludeUncounted = true, Limit = 1000 }).First(s => s.SourceCount == 2);
        store.Review(new ReviewRequest(twoSources.Event.EventId, "ana", ReviewAction.Split)
        {
            MentionIds = [store.GetMentions(twoSources.Event.EventId)[1].EventId],
        });
    }
}
