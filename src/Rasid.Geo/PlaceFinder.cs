using System.Globalization;
using Rasid.Arabic.Matching;
using Rasid.Arabic.Text;
using Rasid.Core;

namespace Rasid.Geo;

/// <summary>
/// Finds and geocodes place mentions in analyzed text. Requires: tokens of <see cref="TextAnalyzer"/>. Adds: place
/// mentions with a chosen gazetteer entry, ACLED geo precision and the relation words around them.
/// </summary>
/// <remarks>
/// Steps: (1) longest gazetteer names through proclitics; a name counts as a place when it is strong (a country,
/// governorate, city, curated built-in entry or a place of 10,000+ people) or has a locative cue — a trigger word
/// (قرية X), a relation (شمال X، ريف X), a preposition (في X، بـX) or a conjunction chaining it to a place (حلب وإدلب);
/// homographs (data/geo/place-homographs.tsv) and names of two letters need more (a trigger or relation, or never for
/// function words). (2) An unknown word after a trigger still becomes a mention, located at the nearest known place
/// of its context with lower precision. (3) Candidates are scored by country hint, governorates named in the same
/// sentence, the document's other places (country and distance), trigger kind, kind, population and source.
/// (4) Relations give precision 2 at the reference place, or at the offset point when a distance and direction are given;
/// a governorate or country alone gives precision 3.
/// </remarks>
public sealed class PlaceFinder
{
    private const long StrongPopulation = 10_000;
    private readonly Gazetteer _g;
    private readonly PlaceCues _cues;

    public PlaceFinder(Gazetteer g)
        : this(g, PlaceCues.Default)
    {
    }

