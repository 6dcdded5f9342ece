using Rasid.Core;

namespace Rasid.Store;

/// <summary>
/// Cross-report deduplication: when two mentions from different documents describe the same incident, and how the
/// incident's fields are chosen from its mentions. Both rules are pure and order-independent, so ingesting a batch in
/// any order, or twice, gives the same store.
/// </summary>
/// <remarks>
/// Same incident: same event type; both counted or both not; dates within <see cref="MaxDaysApart"/> day; places within
/// <see cref="MaxKilometres"/> km (or, without coordinates, the same country and location name); and compatible actors
/// (one side names none, or the two share an actor). Incidents are the connected components of that relation.
/// <para>Merged fields: the date from the mention with the best time precision; the place from the mention with the best
/// geo precision; actors from the best-dated mention, a missing one filled from the others; fatalities the highest
/// reported by any mention (later reports carry updated tolls), its range the widest; the strongest modality
/// (asserted over reported over claimed). Ties go to the higher confidence, then the smaller event id.</para>
/// </remarks>
public static class IncidentRules
{
    public const double MaxKilometres = 10.0;
    public const int MaxDaysApart = 1;

    public static bool SameIncident(ConflictEvent a, ConflictEvent b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.DocumentId == b.DocumentId || a.EventType != b.EventType || a.Modality.Counts() != b.Modality.Counts())
        {
            return false;
        }

        if (Math.Abs(a.EventDate.DayNumber - b.EventDate.DayNumber) > MaxDaysApart)
        {
            return false;
        }

        if (!SamePlace(a.Location, b.Location))
        {
            return false;
        }

        return CompatibleActors(a, b);
    }

    public static bool SamePlace(EventLocation? a, EventLocation? b)
    {
        if (a is null || b is null)
        {
            return false;
        }

        if (HasPoint(a) && HasPoint(b))
        {
            return Kilometres(a.Latitude, a.Longitude, b.Latitude, b.Longitude) <= MaxKilometres;
        }

        return string.Equals(a.CountryCode, b.CountryCode, StringComparison.OrdinalIgnoreCase)
               && string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
    }

    public static bool CompatibleActors(ConflictEvent a, ConflictEvent b)
    {
        var x = Actors(a);
        var y = Actors(b);
        return x.Count == 0 || y.Count == 0 || x.Overlaps(y);
    }

    private static HashSet<string> Actors(ConflictEvent e)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var actor in new[] { e.Actor1, e.Actor2, e.AssocActor1, e.AssocActor2 })
        {
            if (actor is not null && !string.IsNullOrWhiteSpace(actor.Name))
            {
                set.Add(actor.Name);
            }
        }

        return set;
    }

    private static bool HasPoint(EventLocation l) => !(l.Latitude == 0 && l.Longitude == 0);

    /// <summary>Great-circle distance in km.</summary>
    public static double Kilometres(double lat1, double lon1, double lat2, double lon2) => GeoDistance.Kilometres(lat1, lon1, lat2, lon2);

    /// <summary>The incident id of a set of mentions: the smallest member event id, so it does not depend on order.</summary>
    public static string IncidentId(IEnumerable<ConflictEvent> mentions) =>
        mentions.Select(m => m.EventId).Min(StringComparer.Ordinal) ?? throw new ArgumentException("no mentions", nameof(mentions));

    /// <summary>Merges the mentions of one incident by the documented rule.</summary>
    public static ConflictEvent Merge(IReadOnlyList<ConflictEvent> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        if (mentions.Count == 0)
        {
            throw new ArgumentException("an incident needs at least one mention", nameof(mentions));
        }

        var byTie = mentions.OrderByDescending(m => m.Confidence).ThenBy(m => m.EventId, StringComparer.Ordinal).ToList();
        var dated = byTie.OrderBy(m => (int)m.TimePrecision).First();
        var placed = byTie.Where(m => m.Location is not null).OrderBy(m => (int)m.Location!.Precision).FirstOrDefault() ?? dated;
        var modality = byTie.Select(m => m.Modality).OrderBy(m => (int)m).First();
        var fatal = byTie.OrderByDescending(m => m.Fatalities).First();
        int? low = mentions.Where(m => m.FatalitiesLow is not null).Select(m => m.FatalitiesLow).Min();
        int? high = mentions.Where(m => m.FatalitiesHigh is not null).Select(m => m.FatalitiesHigh).Max();

        var actor1 = dated.Actor1 ?? byTie.Select(m => m.Actor1).FirstOrDefault(a => a is not null);
        var actor2 = dated.Actor2 ?? byTie.Select(m => m.Actor2).FirstOrDefault(a => a is not null && a.Name != actor1?.Name);
        var sources = mentions.Select(m => m.Source).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();

        return dated with
        {
            EventId = IncidentId(mentions),
            Actor1 = actor1,
            Actor2 = actor2,
            Location = placed.Location,
            PlaceCandidates = placed.PlaceCandidates,
            Fatalities = fatal.Fatalities,
            FatalitiesLow = low,
            FatalitiesHigh = high,
            Modality = modality,
            Source = sources.Count == 0 ? null : string.Join("; ", sources),
            Evidence = mentions.OrderBy(m => m.EventId, StringComparer.Ordinal).SelectMany(m => m.Evidence).ToList(),
            Confidence = mentions.Max(m => m.Confidence),
        };
    }
}
