using Rasid.Extraction.Lexicons;
using Rasid.Extraction.Mentions;

namespace Rasid.Extraction.Stages;

/// <summary>Deaths stated for one event: the conservative count and the stated range.</summary>
public readonly record struct DeathCount(int Fatalities, int? Low, int? High, bool Stated);

/// <summary>
/// Stage: fatalities of a trigger. Needs: <see cref="DocumentMentions.Casualties"/>, <see cref="DocumentMentions.Numbers"/>.
/// A death toll is a number right next to a death word ("مقتل 33", "30 قتيلا", "قتل نحو 30") in the trigger's clause
/// (else its sentence); a number next to a wound word ("وأصيب 85") or a killed-and-wounded total ("300 قتيل وجريح") is not
/// a death toll. ACLED fatalities are the most conservative credible number: a lower bound counts as itself, an
/// approximate number as itself, a vague one ("عشرات") as its minimum.
/// </summary>
internal static class CasualtyStage
{
    private const int Adjacent = 3;

    // No single event kills more; a bigger number beside a death word is a cumulative toll, a year or garbage.
    private const long MaxCredibleToll = 100_000;

    public static DeathCount For(DocumentMentions doc, TriggerMention trigger)
    {
        var text = doc.Text;
        int sentence = text.SentenceOf(trigger.FirstToken);
        int clause = text.ClauseOf(trigger.FirstToken);

        // An execution's object is its toll: "أعدم التنظيم أربعة من مقاتليه".
        if (trigger.Kills)
        {
            foreach (var n in doc.Numbers)
            {
                if (n.FirstToken >= trigger.EndToken && n.FirstToken - trigger.EndToken <= Adjacent && text.ClauseOf(n.FirstToken) == clause && n.Value <= MaxCredibleToll)
                {
                    return Count(n);
                }
            }
        }

        DeathCount? best = null;
        CasualtyMention? bestCue = null;
        int bestDistance = int.MaxValue;
        foreach (var cue in doc.Casualties)
        {
            if (cue.Kind != CasualtyKind.Death || text.SentenceOf(cue.FirstToken) != sentence)
            {
                continue;
            }

            if (IsCombined(doc, cue))
            {
                continue;
            }

            // Seized weapons and arrests kill no one by themselves: a death told in another clause of their sentence, or
            // beyond a fighting word ("وأكدت قتل خمسة ... أثناء مواجهتهم ... وأضافت انه تم ضبط عجلتين"), belongs to that fight.
            if (trigger.Class is TriggerClass.Defuse or TriggerClass.Arrest && (text.ClauseOf(cue.FirstToken) != clause
                || doc.Triggers.Any(o => o.Class is TriggerClass.Clash or TriggerClass.Attack or TriggerClass.Kill or TriggerClass.Air
                    or TriggerClass.Shell or TriggerClass.Ied or TriggerClass.Suicide
                    && o.FirstToken > Math.Min(cue.FirstToken, trigger.FirstToken) && o.FirstToken < Math.Max(cue.FirstToken, trigger.FirstToken))))
            {
                continue;
            }

            var n = NumberBeside(doc, cue);
            int distance = Math.Abs(cue.FirstToken - trigger.FirstToken) + (text.ClauseOf(cue.FirstToken) == clause ? 0 : 1000);
            if (distance >= bestDistance)
            {
                continue;
            }

            if (n is not null)
            {
                best = Sum(doc, n);
                bestCue = cue;
                bestDistance = distance;
            }
            else if (ImpliedCount(doc, cue) is int implied)
            {
                best = new DeathCount(implied, null, null, true);
                bestCue = cue;
                bestDistance = distance;
            }
            else if (SubjectBefore(doc, cue) is { } subject)
            {
                best = subject;
                bestDistance = distance;
            }
        }

        if (best is { } b && bestCue is not null && trigger.Class is TriggerClass.Clash && OtherSideToll(doc, bestCue) is { } other)
        {
            best = new DeathCount(b.Fatalities + other, b.Low is { } low ? low + other : null, null, true);
        }

        if (best is null && trigger.Class is TriggerClass.Execution or TriggerClass.Assassination)
        {
            // "أعدمهما" two; "اغتيل القيادي": an assassination with no number kills its one target (not an attempt).
            var last = text.NormOf(trigger.EndToken - 1);
            if (trigger.Class == TriggerClass.Execution && last.EndsWith("هما", StringComparison.Ordinal))
            {
                return new DeathCount(2, null, null, true);
            }

            // Only the verb tells one deed ("اغتيل القيادي", "اغتالت مجموعة ضابطا"); the noun is as often generic
            // ("عمليات الاغتيال") or foiled ("إبطال عملية الاغتيال", "نجا من محاولة اغتيال").
            var verb = text.NormOf(trigger.FirstToken)[trigger.PrefixLength..];
            bool deed = verb.StartsWith("اغتيل", StringComparison.Ordinal) || verb.StartsWith("اغتال", StringComparison.Ordinal);
            if (trigger.Class == TriggerClass.Assassination && deed)
            {
                return new DeathCount(1, null, null, true);
            }
        }

        return best ?? new DeathCount(0, null, null, false);
    }

