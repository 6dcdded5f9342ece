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
            var same = d.Another ? null : body.FirstOrDefault(b => SameKind(b, d)
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
        // So does the lead's statement about a region or a countryside ("اشتباكات في الجنوب الليبي", "قصفت المعارضة بلدات
        // بريف إدلب") that the body tells town by town within the week (its own day is often only the day it was said); a
        // countryside named in the body is a place of its own ("براميل على مناطق في ريف حماة الشمالي").
        foreach (var p in body.Where(b => b.Place?.Location is { Admin1: not null } loc && (loc.Precision == GeoPrecision.Province || (b.Place.Wide && b.InLead) || b.Scattered)).ToList())
        {
            // A bare killing word ("مقتل 8 ... في أعمال عنف بمحافظة الأنبار") sums up the day's incidents of any type there.
            bool tally = p.Trigger.Class == TriggerClass.Kill;
            bool wide = p.Place!.Location!.Precision != GeoPrecision.Province; // a region, a countryside or scattered places
            var detail = body.FirstOrDefault(b => b != p
                && (b.SubEventType.Parent() == p.SubEventType.Parent()
                    || (tally && Math.Abs(b.EventDate.DayNumber - p.EventDate.DayNumber) <= 1))
                && (!wide || (tally && Math.Abs(b.EventDate.DayNumber - p.EventDate.DayNumber) <= 1) // "مقتل 28 في حوادث متفرقة غربي العراق"
                    || (b.SubEventType == p.SubEventType && Math.Abs(b.EventDate.DayNumber - p.EventDate.DayNumber) <= WideSummaryDays
                    && CompatibleActors(b, p))) // the same parties: a fight of others in the area is another event
                && b.Modality.Counts() == p.Modality.Counts() && b.Place?.Location is { Precision: not GeoPrecision.Province } l && !(wide && b.Place.Wide)
                && string.Equals(l.Admin1, p.Place!.Location!.Admin1, StringComparison.OrdinalIgnoreCase));
            if (detail is not null)
            {
                Absorb(detail, p, fromHeadline: true);
                body.Remove(p);
            }
        }

        // "شرق ليبيا", "شمال سوريا": a broad region (no district, not a province) summarises the located event of the same
        // kind, day and country told beside it ("خطف ثلاثة في شرق ليبيا" ... "خطفوا في النوفلية").
        foreach (var r in body.Where(IsBroadRegion).ToList())
        {
            var detail = body.FirstOrDefault(b => b != r && !IsBroadRegion(b) && SameKind(b, r) && b.Modality.Counts() == r.Modality.Counts()
                && Math.Abs(b.EventDate.DayNumber - r.EventDate.DayNumber) <= 1 && SameActor1(b, r)
                && b.Place?.Location is { Precision: not GeoPrecision.Province } l
                && string.Equals(l.CountryCode, r.Place!.Location!.CountryCode, StringComparison.OrdinalIgnoreCase));
            if (detail is not null)
            {
                Absorb(detail, r, fromHeadline: true);
                body.Remove(r);
            }
        }

        // "قتلوا في غارة ..." then "الغارة دمرت سيارة ... في بلدة المحفد": a definite retelling of an event of the same kind
        // and day, told before, is that event; where only one of the two names a place in its own sentence, that place is kept.
        for (int j = 0; j < body.Count; j++)
        {
            var d = body[j];
            if (!d.Definite || d.Another)
            {
                continue;
            }

            // "القصف أدى إلى مقتل ..." after "شن طيران التحالف غارات": "the shelling" with no shooter named re-tells the strike.
            var earlier = body.Take(j).LastOrDefault(e => (e.SubEventType == d.SubEventType
                    || (d.SubEventType == SubEventType.ShellingArtilleryMissileAttack && Named(d.Actor1, d) is null && e.SubEventType == SubEventType.AirDroneStrike))
                && e.Modality.Counts() == d.Modality.Counts()
                && Math.Abs(e.EventDate.DayNumber - d.EventDate.DayNumber) <= 1 && CompatibleNamedActors(e, d)
                && (PlaceKey(e) == PlaceKey(d) || e.PlaceInSentence != d.PlaceInSentence));

            // "التفجير الذي استهدف سوق بني سعد" ... "عشرات القتلى جراء الهجوم": "the attack" with no town of its own is the
            // incident just told, whatever its kind.
            if (earlier is null && d.Trigger.Class is TriggerClass.Attack or TriggerClass.Clash
                && (!d.PlaceInSentence || d.Place?.Precision == GeoPrecision.Province))
            {
                bool Told(EventDraft e) => e != d && e.Trigger.Class is not (TriggerClass.Attack or TriggerClass.Clash)
                    && e.Modality.Counts() == d.Modality.Counts() && (e.Place?.Precision < GeoPrecision.Province || PlaceKey(e) == PlaceKey(d))
                    && Math.Abs(e.EventDate.DayNumber - d.EventDate.DayNumber) <= 1 && CompatibleNamedActors(e, d);

                // The incident told before it, else the one its story names next ("... الهجوم ... أعلن داعش مسؤوليته عن التفجير").
                earlier = body.Take(j).LastOrDefault(Told) ?? body.Skip(j + 1).FirstOrDefault(Told);
                if (earlier is not null)
                {
                    Absorb(earlier, d);
                    body.RemoveAt(j);
                    j--;
                    continue;
                }
            }
            if (earlier is null)
            {
                continue;
            }

            if (d.PlaceInSentence && !earlier.PlaceInSentence && d.Place is not null)
            {
                earlier.Place = d.Place;
            }

            Absorb(earlier, d);
            body.RemoveAt(j);
            j--;
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
                    || a.Another || b.Another
                    || (a.Trigger.Class == TriggerClass.Bodies) != (b.Trigger.Class == TriggerClass.Bodies) // bodies found are not the attack told beside them
                    || a.SubEventType != b.SubEventType || a.Modality.Counts() != b.Modality.Counts()
                    || !SameDays(a, b) || !CompatibleActors(a, b) || !NearEnough(a, b))
                {
                    continue;
                }

                // The part (a district, a quarter) is kept over the whole (its city); else the more precise place, the surer modality.
                var (keep, drop) = IsWithin(a, b) || (!IsWithin(b, a) && Rank(a) <= Rank(b)) ? (a, b) : (b, a);
                TakeBetterDate(keep, drop);
                Absorb(keep, drop);
                body[i] = keep;
                body.RemoveAt(j);
                j = i;
            }
        }

        // "مقتل 8 حوثيين في كمين بمدينة رداع" then "نصبت كمينا في جبل الثعالب ... مما أسفر عن مقتل 8 حوثيين": the same fight
        // with the same toll, between the same named sides, on the same or the next day and in one province, is one event
        // told twice (a summary, then its detail under a finer place name): two fights rarely share the exact toll.
        for (int i = 0; i < body.Count; i++)
        {
            for (int j = i + 1; j < body.Count; j++)
            {
                var a = body[i];
                var b = body[j];
                if (a.Trigger == b.Trigger || a.Another || b.Another || !SameToll(a, b))
                {
                    continue;
                }

                // The place named as such wins over one given by its bearing from a city ("شمال شرقي بعقوبة"); else the
                // detail, told after the summary.
                var (keep, drop) = (a.Place?.Precision ?? GeoPrecision.Province) < (b.Place?.Precision ?? GeoPrecision.Province) ? (a, b) : (b, a);
                TakeBetterDate(keep, drop);
                Absorb(keep, drop);
                body[i] = keep;
                body.RemoveAt(j);
                j = i;
            }
        }

        return body;
    }

    /// <summary>Two mentions of one fight: same sub-type, both sides named and the same, one province, a day apart at most, and the same stated toll.</summary>
    private static bool SameToll(EventDraft a, EventDraft b) =>
        a.SubEventType == b.SubEventType && a.Modality.Counts() == b.Modality.Counts()
        && a.Deaths.Stated && b.Deaths.Stated && a.Deaths.Fatalities > 0 && a.Deaths.Fatalities == b.Deaths.Fatalities
        && Math.Abs(a.EventDate.DayNumber - b.EventDate.DayNumber) <= 1
        && a.Actor1 is not null && b.Actor1 is not null && a.Actor2 is not null && b.Actor2 is not null
        && ((a.Actor1.Name == b.Actor1.Name && a.Actor2.Name == b.Actor2.Name) || (a.Actor1.Name == b.Actor2.Name && a.Actor2.Name == b.Actor1.Name))
        && SameAdmin1(a, b);

    /// <summary>True when <paramref name="inner"/>'s place is a part of <paramref name="outer"/>'s (a district, a neighbourhood or a site named with its city), by name.</summary>
    private static bool IsWithin(EventDraft inner, EventDraft outer) =>
        inner.Place?.Location is { } i && outer.Place?.Location is { } o && i.Precision < o.Precision
        || IsQuarterOf(inner, outer);

    /// <summary>
    /// A quarter of the other's city: named with it ("Aden - Al Alam", "Baiji Refinery"), a district that is one of its quarters (دار سعد in
    /// عدن), or a neighbourhood of the same province a few km from a town that is no quarter itself (بوعطني, بنغازي).
    /// </summary>
    private static bool IsQuarterOf(EventDraft inner, EventDraft outer) =>
        PlaceKey(outer) is { Length: > 0 } k
        && ((inner.Place?.Location?.Name is { } n && (n.StartsWith(k + " - ", StringComparison.Ordinal)
                || (n.StartsWith(k + " ", StringComparison.Ordinal) && SameAdmin1(inner, outer)))) // a site named after its town: "Baiji Refinery"
            || (inner.Place?.PlaceId is { } id && Geo.PlaceCues.Default.UrbanDistrictCities.TryGetValue(id, out var city) && city == k
                && SameAdmin1(inner, outer))
            || (inner.Place is { Quarter: true } && outer.Place is { Quarter: false, Wide: false, Location.Precision: GeoPrecision.Town }
                && !k.Contains(" - ", StringComparison.Ordinal) && SameAdmin1(inner, outer) && Km(inner, outer) <= NearbyKm));

    private static bool SameAdmin1(EventDraft a, EventDraft b) =>
        a.Place?.Location?.Admin1 is { } x && string.Equals(x, b.Place?.Location?.Admin1, StringComparison.Ordinal);

    /// <summary>One place, a place inside the other, or two places a few km apart; a city's quarter may lie farther from its centre point.</summary>
    private static bool NearEnough(EventDraft a, EventDraft b)
    {
        if (!(PlaceKey(a) == PlaceKey(b) || IsWithin(a, b) || IsWithin(b, a)))
        {
            return false;
        }

        double km = Km(a, b);
        return km <= NearbyKm || ((IsQuarterOf(a, b) || IsQuarterOf(b, a)) && km <= CityKm);
    }

    /// <summary>
    /// Days that can be one event's: the same or the next day, unless each names its own; within the week for a toll
    /// re-telling an event and for a place taken (a town changes hands once: "بعد استيلائه على" then "التي استولوا عليها،
    /// الأربعاء"); and within the month at one place when one of the two has no day of its own (the lead "قتل في غارة" and
    /// the body's "في الثامن من الشهر الجاري").
    /// </summary>
    private static bool SameDays(EventDraft a, EventDraft b)
    {
        int days = Math.Abs(a.EventDate.DayNumber - b.EventDate.DayNumber);
        if (days <= 1 && !TellApartDays(a, b))
        {
            return true;
        }

        bool samePlace = PlaceKey(a) == PlaceKey(b);
        return ((a.Recap || b.Recap) && days <= RetoldDays)
            || (samePlace && a.SubEventType is SubEventType.GovernmentRegainsTerritory or SubEventType.NonStateActorOvertakesTerritory && days <= RetoldDays)
            || (samePlace && (!a.OwnDate || !b.OwnDate) && days <= UndatedDays);
    }

    /// <summary>How much a draft's day is the event's own: named in its sentence (2), a toll's day (1), carried over or guessed (0).</summary>
    private static int DateWeight(EventDraft d) => !d.OwnDate ? 0 : d.Recap ? 1 : 2;

    /// <summary>A toll cue shortly before the trigger in its sentence: "ارتفاع حصيلة القتلى جراء قصف ...".</summary>
    internal static bool IsTollRecap(DocumentMentions doc, TriggerMention t)
    {
        var text = doc.Text;
        int sentence = text.SentenceOf(t.FirstToken);
        return doc.RoleBeforeToken.Any(kv => kv.Value == ArgumentRole.Toll && kv.Key <= t.FirstToken && t.FirstToken - kv.Key <= TollReach
            && kv.Key < text.Tokens.Length && text.SentenceOf(kv.Key) == sentence);
    }

    private const int TollReach = 6;

    /// <summary>"في مناطق مختلفة في صعدة", "مواقع متفرقة من محافظة صعدة": the place closes a scattered-places phrase.</summary>
    internal static bool IsScatteredPlace(DocumentMentions doc, PlaceRef place)
    {
        for (int k = Math.Max(0, place.FirstToken - 1); k <= place.FirstToken; k++)
        {
            if (doc.RoleBeforeToken.TryGetValue(k, out var role) && role == ArgumentRole.Scattered)
            {
                return true;
            }
        }

        return false;
    }

    private const int RetoldDays = 7;

    private const int UndatedDays = 31;

    /// <summary>A region's or countryside's statement sums up the located events of its province told within this many days.</summary>
    private const int WideSummaryDays = 7;

    /// <summary>A quarter of a city (a district centroid) may lie this far from the city's point.</summary>
    private const double CityKm = 25.0;

    /// <summary>
    /// One kind of event for merging mentions under one place name: the same ACLED event type, except that an air strike and
    /// a shelling are two events (two weapons, two shooters: "بدأت بقصف ... بالمدفعية" then "قصف سلاح الجو"), and so are an
    /// air strike and a bomb set off on the ground ("انفجار سيارة ملغومة" then "نفذ سلاح الجو ضربة جوية").
    /// </summary>
    private static bool SameKind(EventDraft a, EventDraft b) =>
        a.SubEventType.Parent() == b.SubEventType.Parent()
        && (a.SubEventType == b.SubEventType || (a.SubEventType != SubEventType.AirDroneStrike && b.SubEventType != SubEventType.AirDroneStrike))
        && !(a.SubEventType != b.SubEventType && a.SubEventType is SubEventType.ShellingArtilleryMissileAttack
            && b.SubEventType is SubEventType.ShellingArtilleryMissileAttack);

    /// <summary>Each names its own day ("اليوم" and "مساء أمس"): two days of one fight are two events (ACLED: one per day).</summary>
    private static bool TellApartDays(EventDraft a, EventDraft b) =>
        a.EventDate != b.EventDate && a.TimePrecision == TimePrecision.Day && b.TimePrecision == TimePrecision.Day
        && a.Date is { } da && b.Date is { } db && da.Start == da.End && db.Start == db.End;

    /// <summary>A compass part of a country ("شرق ليبيا", "شمال سوريا"): it locates no single town, so it sums up.</summary>
    private static bool IsBroadRegion(EventDraft d) => d.PlaceIsCompassRegion && d.Place?.Location?.CountryCode is not null;

    // The day the text gives for the event itself wins over a carried-over day or a toll's day; else the earlier.
    private static void TakeBetterDate(EventDraft keep, EventDraft drop)
    {
        if (drop.Date is not null && (DateWeight(drop) > DateWeight(keep) || (DateWeight(drop) == DateWeight(keep) && drop.EventDate < keep.EventDate)))
        {
            keep.Date = drop.Date;
            keep.EventDate = drop.EventDate;
            keep.EventDateEnd = drop.EventDateEnd;
            keep.TimePrecision = drop.TimePrecision;
            keep.OwnDate = drop.OwnDate;
            keep.Recap = drop.Recap;
        }
    }

    private static bool SameActor1(EventDraft a, EventDraft b) =>
        Named(a.Actor1, a) is not { } x || Named(b.Actor1, b) is not { } y || x.Name == y.Name || x.Name == b.Actor2?.Name;

    /// <summary>The actor the text names: the unidentified group filled in for an unclaimed bombing or kidnapping (it stands on the trigger) is no name.</summary>
    private static ActorMention? Named(ActorMention? a, EventDraft d) => a is not null && a.Span == d.Trigger.Span ? null : a;

    /// <summary>Places closer than this are one place for merging mentions inside a document.</summary>
    private const double NearbyKm = 12.0;

    /// <summary>Lower is kept: the more precise place first, then the event stated as fact.</summary>
    private static int Rank(EventDraft d) => (int)(d.Place?.Location?.Precision ?? GeoPrecision.Province) * 10 + (int)d.Modality;

    /// <summary><see cref="CompatibleActors"/>, an unclaimed bombing's or kidnapping's unidentified group counting as no name.</summary>
    private static bool CompatibleNamedActors(EventDraft a, EventDraft b)
    {
        static bool Same(ActorMention? x, ActorMention? y) => x is null || y is null || x.Name == y.Name;
        var (a1, a2, b1, b2) = (Named(a.Actor1, a), a.Actor2, Named(b.Actor1, b), b.Actor2);
        return (Same(a1, b1) && Same(a2, b2)) || (Same(a1, b2) && Same(a2, b1));
    }

    private static bool CompatibleActors(EventDraft a, EventDraft b)
    {
        // An army named generically and by its name ("Military Forces of Unknown country", "Libyan National Army"), an
        // unidentified armed group and a named one, or a coalition named two ways, may be one party; civilians named beside a fight of one sub-type are its victims, not a
        // second party (the sub-type already says whether civilians were the target).
        static bool Same(ActorMention? x, ActorMention? y) => x is null || y is null || x.Name == y.Name
            || (x.Entry.Type == y.Entry.Type && x.Entry.Type == ActorType.ExternalOrOtherForces)
            || ((Unnamed(x) || Unnamed(y)) && x.Entry.IsArmed && y.Entry.IsArmed && (x.Entry.Type == ActorType.StateForces) == (y.Entry.Type == ActorType.StateForces))
            || x.Entry.Type == ActorType.Civilians || y.Entry.Type == ActorType.Civilians;
        return (Same(a.Actor1, b.Actor1) && Same(a.Actor2, b.Actor2)) || (Same(a.Actor1, b.Actor2) && Same(a.Actor2, b.Actor1));
    }

    private static bool Unnamed(ActorMention a) =>
        a.Name.Contains("Unknown", StringComparison.Ordinal) || a.Name.Contains("Unidentified", StringComparison.Ordinal);

    private static string PlaceKey(EventDraft d) => d.Place?.Location?.Name ?? string.Empty;

    private static double Km(EventDraft a, EventDraft b) =>
        a.Place?.Location is { } p && b.Place?.Location is { } q ? GeoDistance.Kilometres(p.Latitude, p.Longitude, q.Latitude, q.Longitude) : 1e6;

    private static void Absorb(EventDraft into, EventDraft other, bool fromHeadline = false)
    {
        if (Named(into.Actor1, into) is null && Named(other.Actor1, other) is { } named)
        {
            into.Actor1 = named; // "خطف العمال" (no one named) retells "قال داعش إنه خطف": the claimant did it
        }

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

        // The finer date wins: a mention that names its own day ("امس") dates an event another mention knew only to the week.
        if (other.Date is not null && (into.Date is null || other.TimePrecision < into.TimePrecision))
        {
            into.Date = other.Date;
            into.EventDate = other.EventDate;
            into.EventDateEnd = other.EventDateEnd;
            into.TimePrecision = other.TimePrecision;
            into.OwnDate = other.OwnDate;
        }

        into.Recap &= other.Recap; // re-told only when every mention re-tells it

        into.Place ??= other.Place;
        into.MoreEvidence.Add(other.Evidence);
        into.MoreEvidence.AddRange(other.MoreEvidence);
        into.Confidence = Math.Min(0.99, Math.Max(into.Confidence, other.Confidence) + 0.05);
    }
}
