using Rasid.Core;
using Rasid.Extraction.Lexicons;
using Rasid.Extraction.Mentions;

namespace Rasid.Extraction.Stages;

/// <summary>
/// Part of assembly: where it happened. The places a trigger names after it (one event per coordinated place), else
/// the nearest in its clause or sentence, then the paragraph, the story and its dateline — leaving out places that only
/// locate another (anchors), streets named after towns, launch sites and places after "بعد".
/// </summary>
internal static class PlaceAttribution
{
    internal static IEnumerable<(PlaceRef? Place, bool FromElsewhere)> PlacesFor(DocumentMentions doc, TriggerMention t, int sentence, int clause, int triggerIndex)
    {
        var text = doc.Text;
        var places = doc.Places;
        int nextTrigger = int.MaxValue;
        for (int j = triggerIndex + 1; j < doc.Triggers.Count; j++)
        {
            var o = doc.Triggers[j];
            if (text.ClauseOf(o.FirstToken) != clause)
            {
                break;
            }

            // "عشرات الغارات استهدفت مواقع الحوثيين في شدا والظاهر": a targeting verb after a weapon word tells the same
            // strike, so its places are the strike's.
            if (o.Class != t.Class && !(o.Class == TriggerClass.Attack && t.Class is TriggerClass.Air or TriggerClass.Shell or TriggerClass.Ied or TriggerClass.Suicide))
            {
                nextTrigger = o.FirstToken;
                break;
            }
        }

        // Places named after the trigger in its clause ("غارات على حلب والحسكة"), anchors of relative places left out.
        var after = places.Where(p => p.Location is not null && p.FirstToken >= t.EndToken && p.FirstToken < nextTrigger
            && (text.ClauseOf(p.FirstToken) == clause || (text.SentenceOf(p.FirstToken) == sentence && (IsParallelObject(doc, p) || AfterSecondSide(doc, t, p))))
            && !IsNotEventPlace(doc, p) && !IsCountryOnly(p) && !IsLaunchSite(doc, t, p)).ToList();
        // "في ريف حلب قريتي نبل والزهراء": a province or countryside right before finer places only locates them.
        // "في محافظة دير الزور في شرق سوريا": a compass region after it is coarser still, and only locates it in turn.
        while (after.Count > 1 && after[0].Precision == GeoPrecision.Province && after[1].Precision < GeoPrecision.Province
            && after[1].FirstToken - after[0].EndToken <= 2 && !IsCompassRegion(doc, after[1]))
        {
            after.RemoveAt(0);
        }

        if (after.Count > 0)
        {
            foreach (var p in Coordinated(doc, after))
            {
                yield return (p, false);
            }

            yield break;
        }

        PlaceRef? best = Nearest(doc, places.Where(p => text.ClauseOf(p.FirstToken) == clause && !IsLaunchSite(doc, t, p)), t)
            ?? Nearest(doc, places.Where(p => text.SentenceOf(p.FirstToken) == sentence && !IsLaunchSite(doc, t, p)), t);
        if (best is not null)
        {
            // "مناطق جعولة وبير أحمد والعلم أصبحت تحت سيطرة المقاومة": a list of places just before the trigger is its subject.
            foreach (var p in CoordinatedBefore(doc, t, clause, best))
            {
                yield return (p, false);
            }

            yield break;
        }

        // "في المنطقة", "المنطقة نفسها": the area is the last town-level place told, not a province named since.
        if (NamesPlaceAnaphor(doc, sentence))
        {
            best = places.LastOrDefault(p => p.Location is not null && p.EndToken <= t.FirstToken && p.Precision < GeoPrecision.Province
                && !IsAnchor(doc, p) && !IsCountryOnly(p));
            if (best is not null)
            {
                yield return (AroundAnaphor(doc, sentence) ? AsNear(best) : best, false);
                yield break;
            }
        }

        // Earlier in the paragraph, then earlier in the story, then the story's first place (dateline or headline).
        int paragraph = doc.ParagraphOfSentence[sentence];
        best = places.LastOrDefault(p => p.Location is not null && p.EndToken <= t.FirstToken && !IsNotEventPlace(doc, p) && !IsCountryOnly(p)
            && doc.ParagraphOfSentence[text.SentenceOf(p.FirstToken)] == paragraph);
        if (best is not null)
        {
            yield return (best, false);
            yield break;
        }

        var fallback = places.LastOrDefault(p => p.Location is not null && p.EndToken <= t.FirstToken && !IsNotEventPlace(doc, p) && !IsCountryOnly(p))
            ?? places.FirstOrDefault(p => p.Location is not null && !IsNotEventPlace(doc, p) && !IsCountryOnly(p));
        if (fallback is not null)
        {
            yield return (fallback, true);
            yield break;
        }

        // Only a country is named: the country of the trigger's own sentence is its place (ACLED codes it at admin1
        // level as best it can); one named elsewhere is background.
        var country = places.FirstOrDefault(p => p.Location is not null && text.SentenceOf(p.FirstToken) == sentence)
            ?? places.FirstOrDefault(p => p.Location is not null);
        yield return (country, country is not null && text.SentenceOf(country.FirstToken) != sentence);
    }