    /// <summary>
    /// "قتلوا 5 من مليشيات الحوثي في المواجهات، فيما قتل أحد رجال المقاومة": a later clause of the sentence opened by
    /// فيما/بينما/في حين gives the other side's deaths in the same fight; ACLED counts both sides.
    /// </summary>
    private static int? OtherSideToll(DocumentMentions doc, CasualtyMention first)
    {
        var text = doc.Text;
        int sentence = text.SentenceOf(first.FirstToken);
        foreach (var cue in doc.Casualties)
        {
            if (cue.Kind != CasualtyKind.Death || cue.FirstToken < first.EndToken || text.SentenceOf(cue.FirstToken) != sentence
                || text.ClauseOf(cue.FirstToken) == text.ClauseOf(first.FirstToken) || IsCombined(doc, cue))
            {
                continue;
            }

            var clause = text.Clauses[text.ClauseOf(cue.FirstToken)];
            bool opened = Enumerable.Range(clause.FirstToken + 1, OtherTollCueReach)
                .Any(k => doc.RoleBeforeToken.TryGetValue(k, out var role) && role == ArgumentRole.OtherToll);
            int c = text.ClauseOf(cue.FirstToken);
            if (!opened || doc.Triggers.Any(o => o.Class is not TriggerClass.Kill && text.ClauseOf(o.FirstToken) == c)
                || doc.Places.Any(p => text.ClauseOf(p.FirstToken) == c))
            {
                return null; // the next toll is of another event ("فيما قتل 7 في جبهة المخدرة"), or not the other side's
            }

            return NumberBeside(doc, cue) is { } n ? Count(n).Fatalities : ImpliedCount(doc, cue);
        }

        return null;
    }

    // "فيما", "في حين أن": the cue is the clause's first word or two.
    private const int OtherTollCueReach = 3;

    private static bool IsCombined(DocumentMentions doc, CasualtyMention cue)
    {
        foreach (var c in doc.Casualties)
        {
            if (c.Kind == CasualtyKind.Combined && c.FirstToken <= cue.FirstToken && c.EndToken >= cue.EndToken)
            {
                return true;
            }
        }

        return false;
    }