    public PlaceFinder(Gazetteer g, PlaceCues cues)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(cues);
        _g = g.Warm();
        _cues = cues;
    }

    public Gazetteer Gazetteer => _g;

    public IReadOnlyList<PlaceMention> Find(AnalyzedText text, string? countryHint)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hint = string.IsNullOrWhiteSpace(countryHint) ? null : countryHint.Trim().ToUpperInvariant();
        var triggers = _cues.Triggers.FindAll(text).ToDictionary(m => m.EndToken);
        var relationMatches = _cues.Relations.FindAll(text);
        var relationsByEnd = relationMatches.ToDictionary(m => m.EndToken);
        var relationsByStart = relationMatches.ToDictionary(m => m.FirstToken);
        var raws = new List<Raw>();
        var tokens = text.Tokens;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind != TokenKind.ArabicWord)
            {
                continue;
            }

            if (_g.Matcher.TryMatchAt(text, i, out var m))
            {
                var cue = CueBefore(text, m.FirstToken, m.PrefixLength, triggers, relationsByEnd, raws);
                if (cue.Trigger is null && m.TokenCount > 1 && triggers.TryGetValue(m.FirstToken + 1, out var own) && own.FirstToken == m.FirstToken
                    && m.Value.Any(p => TriggerFits(own.Value, p.Kind)))
                {
                    // "حي الجمهوري", "قرية الإمام": a name that begins with its trigger word carries its cue (not "جسر الشغور":
                    // a town, no bridge).
                    cue.Trigger = own;
                }
                if (!IsCueWord(m, triggers, relationsByStart) && Accept(text, m, cue, hint, out bool weak))
                {
                    // A weakly cued name (only a preposition or a conjunction) keeps only readings in the hinted country.
                    var places = weak && hint is not null ? m.Value.Where(p => p.CountryCode == hint).ToArray() : m.Value;
                    if (cue.Trigger is { } named && WithTrigger(text, named, MatchKey(text, m)) is { Count: > 0 } own2)
                    {
                        // "مديرية «الحزم»": the district listed with its trigger word is a reading beside the bare town.
                        places = [.. places.Union(own2)];
                    }

                    raws.Add(new Raw(m.FirstToken, m.EndToken, m.Span, places, cue, false) { Weak = weak });
                    i = m.EndToken - 1;
                    continue;
                }
            }

            if (QuotedNameAfterTrigger(text, i, triggers) is { } quoted)
            {
                // "مديرية «الحزم»", "قاعدة "العند"": a name the gazetteer knows only with its trigger word, quoted apart from it.
                var cue = CueBefore(text, i, 0, triggers, relationsByEnd, raws);
                raws.Add(new Raw(i, quoted.End, new TextSpan(tokens[i].Span.Start, tokens[quoted.End - 1].Span.End), quoted.Places, cue, false));
                i = quoted.End - 1;
                continue;
            }

            // "أطراف المدينة"، "شمال البلدة": the town just named, seen from a relation word.
            if (relationsByEnd.TryGetValue(i, out var before) && before.Value.Relation is PlaceRelation.Near or PlaceRelation.Direction or PlaceRelation.Countryside
                && IsAnaphoricTown(text, i))
            {
                var cue = CueBefore(text, i, 0, triggers, relationsByEnd, raws);
                raws.Add(new Raw(i, i + 1, tokens[i].Span, [], cue, true));
                continue;
            }

            if (triggers.TryGetValue(i, out var trig) && trig.Value != PlaceKind.Admin1 && !IsPluralTrigger(text, trig) && !IsDefiniteTrigger(text, trig)
                && UnknownNameEnd(text, i, relationsByStart) is int end and > 0)
            {
                var cue = CueBefore(text, i, 0, triggers, relationsByEnd, raws);
                var span = new TextSpan(tokens[i].Span.Start, tokens[end - 1].Span.End);
                raws.Add(new Raw(i, end, span, [], cue, true));
                i = end - 1;
            }
        }

        if (raws.Count == 0)
        {
            return [];
        }

        Resolve(text, raws, hint);
        FitReadingsToTheirAnchors(text, raws);
        DropIncoherentWeakNames(raws);
        DemoteImplausibleReadings(text, raws, hint);
        return raws.Select(r => ToMention(text, r, raws, hint, relationsByStart)).OfType<PlaceMention>().ToList();
    }

    /// <summary>The locative cues before token <paramref name="start"/>: trigger, relation (with distance), preposition, chaining.</summary>
    private Cue CueBefore(AnalyzedText text, int start, int prefixLength, Dictionary<int, PhraseMatch<PlaceKind>> triggers,
        Dictionary<int, PhraseMatch<RelationCue>> relations, List<Raw> raws)
    {
        var cue = new Cue();
        var word = text.NormOf(start);
        var prefix = word[..prefixLength];
        if (prefix.EndsWith("ال", StringComparison.Ordinal))
        {
            prefix = prefix[..^2];
        }

        cue.Preposition = prefix.Contains('ب') || prefix.Contains('ل');
        int k = start;
        if (k > 0 && text.Tokens[k - 1].Kind == TokenKind.Punctuation && text.NormOf(k - 1) is "\u00AB" or "\"" or "\u201C" or "'")
        {
            k--; // "منطقة « ذيمرين»": a quoted name keeps the trigger before the quote
        }

        if (triggers.TryGetValue(k, out var t))
        {
            cue.Trigger = t;
            k = t.FirstToken;
            var tw = text.NormOf(k)[..t.PrefixLength];
            cue.Preposition |= tw.Contains('ب') || tw.Contains('ل');
        }

        if (!relations.TryGetValue(k, out var rel) && k > 0 && text.NormOf(k - 1).SequenceEqual("من"))
        {
            relations.TryGetValue(k - 1, out rel);
        }

        if (rel.EndToken > 0)
        {
            switch (rel.Value.Relation)
            {
                case PlaceRelation.Direction or PlaceRelation.Near or PlaceRelation.Countryside:
                    cue.Relation = rel;
                    cue.RelationStart = rel.Span.Start;
                    DistanceBefore(text, rel.FirstToken, relations, ref cue);
                    k = rel.FirstToken;
                    break;
                case PlaceRelation.Preposition:
                    cue.Preposition = true;
                    break;
                case PlaceRelation.Unit:
                    // "20 كم من X": a distance without a direction.
                    if (rel.FirstToken > 0 && TryNumber(text, rel.FirstToken - 1, out var km))
                    {
                        cue.Relation = rel with { Value = new RelationCue(PlaceRelation.Near, 0) };
                        cue.DistanceKm = km * rel.Value.Value;
                        cue.RelationStart = text.Tokens[rel.FirstToken - 1].Span.Start;
                    }

                    break;
            }
        }

        // A preposition one word before a trigger or relation still marks a place: في مدينة X، من شمال X.
        if (!cue.Preposition && k > 0 && relations.TryGetValue(k, out var p) && p.Value.Relation == PlaceRelation.Preposition)
        {
            cue.Preposition = true;
        }

        if (k > 0 && text.Tokens[k - 1].Kind == TokenKind.ArabicWord && _cues.Relations.TryMatchAt(text, k - 1, out var before)
            && before.EndToken == k && before.Value.Relation == PlaceRelation.Preposition)
        {
            cue.Preposition = true;
        }

        // Chaining: "في حلب وإدلب", "حلب، إدلب": an accepted place right before, joined by و or a comma.
        if (raws.Count > 0)
        {
            var last = raws[^1];
            bool conj = prefix.Length > 0 && word[0] == 'و' && last.End == k;
            bool sep = last.End == k - 1 && (text.NormOf(k - 1) is "و" or "," or "-" || text.NormOf(k - 1).SequenceEqual("او"));
            cue.Chained = conj || sep;
            cue.ChainedToCued = cue.Chained && (last.Cue.Trigger is not null || last.Cue.Relation is not null || last.Cue.ChainedToCued);
            if (cue.Chained && cue.Relation is null && last.Cue.Relation is { Value.Relation: PlaceRelation.Near or PlaceRelation.Countryside or PlaceRelation.Direction } shared)
            {
                // "قرب حلب والحسكة", "في محيط بلدتي الفوعة وكفريا", "ريفي إدلب وحلب": the relation covers the whole list
                // (its distance, if any, belongs to the first name only).
                cue.Relation = shared;
                cue.RelationStart = last.Cue.RelationStart;
            }
        }

        return cue;
    }

    /// <summary>
    /// A quoted name right after a trigger word ("مديرية «ميدي»") that the gazetteer lists only together with that word
    /// ("مديرية الحزم": the bare word is a common noun): the longest such name of up to three words before the closing quote.
    /// </summary>
    private (int End, Place[] Places)? QuotedNameAfterTrigger(AnalyzedText text, int i, Dictionary<int, PhraseMatch<PlaceKind>> triggers)
    {
        if (i < 2 || text.Tokens[i - 1].Kind != TokenKind.Punctuation || text.NormOf(i - 1) is not ("\u00AB" or "\"" or "\u201C" or "'")
            || !triggers.TryGetValue(i - 1, out var trigger))
        {
            return null;
        }

        int last = i;
        while (last < text.Tokens.Length && last < i + MaxQuotedWords && text.Tokens[last].Kind == TokenKind.ArabicWord)
        {
            last++;
        }

        for (int end = last; end > i; end--)
        {
            var places = WithTrigger(text, trigger, string.Join(' ', Enumerable.Range(i, end - i).Select(text.NormString)));
            if (places.Count > 0)
            {
                return (end, places.ToArray());
            }
        }

        return null;
    }

    private const int MaxQuotedWords = 3;

    /// <summary>The gazetteer entries named "TRIGGER NAME" ("مديرية الحزم") for a trigger match and a normalized name.</summary>
    private IReadOnlyList<Place> WithTrigger(AnalyzedText text, PhraseMatch<PlaceKind> trigger, string name)
    {
        var trig = string.Join(' ', Enumerable.Range(trigger.FirstToken, trigger.EndToken - trigger.FirstToken)
            .Select(t => t == trigger.FirstToken ? text.NormOf(t)[trigger.PrefixLength..].ToString() : text.NormString(t)));
        return _g.Lookup(trig + " " + name);
    }

    /// <summary>"على بعد 20 كم شرق": a number and unit right before a direction word.</summary>
    private void DistanceBefore(AnalyzedText text, int relFirst, Dictionary<int, PhraseMatch<RelationCue>> relations, ref Cue cue)
    {
        // "700 كيلومتر تقريبا جنوبي": a hedge between the unit and the direction.
        if (!relations.ContainsKey(relFirst) && relFirst > 1 && text.NormOf(relFirst - 1) is "تقريبا")
        {
            relFirst--;
        }

        if (relations.TryGetValue(relFirst, out var unit) && unit.Value.Relation == PlaceRelation.Unit
            && unit.FirstToken > 0 && TryNumber(text, unit.FirstToken - 1, out var n))
        {
            cue.DistanceKm = n * unit.Value.Value;
            int s = unit.FirstToken - 1;
            // "على بعد", "نحو", "حوالي", "مسافة" before the number belong to the relation.
            while (s > 0 && text.Tokens[s - 1].Kind == TokenKind.ArabicWord && text.NormString(s - 1) is "علي" or "بعد" or "نحو" or "حوالي" or "مسافه" or "بمسافه" or "قرابه" or "زهاء")
            {
                s--;
            }

            cue.RelationStart = text.Tokens[s].Span.Start;
        }
    }

    private static bool TryNumber(AnalyzedText text, int token, out double value)
    {
        value = 0;
        return text.Tokens[token].Kind == TokenKind.Number
            && double.TryParse(text.NormString(token).Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && value is > 0 and < 2000;
    }

    /// <summary>A gazetteer match that is itself exactly a trigger or relation word (a village called "مدينة") is a cue, not a place.</summary>
    private static bool IsCueWord(PhraseMatch<Place[]> m, Dictionary<int, PhraseMatch<PlaceKind>> triggers, Dictionary<int, PhraseMatch<RelationCue>> relations) =>
        (triggers.TryGetValue(m.EndToken, out var t) && t.FirstToken == m.FirstToken)
        || (relations.TryGetValue(m.FirstToken, out var r) && r.EndToken >= m.EndToken);

    private bool Accept(AnalyzedText text, PhraseMatch<Place[]> m, Cue cue, string? hint, out bool weak)
    {
        weak = false;
        var key = MatchKey(text, m);
        bool strongCue = cue.Trigger is not null || cue.Relation is not null;
        if (_cues.Homographs.TryGetValue(key, out var h))
        {
            return h switch
            {
                HomographKind.Function => false,
                HomographKind.Person or HomographKind.Organisation => strongCue,
                _ => strongCue || cue.ChainedToCued || (weak = cue.Preposition && InHint(m.Value, hint)),
            };
        }

        if (key.Replace(" ", string.Empty, StringComparison.Ordinal).Length <= 2)
        {
            // Two-letter names (إب، اب) are ordinary words and month names too often.
            return strongCue;
        }

        bool strong = m.Value.Any(IsStrong);
        if (strongCue && !strong && hint is not null && cue.Trigger is { } t
            && !m.Value.Any(p => p.CountryCode == hint || TriggerFits(t.Value, p.Kind)))
        {
            // "ولاية الفرات" in a Syrian report: a trigger none of the readings fits, all of them abroad.
            return false;
        }

        if (strong || strongCue)
        {
            return true;
        }

        weak = true;
        return (cue.Preposition || cue.Chained) && InHint(m.Value, hint);
    }

    /// <summary>
    /// A cued name whose best reading does not fit the text is an unknown place of the same name: located at its context
    /// instead. Misfits: a small imported place abroad in a report hinted to another country; a place abroad whose sentence names
    /// only places at home, all far from it; a small imported place far (150+ km,
    /// other governorate) from a surer place of its sentence; only governorates/countries after a settlement or site
    /// trigger ("حي التأميم" is no governorate).
    /// </summary>
    private static void DemoteImplausibleReadings(AnalyzedText text, List<Raw> raws, string? hint)
    {
        for (int i = 0; i < raws.Count; i++)
        {
            var r = raws[i];
            if (r.Ranked is not { Length: > 0 } ranked)
            {
                continue;
            }

            var best = ranked[0].Place;
            bool small = !best.IsBuiltIn && best.Population < StrongPopulation && !best.Kind.IsAdminUnit() && best.Kind != PlaceKind.City;
            bool majorAbroad = best.Kind is PlaceKind.Country or PlaceKind.Admin1 or PlaceKind.City || best.Population >= 50_000;
            // Curated places abroad (the Saudi border towns of Yemen's war) are meant; the check below tests them against the sentence.
            bool misfit = (hint is not null && best.CountryCode != hint && !majorAbroad && !best.IsBuiltIn)
                || (r.Cue.Trigger is { } t && t.Value is PlaceKind.Neighbourhood or PlaceKind.Site or PlaceKind.Base or PlaceKind.Camp or PlaceKind.Airport
                    or PlaceKind.Crossing or PlaceKind.Dam or PlaceKind.Oilfield
                    && ranked.All(x => x.Place.Kind is PlaceKind.Admin1 or PlaceKind.Country));
            if (!misfit && hint is not null && best.CountryCode != hint && best.Kind is not (PlaceKind.Country or PlaceKind.Admin1 or PlaceKind.City))
            {
                // A town abroad of the same name as a quarter at home: "منطقة السيدة زينب وسط قضاء سنجار" in an Iraqi
                // report is no Damascus suburb. Misfit when the sentence's surer places are all at home and far away.
                int s = text.SentenceOf(r.First);
                var home = raws.Where(o => !ReferenceEquals(o, r) && !o.Weak && o.Ranked is { Length: > 0 } && text.SentenceOf(o.First) == s
                    && o.Ranked[0].Place.CountryCode == hint && o.Ranked[0].Place.Kind != PlaceKind.Country).Select(o => o.Ranked![0].Place).ToList();
                misfit = home.Count > 0 && home.TrueForAll(a => GeoMath.DistanceKm(a, best) > 300);
            }

            if (!misfit && small)
            {
                int sentence = text.SentenceOf(r.First);
                var anchors = raws.Where(o => !ReferenceEquals(o, r) && !o.Weak && o.Ranked is { Length: > 0 } && text.SentenceOf(o.First) == sentence
                    && o.Ranked[0].Place.Kind != PlaceKind.Country).Select(o => o.Ranked![0].Place).ToList();
                misfit = anchors.Count > 0 && anchors.TrueForAll(a => GeoMath.DistanceKm(a, best) > 150 && a.Admin1 != best.Admin1);
            }

            if (!misfit)
            {
                continue;
            }

            bool cued = r.Cue.Trigger is not null || r.Cue.Relation is not null || r.Cue.Preposition;
            if (cued)
            {
                raws[i] = new Raw(r.First, r.End, r.Span, [], r.Cue, true) { Weak = r.Weak };
            }
            else
            {
                raws.RemoveAt(i--);
            }
        }
    }

    /// <summary>
    /// "حصيبة شرقي الرمادي", "البعاج (120 كم غرب الموصل)": a name followed by a direction from another place lies there.
    /// A reading far from that anchor (beyond the stated distance, or 100 km when none is stated) is another place of
    /// the same name when one within reach exists: the best such reading is taken instead. (With none, the far reading
    /// stays: "البعاج شمال غرب بغداد" names a place 400 km away.)
    /// </summary>
    private static void FitReadingsToTheirAnchors(AnalyzedText text, List<Raw> raws)
    {
        for (int i = 0; i + 1 < raws.Count; i++)
        {
            var r = raws[i];
            var anchor = raws[i + 1];
            if (r.Ranked is not { Length: > 0 } ranked || anchor.Ranked is not { Length: > 0 } || r.Cue.Relation is not null
                || anchor.Cue.Relation is not { Value.Relation: PlaceRelation.Direction or PlaceRelation.Near } || anchor.Cue.RelationStart < r.Span.End
                || !text.Original.AsSpan(r.Span.End, anchor.Cue.RelationStart - r.Span.End).Trim(" \t(\u00AB\u201C\"-\u2013,\u060C".AsSpan()).IsEmpty)
            {
                continue;
            }

            var at = anchor.Ranked[0].Place;
            if (!at.Kind.IsSettlement())
            {
                // "حصيبة غربي الأنبار": a governorate's label point says nothing of how far its west lies.
                continue;
            }

            double limit = Math.Max(AnchorReach, (anchor.Cue.DistanceKm ?? 0) * 1.5 + 30);
            if (GeoMath.DistanceKm(ranked[0].Place, at) <= limit)
            {
                continue;
            }

            var fitting = ranked.Where(x => GeoMath.DistanceKm(x.Place, at) <= limit).ToArray();
            if (fitting.Length > 0)
            {
                r.Ranked = [.. fitting, .. ranked.Except(fitting)];
            }
        }
    }

    // How far from its anchor a place said to lie "east of X" may be when no distance is stated.
    private const double AnchorReach = 100;

    /// <summary>
    /// A reading that makes a name a place without any cue: a country, governorate or city, a place of 10,000+ people,
    /// or a curated (built-in) town, district or site. Curated villages and neighbourhoods still need a cue: their names
    /// are too often ordinary words (حدة، الحمراء).
    /// </summary>
    private static bool IsStrong(Place p) =>
        p.Kind is PlaceKind.Country or PlaceKind.Admin1 or PlaceKind.City || p.Population >= StrongPopulation
        || (p.IsBuiltIn && p.Kind is not (PlaceKind.Village or PlaceKind.Neighbourhood));

    private static bool InHint(Place[] places, string? hint) => hint is null || places.Any(p => p.CountryCode == hint);

    /// <summary>
    /// A small place accepted only on a preposition must fit the document: in the governorate of, or within 150 km of, a
    /// place named with more certainty. ("من نظام" is no village in Diyala in a report on Deir ez-Zor.)
    /// </summary>
    private static void DropIncoherentWeakNames(List<Raw> raws)
    {
        var sure = raws.Where(r => !r.Weak && r.Ranked is { Length: > 0 }).Select(r => r.Ranked![0].Place).ToList();
        if (sure.Count == 0)
        {
            return;
        }

        raws.RemoveAll(r => r.Weak && r.Ranked is { Length: > 0 } ranked
            && !sure.Exists(p => (p.CountryCode == ranked[0].Place.CountryCode && p.Admin1 is not null && p.Admin1 == ranked[0].Place.Admin1)
                || GeoMath.DistanceKm(p, ranked[0].Place) <= 150));
    }

    private static string MatchKey(AnalyzedText text, PhraseMatch<Place[]> m)
    {
        var parts = new List<string>(m.TokenCount);
        for (int t = m.FirstToken; t < m.EndToken; t++)
        {
            var w = text.NormOf(t);
            parts.Add((t == m.FirstToken ? w[m.PrefixLength..] : w).ToString());
        }

        return string.Join(' ', parts);
    }

    /// <summary>The definite "the city / the town / the village" (المدينة، البلدة، القرية), which refers back to a town already named.</summary>
    private static bool IsAnaphoricTown(AnalyzedText text, int i)
    {
        var w = text.NormOf(i);
        return w.SequenceEqual("المدينه") || w.SequenceEqual("البلده") || w.SequenceEqual("القريه");
    }

    /// <summary>
    /// "قرى"، "أحياء"، "مناطق"، "بلدتي": a plural or dual trigger is mostly followed by an adjective ("الأحياء السكنية")
    /// or a list; it marks known names as places but does not make an unknown word one.
    /// </summary>
    private static bool IsPluralTrigger(AnalyzedText text, PhraseMatch<PlaceKind> trigger)
    {
        var w = text.NormOf(trigger.EndToken - 1);
        return w.EndsWith("تي", StringComparison.Ordinal) || w.EndsWith("ى", StringComparison.Ordinal) || w.EndsWith("قري", StringComparison.Ordinal)
            || w.SequenceEqual("احياء") || w.EndsWith("مناطق", StringComparison.Ordinal) || w.EndsWith("احياء", StringComparison.Ordinal);
    }

    /// <summary>
    /// "في المنطقة الليلة الماضية", "المدينة القديمة": a definite place noun points back to a place already named or takes
    /// an adjective; only the indefinite one introduces a name ("في منطقة الطاش").
    /// </summary>
    private static bool IsDefiniteTrigger(AnalyzedText text, PhraseMatch<PlaceKind> trigger)
    {
        var w = text.NormOf(trigger.EndToken - 1);
        if (w.Length > 3 && w[0] is 'و' or 'ف')
        {
            w = w[1..];
        }

        return w.StartsWith("ال", StringComparison.Ordinal) || (w.Length > 3 && w[0] is 'ب' or 'ل' && w[1..].StartsWith("ال", StringComparison.Ordinal))
            || w.StartsWith("لل", StringComparison.Ordinal);
    }

    /// <summary>The end token of an unknown name right after a trigger ending at <paramref name="i"/>, or -1.</summary>
    private int UnknownNameEnd(AnalyzedText text, int i, Dictionary<int, PhraseMatch<RelationCue>> relations)
    {
        var tokens = text.Tokens;
        if (i >= tokens.Length || tokens[i].Kind != TokenKind.ArabicWord || relations.ContainsKey(i) || IsNotAName(text, i)
            || _cues.Triggers.TryMatchAt(text, i, out _))
        {
            return -1;
        }

        var w = text.NormOf(i);
        if (w.StartsWith("لل", StringComparison.Ordinal))
        {
            return -1; // "مخيم للنازحين": "for the ..." is no name
        }

        // A word glued to the conjunction و continues the sentence ("سد وقدرته"); وادي is a name head.
        if (w.Length > 3 && w[0] == 'و' && !_cues.HeadLookup.Contains(w))
        {
            return -1;
        }

        // Nisba adjectives after a generic trigger ("منطقة سكنية", "مناطق شمالية") describe, they do not name.
        if (w.EndsWith("يه", StringComparison.Ordinal) && !w.StartsWith("ال", StringComparison.Ordinal))
        {
            return -1;
        }

        int end = i + 1;
        if (end < tokens.Length && tokens[end].Kind == TokenKind.ArabicWord && !relations.ContainsKey(end))
        {
            bool functionWord = _cues.HomographLookup.TryGetValue(text.NormOf(end), out var h) && h == HomographKind.Function;
            // A name head (تل، عين، كفر …) needs its second word, even an ordinary one (تل جديد); otherwise take a
            // definite second word of a construct (قرية دير الزور-like "X الY"), but not an adjective in -ية.
            bool headed = _cues.HeadLookup.Contains(w) && !functionWord;
            bool construct = !w.StartsWith("ال", StringComparison.Ordinal) && text.NormOf(end).StartsWith("ال", StringComparison.Ordinal)
                && !text.NormOf(end).EndsWith("يه", StringComparison.Ordinal) && !IsNotAName(text, end);
            if (headed || construct)
            {
                end++;
            }
        }

        return end;
    }

    private bool IsNotAName(AnalyzedText text, int i) =>
        _cues.HomographLookup.TryGetValue(text.NormOf(i), out var h) && h != HomographKind.Person;

    /// <summary>Scores every candidate and keeps the order best first; two passes so places chosen first inform the rest.</summary>
    private void Resolve(AnalyzedText text, List<Raw> raws, string? hint)
    {
        var docCountries = new Dictionary<string, double>(StringComparer.Ordinal);
        var sentenceAdmin1 = new Dictionary<int, HashSet<string>>();
        foreach (var r in raws.Where(r => r.Places.Length > 0))
        {
            var countries = r.Places.Select(p => p.CountryCode).Distinct().ToList();
            if (countries.Count == 1)
            {
                docCountries[countries[0]] = docCountries.GetValueOrDefault(countries[0]) + 1;
            }

            var admins = r.Places.Where(p => p.Admin1 is not null).Select(p => p.CountryCode + "/" + p.Admin1).Distinct().ToList();
            bool adminCue = r.Cue.Trigger is { Value: PlaceKind.Admin1 } || r.Cue.Relation is { Value.Relation: PlaceRelation.Countryside }
                || r.Places.Any(p => p.Kind == PlaceKind.Admin1);
            if (admins.Count == 1 || (adminCue && admins.Count <= 2))
            {
                int s = text.SentenceOf(r.First);
                if (!sentenceAdmin1.TryGetValue(s, out var set))
                {
                    sentenceAdmin1[s] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.UnionWith(admins);
            }
        }

        for (int pass = 0; pass < 2; pass++)
        {
            foreach (var r in raws)
            {
                if (r.Places.Length == 0)
                {
                    continue;
                }

                int sentence = text.SentenceOf(r.First);
                var others = pass == 0 ? [] : raws.Where(o => !ReferenceEquals(o, r) && o.Ranked is { Length: > 0 } && o.Ranked[0].Place.Kind is not (PlaceKind.Country or PlaceKind.Admin1))
                    .Select(o => o.Ranked![0].Place).Distinct().ToArray();
                var scored = r.Places.Select(p => (Place: p, Score: Score(p, r, hint, docCountries, sentenceAdmin1.GetValueOrDefault(sentence), others, pass)))
                    .OrderByDescending(x => x.Score).ToArray();
                r.Ranked = scored;
            }
        }
    }

    private static double Score(Place p, Raw r, string? hint, Dictionary<string, double> docCountries, HashSet<string>? sentenceAdmins, Place[] others, int pass)
    {
        double s = 0;
        if (hint is not null)
        {
            s += p.CountryCode == hint ? 4 : -1.5;
        }

        double total = docCountries.Values.Sum();
        if (total > 0)
        {
            s += 2.0 * docCountries.GetValueOrDefault(p.CountryCode) / total;
        }

        if (sentenceAdmins is not null && p.Admin1 is not null && sentenceAdmins.Contains(p.CountryCode + "/" + p.Admin1))
        {
            // "X في ريف حلب", "X بمحافظة تعز": the governorate named beside it is the strongest clue there is.
            s += 5;
        }

        if (r.Cue.Trigger is { } t)
        {
            s += TriggerFits(t.Value, p.Kind) ? 3 : 0;
        }

        // A distance or direction is measured from a town, not from a governorate's label point.
        if (r.Cue.Relation is { Value.Relation: PlaceRelation.Direction or PlaceRelation.Near } && p.Kind.IsSettlement())
        {
            s += 2;
        }

        s += p.Kind switch
        {
            PlaceKind.Country => 2.5,
            PlaceKind.City => 2.2,
            PlaceKind.Admin1 => 2.0,
            PlaceKind.Town => 1.6,
            PlaceKind.Admin2 => 1.3,
            PlaceKind.Airport or PlaceKind.Base or PlaceKind.Crossing or PlaceKind.Dam or PlaceKind.Camp or PlaceKind.Oilfield => 1.2,
            PlaceKind.Admin3 or PlaceKind.Village or PlaceKind.Region or PlaceKind.Site => 0.9,
            _ => 0.6,
        };
        // Population tells how often a town is meant; a governorate's population says nothing of that.
        s += p.Kind.IsAdminUnit() ? 0 : 0.35 * Math.Log10(p.Population + 1);
        s += p.IsBuiltIn ? 1.5 : 0;
        if (pass > 0)
        {
            // Closeness to the other places of the document (their current best readings).
            double best = double.MaxValue;
            foreach (var o in others)
            {
                if (!ReferenceEquals(o, p))
                {
                    best = Math.Min(best, GeoMath.DistanceKm(p, o));
                }
            }

            s += best <= 50 ? 2 : best <= 150 ? 1 : 0;
        }

        return s;
    }

    private static bool TriggerFits(PlaceKind trigger, PlaceKind kind) => trigger switch
    {
        PlaceKind.City or PlaceKind.Town or PlaceKind.Village => kind.IsSettlement() && kind != PlaceKind.Neighbourhood,
        PlaceKind.Admin2 or PlaceKind.Admin3 => kind is PlaceKind.Admin2 or PlaceKind.Admin3,
        PlaceKind.Region => kind is PlaceKind.Region or PlaceKind.Neighbourhood or PlaceKind.Village or PlaceKind.Town or PlaceKind.Admin2 or PlaceKind.Admin3,
        _ => kind == trigger,
    };

    private PlaceMention? ToMention(AnalyzedText text, Raw r, List<Raw> raws, string? hint, Dictionary<int, PhraseMatch<RelationCue>> relationsByStart)
    {
        var cue = r.Cue;
        TextSpan? relationSpan = null;
        if (cue.Relation is { } rel)
        {
            relationSpan = new TextSpan(cue.RelationStart, rel.Span.End);
            // "ريف حلب الشمالي": a direction adjective after the name belongs to the relation.
            if (relationsByStart.TryGetValue(r.End, out var after) && after.Value.Relation == PlaceRelation.Direction)
            {
                relationSpan = relationSpan.Value.Union(after.Span);
            }
        }

        Place? place;
        double score = 0;
        bool unknown = r.Places.Length == 0;
        if (unknown)
        {
            place = Fallback(text, r, raws, hint);
        }
        else
        {
            (place, score) = r.Ranked![0];
        }

        if (place is null)
        {
            return new PlaceMention(r.Span, r.First, r.End, null, GeoPrecision.Province, relationSpan, [])
            {
                Surface = r.Span.Slice(text.Original),
                IsUnknownName = true,
                TriggerSpan = cue.Trigger?.Span,
                TriggerKind = cue.Trigger?.Value,
            };
        }

        var relation = cue.Relation?.Value.Relation ?? (unknown ? PlaceRelation.Context : PlaceRelation.None);
        var precision = Precision(place, cue, unknown);
        if (unknown && cue.Relation is null && TownItLiesIn(text, r, raws) is { } town)
        {
            // "بمنطقة الساحل الشرقي في مدينة درنة", "حي نزال وسط مدينة الفلوجة": an area named as a part of a town is in it.
            place = town;
            precision = GeoPrecision.Town;
        }

        if (precision == GeoPrecision.Near && cue.Relation is null && _cues.UrbanDistricts.Contains(place.Id)
            && (!unknown || cue.Trigger is { Value: PlaceKind.Neighbourhood or PlaceKind.Site }))
        {
            // "مديرية دار سعد": a quarter of Aden, coded as a part of the city; so is an unknown "حي الدمينة" in it.
            precision = GeoPrecision.Town;
        }

        double lat = place.Latitude, lon = place.Longitude;
        double? bearing = null;
        if (cue.Relation is { Value.Relation: PlaceRelation.Direction } d)
        {
            bearing = d.Value.Value;
            if (cue.DistanceKm is { } km && !place.Kind.IsAdminUnit())
            {
                (lat, lon) = GeoMath.Offset(place.Latitude, place.Longitude, bearing.Value, km);
            }
        }

        var candidates = unknown
            ? new[] { new PlaceCandidate(place.NameEn, place.CountryCode, place.Admin1, place.Latitude, place.Longitude, 0) }
            : r.Ranked!.Select(x => new PlaceCandidate(x.Place.NameEn, x.Place.CountryCode, x.Place.Admin1, x.Place.Latitude, x.Place.Longitude, Math.Round(x.Score, 2))).ToArray();
        return new PlaceMention(r.Span, r.First, r.End, place, precision, relationSpan, candidates)
        {
            Surface = r.Span.Slice(text.Original),
            Latitude = lat,
            Longitude = lon,
            Relation = relation,
            BearingDegrees = bearing,
            DistanceKm = cue.DistanceKm,
            TriggerSpan = cue.Trigger?.Span,
            TriggerKind = cue.Trigger?.Value,
            IsUnknownName = unknown,
            CountryName = _g.Country(place.CountryCode)?.NameEn,
            Score = Math.Round(score, 2),
        };
    }

    private static GeoPrecision Precision(Place place, Cue cue, bool unknown)
    {
        if (place.Kind is PlaceKind.Country or PlaceKind.Admin1)
        {
            // "مدينة درنة" where only the governorate is known: its label point is its capital, so near, not province-wide.
            return cue.Trigger is { Value: PlaceKind.City or PlaceKind.Town } && place.Kind == PlaceKind.Admin1 ? GeoPrecision.Near : GeoPrecision.Province;
        }

        if (cue.Relation is { Value.Relation: PlaceRelation.Near } && cue.DistanceKm is null && place.Kind == PlaceKind.Neighbourhood)
        {
            return GeoPrecision.Town; // "قرب حي واحد حزيران": near a quarter is still in its town
        }

        if (cue.Relation is not null || place.Kind is PlaceKind.Admin2 or PlaceKind.Admin3 or PlaceKind.Region)
        {
            return GeoPrecision.Near;
        }

        if (unknown)
        {
            // A neighbourhood of a known town is in the town, and so is a port, square or factory of a city ("الميناء
            // التجاري" in a Benghazi story); an unknown village is only near the context place.
            return cue.Trigger is { Value: PlaceKind.Neighbourhood } && place.Kind is PlaceKind.City or PlaceKind.Town
                || cue.Trigger is { Value: PlaceKind.Site } && place.Kind is PlaceKind.City
                ? GeoPrecision.Town
                : GeoPrecision.Near;
        }

        // A site announced by its trigger but found only as the town it is named after ("مطار تعز" → Taizz).
        if (cue.Trigger is { } t && t.Value is PlaceKind.Airport or PlaceKind.Base or PlaceKind.Camp or PlaceKind.Crossing or PlaceKind.Dam
            or PlaceKind.Oilfield or PlaceKind.Site && !TriggerFits(t.Value, place.Kind))
        {
            return GeoPrecision.Near;
        }

        return GeoPrecision.Town;
    }

    /// <summary>
    /// The town an unknown area, quarter or site is said to be in: the next place, a town, joined to it by "في"، "بـ"،
    /// "داخل" or "وسط" (a direction word and punctuation may stand between: "منطقة الساحل الشرقي في مدينة درنة").
    /// </summary>
    private Place? TownItLiesIn(AnalyzedText text, Raw r, List<Raw> raws)
    {
        if (r.Cue.Trigger is not { Value: PlaceKind.Region or PlaceKind.Neighbourhood or PlaceKind.Site })
        {
            return null;
        }

        var next = raws.FirstOrDefault(o => o.First >= r.End);
        if (next?.Ranked is not { Length: > 0 } ranked || !ranked[0].Place.Kind.IsSettlement() || ranked[0].Place.Kind == PlaceKind.Neighbourhood
            || next.Cue.Relation is not null)
        {
            return null;
        }

        int start = next.Cue.Trigger?.FirstToken ?? next.First;
        if (start - r.End > MaxWordsToTown)
        {
            return null;
        }

        bool linked = false;
        for (int k = r.End; k < start; k++)
        {
            if (text.Tokens[k].Kind == TokenKind.Punctuation)
            {
                continue;
            }

            var w = text.NormOf(k);
            if (w is "في" or "داخل" or "وسط")
            {
                linked = true;
                continue;
            }

            if (!_cues.Relations.TryMatchAt(text, k, out var d) || d.Value.Relation != PlaceRelation.Direction)
            {
                return null;
            }

            k = d.EndToken - 1;
        }

        // "بمدينة درنة", "بالفلوجة": the preposition glued to the town's trigger or name.
        linked |= next.Cue.Trigger is { } t ? text.NormOf(t.FirstToken)[..t.PrefixLength].Contains('ب') : next.Cue.Preposition;
        return linked ? ranked[0].Place : null;
    }

    private const int MaxWordsToTown = 4;

    /// <summary>The known place an unknown name is located at: nearest in its sentence, else the latest before it, else the next, else the hinted country.</summary>
    private Place? Fallback(AnalyzedText text, Raw r, List<Raw> raws, string? hint)
    {
        // "جنوبي البلدة": the town, city or village named last, not a port or a base named after it.
        if (IsAnaphoricTown(text, r.First)
            && raws.LastOrDefault(o => o.End <= r.First && o.Ranked is { Length: > 0 } && o.Ranked[0].Place.Kind.IsSettlement()
                && o.Ranked[0].Place.Kind != PlaceKind.Neighbourhood) is { } town)
        {
            return town.Ranked![0].Place;
        }

        int sentence = text.SentenceOf(r.First);
        Raw? best = null;
        int bestDistance = int.MaxValue;
        foreach (var o in raws)
        {
            if (o.Ranked is not { Length: > 0 } || text.SentenceOf(o.First) != sentence || o.Ranked[0].Place.Kind == PlaceKind.Country)
            {
                continue;
            }

            int dist = o.First > r.First ? o.First - r.End : r.First - o.End;
            if (dist < bestDistance)
            {
                bestDistance = dist;
                best = o;
            }
        }

        static bool Usable(Raw o) => o.Ranked is { Length: > 0 } && o.Ranked[0].Place.Kind != PlaceKind.Country;
        best ??= raws.LastOrDefault(o => Usable(o) && o.End <= r.First) ?? raws.FirstOrDefault(Usable)
            ?? raws.LastOrDefault(o => o.Ranked is { Length: > 0 } && o.End <= r.First);
        if (best is not null)
        {
            return best.Ranked![0].Place;
        }

        return hint is null ? null : _g.Country(hint);
    }

    private struct Cue
    {
        public PhraseMatch<PlaceKind>? Trigger;
        public PhraseMatch<RelationCue>? Relation;
        public int RelationStart;
        public double? DistanceKm;
        public bool Preposition;
        public bool Chained;

        /// <summary>Chained to a place that had a trigger or relation ("مديريتي بعدان والسدة"): the list shares that cue.</summary>
        public bool ChainedToCued;
    }

    private sealed class Raw(int first, int end, TextSpan span, Place[] places, Cue cue, bool unknown)
    {
        public int First { get; } = first;

        public int End { get; } = end;

        public TextSpan Span { get; } = span;

        public Place[] Places { get; } = places;

        public Cue Cue { get; } = cue;

        /// <summary>Accepted only on a preposition or conjunction (no trigger, relation or strong reading).</summary>
        public bool Weak { get; init; }

        public bool Unknown { get; } = unknown;

        public (Place Place, double Score)[]? Ranked { get; set; }
    }
}
