using Rasid.Core;
using Rasid.Extraction.Lexicons;
using Rasid.Extraction.Mentions;

namespace Rasid.Extraction.Stages;

/// <summary>
/// Stage: merge. Needs: drafts from <see cref="EventAssembler"/>. One event per (event type, place, date) and commitment
/// (a counted and an uncounted mention stay apart); the headline's events fold into the body's event of the same type
/// (the headline repeats the story), preferring the same place. The merged event keeps the most specific fields: the
/// first named actors, the largest stated toll (later sentences update tolls upward), every evidence span.
/// </summary>
internal static class EventMerger
{
    public static List<EventDraft> Run(List<EventDraft> drafts)
    {
        var body = new List<EventDraft>();
        foreach (var d in drafts.Where(d => !d.FromHeadline))
        {
            var same = body.FirstOrDefault(b => SameKind(b, d)
                && b.Modality.Counts() == d.Modality.Counts()
                && PlaceKey(b) == PlaceKey(d)
                && Math.Abs(b.EventDate.DayNumber - d.EventDate.DayNumber) <= (b.Date is null || d.Date is null ? 7 : 0));
            if (same is null)
            {
                body.Add(d);
            }
            else
            {
                Absorb(same, d);
            }
        }

        foreach (var h in drafts.Where(d => d.FromHeadline))
        {
            // The body event the headline summarises: same event type, nearest place, then same sub-type, then the lead's.
            var same = body.Where(b => b.SubEventType.Parent() == h.SubEventType.Parent() && b.Modality.Counts() == h.Modality.Counts())
                .OrderBy(b => PlaceKey(b) == PlaceKey(h) ? 0 : 1)
                .ThenBy(b => Km(b, h))
                .ThenBy(b => b.SubEventType == h.SubEventType ? 0 : 1)
                .FirstOrDefault();
            if (same is null)
            {
                body.Add(h);
            }
            else
            {
                Absorb(same, h, fromHeadline: true);
            }
        }

        // A province-level statement ("مواجهات في عدد من جبهات القتال بمحافظة مأرب") summarises the located events of
        // the same type in that province: fold it into them (a tally of killings, into the same day's events of any type).
        foreach (var p in body.Where(b => b.Place?.Location is { Precision: GeoPrecision.Province, Admin1: not null }).ToList())
        {
            // A bare killing word ("مقتل 8 ... في أعمال عنف بمحافظة الأنبار") sums up the day's incidents of any type there.
            bool tally = p.Trigger.Class == TriggerClass.Kill;
            var detail = body.FirstOrDefault(b => b != p
                && (b.SubEventType.Parent() == p.SubEventType.Parent()
                    || (tally && Math.Abs(b.EventDate.DayNumber - p.EventDate.DayNumber) <= 1))
                && b.Modality.Counts() == p.Modality.Counts() && b.Place?.Location is { Precision: not GeoPrecision.Province } l
                && string.Equals(l.Admin1, p.Place!.Location!.Admin1, StringComparison.OrdinalIgnoreCase));
            if (detail is not null)
            {
                Absorb(detail, p, fromHeadline: true);
                body.Remove(p);
            }
        }

        // Mentions of one incident under nearby names (a district and its city: دار سعد / عدن) on the same or next day,
        // with no conflicting actors, are one event (ACLED: one event per type, place and date); the more precise
        // place and the earlier day are kept.
        for (int i = 0; i < body.Count; i++)
        {
            for (int j = i + 1; j < body.Count; j++)
            {
                var a = body[i];
                var b = body[j];
                if (a.Trigger == b.Trigger // one trigger naming several places ("حيي دار سعد وكريتر") made them apart on purpose
                    || (a.Trigger.Class == TriggerClass.Bodies) != (b.Trigger.Class == TriggerClass.Bodies) // bodies found are not the attack told beside them
                    || a.SubEventType != b.SubEventType || a.Modality.Counts() != b.Modality.Counts()
                    || Math.Abs(a.EventDate.DayNumber - b.EventDate.DayNumber) > 1 || TellApartDays(a, b) || Km(a, b) > NearbyKm || !CompatibleActors(a, b)
                    || !(PlaceKey(a) == PlaceKey(b) || IsWithin(a, b) || IsWithin(b, a)))
                {
                    continue;
                }

                // The more precise place is kept; at equal precision, the part (a district) over the whole (its city).
                var (keep, drop) = Rank(a) < Rank(b) || (Rank(a) == Rank(b) && !IsWithin(b, a)) ? (a, b) : (b, a);
                if (drop.EventDate < keep.EventDate && drop.Date is not null)
                {
                    keep.Date = drop.Date;
                    keep.EventDate = drop.EventDate;
                    keep.EventDateEnd = drop.EventDateEnd;
                    keep.TimePrecision = drop.TimePrecision;
                }

                Absorb(keep, drop);
                body[i] = keep;
                body.RemoveAt(j);
                j = i;
            }
        }

        return body;
    }

