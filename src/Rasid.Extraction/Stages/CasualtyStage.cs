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

            var n = NumberBeside(doc, cue);
            int distance = Math.Abs(cue.FirstToken - trigger.FirstToken) + (text.ClauseOf(cue.FirstToken) == clause ? 0 : 1000);
            if (n is null || distance >= bestDistance)
            {
                continue;
            }

            best = Count(n);
            bestDistance = distance;
        }

        return best ?? new DeathCount(0, null, null, false);
    }

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
            else if (n.EndToken <= cue.FirstToken && cue.FirstToken - n.EndToken < Adjacent)
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

            bool injury = doc.Casualties.Any(c => c.Kind != CasualtyKind.Death
                && Math.Min(Math.Abs(c.FirstToken - n.EndToken), Math.Abs(n.FirstToken - c.EndToken)) < Math.Min(Math.Abs(cue.FirstToken - n.EndToken), Math.Abs(n.FirstToken - cue.EndToken)));
            if (!injury)
            {
                return n;
            }
        }

        return null;
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
