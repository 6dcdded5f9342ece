using Rasid.Core;
using Rasid.Store.Relational;

namespace Rasid.Store.Tests;

/// <summary>Keyset paging (<see cref="EventQuery.After"/>) gives the same rows, in the same order, as OFFSET paging.</summary>
public abstract partial class StoreContractTests
{
    [SkippableTheory]
    [InlineData("date", 1)]
    [InlineData("date", 7)]
    [InlineData("date_asc", 3)]
    [InlineData("fatalities", 1)]
    [InlineData("fatalities", 4)]
    public void Pages_after_a_cursor_are_the_offset_pages_in_the_same_order(string order, int pageSize)
    {
        using var store = OpenStore();
        WriteVariedIncidents(store); // many incidents share a date or a fatality count: ties are broken by id
        var filters = new[] { new EventQuery { OrderBy = order }, new EventQuery { OrderBy = order, Country = "SY", IncludeUncounted = true } };
        foreach (var q in filters)
        {
            var all = store.Query(q with { Limit = 10_000 }).Select(s => s.Event.EventId).ToList();
            var walked = new List<string>();
            var page = q with { Limit = pageSize };
            for (int guard = 0; guard < 1000; guard++)
            {
                var rows = store.Query(page);
                Assert.Equal(store.Query(q with { Limit = pageSize, Offset = walked.Count }).Select(s => s.Event.EventId), rows.Select(s => s.Event.EventId));
                walked.AddRange(rows.Select(s => s.Event.EventId));
                var next = EventCursor.Next(rows, page);
                if (next is null)
                {
                    break;
                }

                page = page with { After = EventCursor.Decode(next) };
            }

            Assert.Equal(all, walked);
        }
    }

    [SkippableFact]
    public void A_cursor_made_for_another_order_is_refused()
    {
        using var store = OpenStore();
        var cursor = new EventCursor("date", new DateOnly(2017, 1, 1), 0, "e1");
        var ex = Assert.Throws<RasidException>(() => store.Query(new EventQuery { OrderBy = "fatalities", After = cursor }));
        Assert.Equal("E336", ex.Code);
    }

    // The per-incident plans (a common term checked in page order by index probes or against its keys read once; a full
    // bounding box checked in date order) only start on big stores; moving the limits runs every plan over the same small
    // store, which must answer the same.
    [SkippableTheory]
    [InlineData("قصف", null, "date", 0)]       // evidence only (the test documents' texts do not contain it)
    [InlineData("تقرير", null, "date", 5)]     // every document
    [InlineData("آخر", "SY", "fatalities", 0)] // some documents, with a country
    [InlineData("قصف", null, "date_asc", 2)]
    [InlineData(null, null, "date", 0)]        // bounding box alone
    [InlineData(null, "YE", "fatalities", 1)]
    public void Page_plans_for_common_terms_and_full_boxes_return_what_the_other_plans_return(string? text, string? country, string order, int offset)
    {
        using var store = OpenStore();
        WriteVariedIncidents(store);
        var relational = (RelationalEventStore)store;
        var query = new EventQuery
        {
            Text = text, Country = country, OrderBy = order, Offset = offset, Limit = 7, IncludeUncounted = true,
            BoundingBox = text is null ? (35.0, 10.0, 46.0, 37.0) : null,
        };
        string[] Ids() => [.. store.Query(query).Select(s => s.Event.EventId)];

        relational.PagePlans = new(long.MaxValue, 100, int.MaxValue);
        var matchingSet = Ids();
        relational.PagePlans = new(0, 0, 0, RelationalEventStore.TextWalkPlan.Probe);
        var probed = Ids();
        relational.PagePlans = new(0, 0, 0, RelationalEventStore.TextWalkPlan.KeySets);
        var keySets = Ids();
        relational.PagePlans = new(0, 0, 0);
        var estimated = Ids();

        Assert.NotEmpty(matchingSet);
        Assert.Equal(matchingSet, probed);
        Assert.Equal(matchingSet, keySets);
        Assert.Equal(matchingSet, estimated);
    }
}