    // Keep the first place and those joined to it by "و" or a comma ("حلب والحسكة وعين العرب"); a place reached
    // through other words is a detail of the first ("قرية الإمام ... في ريف حلب").
    private static IEnumerable<PlaceRef> Coordinated(DocumentMentions doc, List<PlaceRef> after)
    {
        yield return after[0];
        var last = after[0];
        var names = new HashSet<string?>(StringComparer.Ordinal) { after[0].Location?.Name };
        for (int k = 1; k < after.Count; k++)
        {
            bool joined = ReferenceEquals(after[k - 1], last) && Joined(doc, after[k - 1], after[k]);
            if (!joined && !IsParallelObject(doc, after[k]))
            {
                continue;
            }

            last = after[k];
            if (names.Add(after[k].Location?.Name))
            {
                yield return after[k];
            }
        }
    }

    private static IEnumerable<PlaceRef> CoordinatedBefore(DocumentMentions doc, TriggerMention t, int clause, PlaceRef best)
    {
        var text = doc.Text;
        var group = new List<PlaceRef> { best };
        if (best.EndToken <= t.FirstToken && t.FirstToken - best.EndToken <= SubjectListGap)
        {
            var before = doc.Places.Where(p => p.Location is not null && p.EndToken <= best.FirstToken && text.ClauseOf(p.FirstToken) == clause
                && !IsAnchor(doc, p) && !IsCountryOnly(p)).ToList();
            for (int k = before.Count - 1; k >= 0 && Joined(doc, before[k], group[0]); k--)
            {
                group.Insert(0, before[k]);
            }
        }

        return group.DistinctBy(p => p.Location?.Name);
    }

    private const int SubjectListGap = 2;

    // A province, governorate or countryside is the event's place only when no finer place is about as close.
    private const int ProvincePenalty = 12;

    // Two places joined by "و" or a comma ("حلب والحسكة", "حلب، الحسكة").
    private static bool Joined(DocumentMentions doc, PlaceRef first, PlaceRef next)
    {
        int gap = next.FirstToken - first.EndToken;
        var word = doc.Text.NormOf(next.FirstToken);
        return gap == 0 && word.Length > 0 && word[0] == 'و'
            || gap == 1 && doc.Text.NormOf(first.EndToken) is "," or "،" // "درنة (شرق ليبيا)": a bracket locates, it does not list
            || gap == 1 && doc.Text.NormOf(first.EndToken) is "و";
    }