    /// <summary>True when <paramref name="inner"/>'s place is a part of <paramref name="outer"/>'s (a district, a neighbourhood or a site named with its city), by name.</summary>
    private static bool IsWithin(EventDraft inner, EventDraft outer) =>
        inner.Place?.Location is { } i && outer.Place?.Location is { } o && i.Precision < o.Precision
        || (inner.Place?.Location?.Name is { } n && PlaceKey(outer) is { Length: > 0 } k && n.StartsWith(k + " - ", StringComparison.Ordinal));

    /// <summary>
    /// One kind of event for merging mentions under one place name: the same ACLED event type, except that an air strike and
    /// a shelling are two events (two weapons, two shooters: "بدأت بقصف ... بالمدفعية" then "قصف سلاح الجو").
    /// </summary>
    private static bool SameKind(EventDraft a, EventDraft b) =>
        a.SubEventType.Parent() == b.SubEventType.Parent()
        && !(a.SubEventType != b.SubEventType && a.SubEventType is SubEventType.AirDroneStrike or SubEventType.ShellingArtilleryMissileAttack
            && b.SubEventType is SubEventType.AirDroneStrike or SubEventType.ShellingArtilleryMissileAttack);

    /// <summary>Each names its own day ("اليوم" and "مساء أمس"): two days of one fight are two events (ACLED: one per day).</summary>
    private static bool TellApartDays(EventDraft a, EventDraft b) =>
        a.EventDate != b.EventDate && a.TimePrecision == TimePrecision.Day && b.TimePrecision == TimePrecision.Day
        && a.Date is { } da && b.Date is { } db && da.Start == da.End && db.Start == db.End;

    /// <summary>Places closer than this are one place for merging mentions inside a document.</summary>
    private const double NearbyKm = 12.0;

    /// <summary>Lower is kept: the more precise place first, then the event stated as fact.</summary>
    private static int Rank(EventDraft d) => (int)(d.Place?.Location?.Precision ?? GeoPrecision.Province) * 10 + (int)d.Modality;

    private static bool CompatibleActors(EventDraft a, EventDraft b)
    {
        static bool Same(ActorMention? x, ActorMention? y) => x is null || y is null || x.Name == y.Name;
        return (Same(a.Actor1, b.Actor1) && Same(a.Actor2, b.Actor2)) || (Same(a.Actor1, b.Actor2) && Same(a.Actor2, b.Actor1));
    }

    private static string PlaceKey(EventDraft d) => d.Place?.Location?.Name ?? string.Empty;

    private static double Km(EventDraft a, EventDraft b) =>
        a.Place?.Location is { } p && b.Place?.Location is { } q ? GeoDistance.Kilometres(p.Latitude, p.Longitude, q.Latitude, q.Longitude) : 1e6;

    private static void Absorb(EventDraft into, EventDraft other, bool fromHeadline = false)
    {
        // "تفجير سيارتين مفخختين" then "يقودهما انتحاريان فجرا نفسيهما": the bomb told with its bomber is a suicide bombing.
        if (into.SubEventType == SubEventType.RemoteExplosiveLandmineIed && other.SubEventType == SubEventType.SuicideBomb)
        {
            into.SubEventType = SubEventType.SuicideBomb;
        }

        into.Actor1 ??= other.Actor1;
        if (into.Actor2 is null && other.Actor2 is not null && other.Actor2.Name != into.Actor1?.Name)
        {
            into.Actor2 = other.Actor2;
        }

        // Later sentences update tolls upward; a headline's toll only fills a gap (it may sum several events).
        if (fromHeadline ? !into.Deaths.Stated && other.Deaths.Stated : other.Deaths.Fatalities > into.Deaths.Fatalities)
        {
            into.Deaths = other.Deaths;
        }

        if (into.Date is null && other.Date is not null)
        {
            into.Date = other.Date;
            into.EventDate = other.EventDate;
            into.EventDateEnd = other.EventDateEnd;
            into.TimePrecision = other.TimePrecision;
        }

        into.Place ??= other.Place;
        into.MoreEvidence.Add(other.Evidence);
        into.MoreEvidence.AddRange(other.MoreEvidence);
        into.Confidence = Math.Min(0.99, Math.Max(into.Confidence, other.Confidence) + 0.05);
    }
}