    private static NumberRef? NumberBeside(DocumentMentions doc, CasualtyMention cue)
    {
        NumberRef? after = null, before = null;
        foreach (var n in doc.Numbers)
        {
            if (n.Value > MaxCredibleToll)
            {
                continue;
            }

            if (n.FirstToken >= cue.EndToken && n.FirstToken - cue.EndToken < Adjacent && after is null)
            {
                after = n;
            }
            else if (n.EndToken <= cue.FirstToken && (cue.FirstToken - n.EndToken < Adjacent || IsPartitiveSubject(doc, n, cue)))
            {
                before = n;
            }
        }

        // The number must not sit closer to a wound word ("قتل 3 وجرح 10": 10 belongs to جرح).
        foreach (var n in new[] { after, before })
        {
            if (n is null || doc.Casualties.Any(c => c.Kind == CasualtyKind.Combined && c.FirstToken >= n.EndToken && c.FirstToken - n.EndToken <= 1))
            {
                continue; // "300 قتيل وجريح" counts killed and wounded together
            }

            // "خمسة جنود قتلوا وإن ستة آخرين أصيبوا": with a count before the death word, one after it as near a wound word is the wounded's.
            int tie = ReferenceEquals(n, after) && before is not null ? 1 : 0;
            bool injury = doc.Casualties.Any(c => c.Kind != CasualtyKind.Death
                && Math.Min(Math.Abs(c.FirstToken - n.EndToken), Math.Abs(n.FirstToken - c.EndToken)) < Math.Min(Math.Abs(cue.FirstToken - n.EndToken), Math.Abs(n.FirstToken - cue.EndToken)) + tie);
            if (!injury)
            {
                return n;
            }
        }

        return null;
    }

    /// <summary>
    /// "اثنين من عناصر قوات الصحوة قتلا", "ثمانية أفراد من القبيلة قتلوا": a count whose partitive "من X" runs up to the
    /// death verb is its subject, a few words from it.
    /// </summary>
    private static bool IsPartitiveSubject(DocumentMentions doc, NumberRef n, CasualtyMention cue)
    {
        var text = doc.Text;
        int gap = cue.FirstToken - n.EndToken;
        if (gap > PartitiveReach || text.ClauseOf(n.FirstToken) != text.ClauseOf(cue.FirstToken))
        {
            return false;
        }

        bool partitive = text.NormOf(n.EndToken) is "من" || (gap > 1 && text.NormOf(n.EndToken + 1) is "من");
        for (int i = n.EndToken; i < cue.FirstToken && partitive; i++)
        {
            partitive = text.Tokens[i].Kind == Arabic.Text.TokenKind.ArabicWord
                && !doc.Casualties.Any(c => c.FirstToken <= i && i < c.EndToken)
                && !doc.Numbers.Any(m => m.FirstToken <= i && i < m.EndToken);
        }

        return partitive;
    }

    // "ثمانية أفراد من قبيلة التبو قتلوا": the count, a noun, من and a two-word group before the verb.
    private const int PartitiveReach = 5;

    // Words told between a subject's count and its verb ("8 أشخاص يحملون أحزمة ناسفة قتلوا", "7 عناصر من تنظيم / داعش / قتلوا").
    private const int SubjectWindow = 8;

    /// <summary>
    /// A death verb with a plural or dual subject suffix ("قتلوا", "قضوا", "قتلا") after its victims: the count of the
    /// subject told before it in its clause ("8 أشخاص ... قتلوا"), or a dual noun right before it ("شخصين قتلا").
    /// </summary>
    private static DeathCount? SubjectBefore(DocumentMentions doc, CasualtyMention cue)
    {
        var text = doc.Text;
        var verb = text.NormOf(cue.FirstToken);
        if (cue.EndToken - cue.FirstToken != 1)
        {
            return null;
        }

        // "محسن الفضلي قتل في ضربة جوية": a singular passive "قُتل/قُتلت" with a place, means or cause after it killed its one subject.
        if (verb is "قتل" or "قتلت" or "وقتل" or "وقتلت" or "فقتل" && cue.EndToken < text.Tokens.Length
            && text.NormOf(cue.EndToken) is "في" or "خلال" or "جراء" or "اثر" or "بنيران" or "برصاص" or "بغاره" or "بضربه" or "بقصف" or "بانفجار" or "علي")
        {
            return new DeathCount(1, null, null, true);
        }

        if (verb.Length < 4)
        {
            return null;
        }

        bool plural = verb.EndsWith("وا", StringComparison.Ordinal);
        bool dual = !plural && verb.EndsWith('ا') && verb.Length <= 5 && !verb.StartsWith("قتيل", StringComparison.Ordinal);
        if (!plural && !dual)
        {
            return null;
        }

        int clause = text.ClauseOf(cue.FirstToken);
        var counts = CueLexicons.BuiltIn.ImpliedCountLookup;
        for (int i = cue.FirstToken - 1; i >= Math.Max(0, cue.FirstToken - SubjectWindow) && text.ClauseOf(i) == clause; i--)
        {
            if (doc.Casualties.Any(c => c.FirstToken <= i && c.EndToken > i))
            {
                return null; // another casualty word comes first: the count is its own
            }

            if (doc.Numbers.FirstOrDefault(n => n.EndToken - 1 == i) is { } n && n.Value <= MaxCredibleToll)
            {
                return Count(n);
            }

            if (dual && cue.FirstToken - i <= 2 && counts.TryGetValue(text.NormOf(i), out int c2) && c2 == 2)
            {
                return new DeathCount(2, null, null, true); // "شخصين قتلا"
            }
        }

        return null;
    }