    /// <summary>
    /// "غارات على قرية X التي ...، وعلى قرية Y": a second object of the same verb, introduced by وعلى / وفي, or added by
    /// "بالإضافة إلى", "إضافة إلى", "فضلا عن" ("واصلت تقدمها إلى المدينة الخضراء، بالإضافة إلى زنجبار").
    /// </summary>
    private static bool IsParallelObject(DocumentMentions doc, PlaceRef p)
    {
        var text = doc.Text;
        if (p.FirstToken >= 2)
        {
            var by = text.NormOf(p.FirstToken - 1);
            var adding = text.NormOf(p.FirstToken - 2);
            if ((by is "الي" && adding is "بالاضافه" or "اضافه" or "وبالاضافه") || (by is "عن" && adding is "فضلا"))
            {
                return true;
            }
        }

        for (int back = 1; back <= 2 && p.FirstToken - back >= 0; back++)
        {
            if (text.Tokens[p.FirstToken - back].Kind != Arabic.Text.TokenKind.ArabicWord)
            {
                return false;
            }

            if (text.NormOf(p.FirstToken - back) is "وعلي" or "وفي")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "اشتباكات بين X من جهة، و Y من جهة أخرى في مدينة Z": the place of a fight comes after its second side, past the
    /// commas that split the sides into clauses.
    /// </summary>
    private static bool AfterSecondSide(DocumentMentions doc, TriggerMention t, PlaceRef p)
    {
        var text = doc.Text;
        for (int k = t.EndToken; k + 1 < p.FirstToken; k++)
        {
            if (text.NormOf(k) is "جهه" && text.NormOf(k + 1) is "اخري" or "ثانيه")
            {
                int gap = p.FirstToken - (k + 2);
                return gap <= SecondSideGap && doc.Places.All(o => o.FirstToken < k || o.FirstToken >= p.FirstToken);
            }
        }

        return false;
    }

    private const int SecondSideGap = 3;

    private static PlaceRef? Nearest(DocumentMentions doc, IEnumerable<PlaceRef> candidates, TriggerMention t)
    {
        PlaceRef? best = null;
        int bestDistance = int.MaxValue;
        foreach (var p in candidates)
        {
            if (p.Location is null || IsNotEventPlace(doc, p) || IsCountryOnly(p))
            {
                continue;
            }

            int distance = p.FirstToken >= t.EndToken ? p.FirstToken - t.EndToken : (t.FirstToken - p.EndToken) * 2;
            if (p.Precision == GeoPrecision.Province || p.Location.Admin2 is null)
            {
                // "مخيم خان الشيح ... بريف دمشق للقصف", "جنوب سوريا": a province, region or countryside locates the finer place named beside it
                distance += ProvincePenalty;
            }

            if (IsCompassRegion(doc, p))
            {
                // "بمحافظة تعز في جنوب غرب اليمن": a part of the country is coarser still than the governorate beside it.
                distance += ProvincePenalty;
            }

            if (distance < bestDistance)
            {
                best = p;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>A place that only locates or compares: an anchor of a relative place, or a place after "بعد" ("حررت ثالث مدينة بعد مدينتي الضالع وعدن": those fell before).</summary>
    private static bool IsNotEventPlace(DocumentMentions doc, PlaceRef p) => IsAnchor(doc, p) || FollowsBaad(doc, p) || IsStreetName(doc, p) || IsElsewhere(doc, p)
        || LocatesThePlaceBefore(doc, p);

    /// <summary>
    /// "في محافظة لحج جنوب اليمن", "درنة (شرق ليبيا)": a part of the country right after another place only says where that
    /// place lies.
    /// </summary>
    private static bool LocatesThePlaceBefore(DocumentMentions doc, PlaceRef p)
    {
        if (!IsCompassRegion(doc, p))
        {
            return false;
        }

        var text = doc.Text;
        return doc.Places.Any(o => o.Location is not null && !ReferenceEquals(o, p) && o.EndToken <= p.FirstToken && p.FirstToken - o.EndToken <= LocatorGap
            && text.ClauseOf(o.FirstToken) == text.ClauseOf(p.FirstToken)
            && Enumerable.Range(o.EndToken, p.FirstToken - o.EndToken).All(k => text.Tokens[k].Kind == Arabic.Text.TokenKind.Punctuation || text.NormOf(k) is "في"));
    }

    // "X (في) جنوب اليمن": at most a bracket and "في" between a place and the region that locates it.
    private const int LocatorGap = 2;

    /// <summary>
    /// "التي يوجد مقرها في طرابلس", "تعزيزات قادمة من صنعاء", "نازحي صلاح الدين": a seat, an origin or a refuge, not where
    /// the event happened (and so are the places listed with it: "قادمة من صنعاء وذمار").
    /// </summary>
    private static bool IsElsewhere(DocumentMentions doc, PlaceRef p)
    {
        int at = p.FirstToken;
        if (doc.RoleBeforeToken.TryGetValue(at, out var noun) && noun == ArgumentRole.PlaceNoun && at >= 1)
        {
            at = PlaceNounStart(doc, at);
        }

        if (doc.RoleBeforeToken.TryGetValue(at, out var role) && role == ArgumentRole.Elsewhere)
        {
            return true;
        }

        var word = doc.Text.NormOf(p.FirstToken);
        bool glued = word.Length > 0 && word[0] == 'و';
        var previous = doc.Places.LastOrDefault(o => o.FirstToken < p.FirstToken
            && (o.EndToken == p.FirstToken && glued || o.EndToken == p.FirstToken - 1 && doc.Text.NormOf(o.EndToken) is "و" or ","));
        return previous is not null && IsElsewhere(doc, previous);
    }

    /// <summary>"شارعي الثورة وبغداد", "شارع حلب": a street named after a town, not the town.</summary>
    private static bool IsStreetName(DocumentMentions doc, PlaceRef p)
    {
        var text = doc.Text;
        int clause = text.ClauseOf(p.FirstToken);
        for (int i = p.FirstToken - 1; i >= Math.Max(0, p.FirstToken - 3) && text.ClauseOf(i) == clause; i--)
        {
            var w = text.NormOf(i);
            if (w is "شارع" or "شارعي" or "وشارع" or "بشارع" or "شوارع")
            {
                return true;
            }

            if (doc.Places.Any(o => o.FirstToken <= i && i < o.EndToken))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"قصفت طائرات سلاح الجو من قاعدة طبرق مركبا قبالة درنة": the base a strike or shell came from is not where it fell.</summary>
    private static bool IsLaunchSite(DocumentMentions doc, TriggerMention t, PlaceRef p)
    {
        if (t.Class is not (TriggerClass.Air or TriggerClass.Shell) || p.FirstToken < 1)
        {
            return false;
        }

        var text = doc.Text;
        int at = p.FirstToken;
        if (doc.RoleBeforeToken.TryGetValue(at, out var noun) && noun == ArgumentRole.PlaceNoun && at >= 2)
        {
            at = PlaceNounStart(doc, at); // "قادمة من مدينة المكلا": the place noun stands between
        }

        var before = text.NormOf(at - 1);
        return before is "من" || (at >= 2 && before is "قاعده" or "مطار" && text.NormOf(at - 2) is "من");
    }

    private static bool FollowsBaad(DocumentMentions doc, PlaceRef p)
    {
        int at = p.FirstToken;
        if (doc.RoleBeforeToken.TryGetValue(at, out var noun) && noun == ArgumentRole.PlaceNoun)
        {
            at = PlaceNounStart(doc, at);
        }

        if (at > 0 && doc.Text.NormOf(at - 1) is "بعد" or "وبعد")
        {
            return true;
        }

        // The second place of "بعد الضالع وعدن": joined to a place that follows "بعد".
        var word = doc.Text.NormOf(p.FirstToken);
        bool glued = word.Length > 0 && word[0] == 'و';
        var previous = doc.Places.LastOrDefault(o => o.EndToken <= p.FirstToken && o.FirstToken < p.FirstToken
            && (o.EndToken == p.FirstToken && glued
                || o.EndToken == p.FirstToken - 1 && doc.Text.NormOf(o.EndToken) is "و" or ","));
        return previous is not null && FollowsBaad(doc, previous);
    }

    /// <summary>
    /// "البعاج 510 كم شمال غرب بغداد", "البوكمال (130 كم جنوب شرق مدينة دير الزور)": بغداد and دير الزور only locate the
    /// place named just before them; a relative phrase with no place before it ("20 كم شرق حلب") is the location itself.
    /// </summary>
    private static bool IsAnchor(DocumentMentions doc, PlaceRef p)
    {
        var text = doc.Text;
        int start = p.RelationSpan is { } rel ? Math.Min(rel.Start, p.Span.Start) : p.Span.Start;
        int at = p.FirstToken;
        if (p.RelationSpan is null)
        {
            if (doc.RoleBeforeToken.TryGetValue(at, out var noun) && noun == ArgumentRole.PlaceNoun)
            {
                at = PlaceNounStart(doc, at);
            }

            if (!doc.RoleBeforeToken.TryGetValue(at, out var role) || role != ArgumentRole.Direction)
            {
                return false;
            }
        }

        // Only an anchor when another place comes just before it (the one it locates), in the same clause.
        foreach (var o in doc.Places)
        {
            if (o.Location is null || o.EndToken > p.FirstToken || ReferenceEquals(o, p) || text.ClauseOf(o.FirstToken) != text.ClauseOf(p.FirstToken))
            {
                continue;
            }

            if (p.RelationSpan is not null)
            {
                // The relation phrase follows the other name with only spaces and brackets between.
                if (o.Span.End <= start && (text.Original.AsSpan(o.Span.End, start - o.Span.End).Trim(" \t(\u00AB\u201C\"-\u2013,\u060C".AsSpan()).IsEmpty
                    || OnlyLocatingWordsBetween(text, o.EndToken, start)))
                {
                    return true;
                }
            }
            else if (p.FirstToken - o.EndToken <= 8)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"سبها الواقعة على مسافة 700 كم جنوبي طرابلس": only a relative clause's verb between a place and its locating phrase.</summary>
    private static bool OnlyLocatingWordsBetween(Arabic.Text.AnalyzedText text, int fromToken, int relationStart)
    {
        bool any = false;
        for (int i = fromToken; i < text.Tokens.Length && text.Tokens[i].Span.Start < relationStart; i++)
        {
            if (text.Tokens[i].Kind == Arabic.Text.TokenKind.Punctuation)
            {
                continue;
            }

            if (text.NormOf(i) is not ("الواقعه" or "الواقع" or "التي" or "الذي" or "تقع" or "يقع" or "وتقع" or "ويقع"))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>"في ضاحية من ضواحي المدينة": the sentence points back to the town the story is about.</summary>
    internal static bool NamesPlaceAnaphor(DocumentMentions doc, int sentence)
    {
        var s = doc.Text.Sentences[sentence];
        foreach (var (end, role) in doc.RoleBeforeToken)
        {
            if (role == ArgumentRole.PlaceAnaphor && end > s.FirstToken && end <= s.EndToken)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"شرق ليبيا", "شمال سوريا", "جنوب اليمن": a named area opened by a compass word, with no district of its own.</summary>
    internal static bool IsCompassRegion(DocumentMentions doc, PlaceRef p)
    {
        if (p.Location is not { Admin2: null } || p.Precision != GeoPrecision.Near || p.RelationSpan is not null)
        {
            return false;
        }

        // The compass word opens the name ("شمال سوريا", "وسط اليمن"); a governorate's countryside ("ريف حلب الشمالي") is no such part.
        if (doc.Text.NormOf(p.FirstToken) is "وسط" or "الوسط")
        {
            return true;
        }

        for (int end = p.FirstToken + 1; end < p.EndToken && end <= p.FirstToken + 2; end++)
        {
            if (doc.RoleBeforeToken.TryGetValue(end, out var role) && role == ArgumentRole.Direction)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"في ضاحية من ضواحي المدينة", "على تخوم المدينة", "في محيط البلدة": the sentence's anaphor is the town's surroundings.</summary>
    private static bool AroundAnaphor(DocumentMentions doc, int sentence)
    {
        var text = doc.Text;
        var s = text.Sentences[sentence];
        foreach (var (end, role) in doc.RoleBeforeToken)
        {
            if (role != ArgumentRole.PlaceAnaphor || end <= s.FirstToken || end > s.EndToken)
            {
                continue;
            }

            int anaphor = end - 1;
            for (int j = Math.Max(s.FirstToken, anaphor - RelationWords); j < anaphor; j++)
            {
                if (Geo.PlaceCues.Default.Relations.TryMatchAt(text, j, out var m) && m.EndToken == anaphor
                    && m.Value.Relation is Geo.PlaceRelation.Near or Geo.PlaceRelation.Countryside)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // "على مقربة من", "بالقرب من": a relation phrase of up to three words before the anaphor.
    private const int RelationWords = 3;

    /// <summary>A town-level place seen from its surroundings: near it (ACLED geo precision 2).</summary>
    private static PlaceRef AsNear(PlaceRef p) =>
        p.Precision != GeoPrecision.Town || p.Location is null
            ? p
            : p with { Precision = GeoPrecision.Near, Location = p.Location with { Precision = GeoPrecision.Near } };

    /// <summary>A whole country ("سورية" in "من أصول سورية") locates an event only when nothing finer is named.</summary>
    private static bool IsCountryOnly(PlaceRef p) => p.Location is { Admin1: null } && p.Precision == GeoPrecision.Province;

    private static int PlaceNounStart(DocumentMentions doc, int placeToken)
    {
        // The place noun is one token ("مدينة"): the cue before it ends where the noun starts.
        return placeToken - 1;
    }
}