    /// <summary>"مقتل شخص" 1, "مقتل جنديين" 2, "لقيا مصرعهما" 2: a singular or dual noun or pronoun is a count of its own.</summary>
    private static int? ImpliedCount(DocumentMentions doc, CasualtyMention cue)
    {
        var text = doc.Text;
        var counts = CueLexicons.BuiltIn.ImpliedCountLookup;
        int clause = text.ClauseOf(cue.FirstToken);
        for (int i = cue.FirstToken; i < Math.Min(text.Tokens.Length, cue.EndToken + 4); i++)
        {
            if (text.ClauseOf(i) != clause || text.Tokens[i].Kind is not Arabic.Text.TokenKind.ArabicWord)
            {
                return null; // a number or the clause's end comes first
            }

            var w = text.NormOf(i);
            if (counts.TryGetValue(w, out int n) || (w.Length > 3 && w[0] == 'و' && i > cue.EndToken && counts.TryGetValue(w[1..], out n)))
            {
                return n;
            }

            if (i >= cue.EndToken && doc.Casualties.Any(c => c.Kind != CasualtyKind.Death && c.FirstToken == i))
            {
                return null; // "مقتل وإصابة شخص": the noun belongs to both
            }
        }

        return null;
    }

    /// <summary>
    /// "قتل 29 من الطوارق و8 من التبو": tolls of two sides joined by و, each with its "من X", make one toll.
    /// </summary>
    private static DeathCount Sum(DocumentMentions doc, NumberRef n)
    {
        var count = Count(n);
        var text = doc.Text;
        if (n.EndToken >= text.Tokens.Length || text.NormOf(n.EndToken) is not "من" || n.Qualifier is CountQualifier.UpperBound or CountQualifier.Vague)
        {
            return count;
        }

        var next = doc.Numbers.FirstOrDefault(m => m.FirstToken > n.EndToken && m.FirstToken - n.EndToken <= 4 && text.ClauseOf(m.FirstToken) == text.ClauseOf(n.FirstToken));
        if (next is null || next.Value > MaxCredibleToll || next.Qualifier is CountQualifier.UpperBound or CountQualifier.Vague
            || next.EndToken >= text.Tokens.Length || text.NormOf(next.EndToken) is not "من"
            || !(text.NormOf(next.FirstToken - 1) is "و" || text.Original[next.Span.Start] == '\u0648')
            || doc.Casualties.Any(c => c.Kind != CasualtyKind.Death && c.FirstToken > n.FirstToken && c.FirstToken <= next.EndToken + 3))
        {
            return count;
        }

        var second = Count(next);
        return new DeathCount(count.Fatalities + second.Fatalities, count.Low is { } a && second.Low is { } b ? a + b : null, null, true);
    }

    private static DeathCount Count(NumberRef n)
    {
        int v = (int)Math.Min(n.Value, int.MaxValue);
        return n.Qualifier switch
        {
            CountQualifier.LowerBound => new DeathCount(v, v, null, true),
            CountQualifier.UpperBound => new DeathCount(0, 0, v, true),
            _ when n.High is { } h => new DeathCount(v, v, (int)h, true),
            _ => new DeathCount(v, null, null, true),
        };
    }
}
