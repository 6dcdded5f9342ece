using Rasid.Extraction.Lexicons;
using Rasid.Extraction.Mentions;

namespace Rasid.Extraction.Stages;

/// <summary>
/// Stage: triggers. Needs: tokens, clauses. Adds: <see cref="DocumentMentions.Triggers"/> and <see cref="DocumentMentions.Blocks"/> — trigger words of
/// data/extraction/triggers.tsv, without the phrases that only state a condition ("تحت سيطرة"), combined where two words
/// name one event: a destroyed/defused bomb ("تفكيك عبوة ناسفة") is disrupted weapons use, a car bomb driven by a suicide
/// bomber is one suicide bombing, a foiled or repelled attack ("أحبطت هجوما", "صد هجوما") is a clash; a gathering is a protest only with a demand in its sentence
/// ("احتشد المئات ... مطالبين"), bodies found are a killing only with a sign of violence ("عثر على جثث ... بطلقات نارية").
/// </summary>
internal static class TriggerStage
{
    private const int CombineWindow = 5;

    private const int SeizedObjectWindow = 8;

    private const int AirSubjectGap = 1;

    public static void Run(DocumentMentions doc)
    {
        var text = doc.Text;
        var all = TriggerLexicon.BuiltIn.Matcher.FindAll(text)
            .Select(m => new TriggerMention(m.FirstToken, m.EndToken, m.Span, m.Value.Class, m.Value.Strong, m.Value.Kills, m.PrefixLength))
            .ToList();
        doc.Blocks = all.Where(t => t.Class == TriggerClass.Block).ToList();
        var cues = all.Where(t => t.Class is TriggerClass.Demand or TriggerClass.ViolenceSign or TriggerClass.SmallArms).ToList();
        var raw = all.Where(t => t.Class is not (TriggerClass.Block or TriggerClass.Demand or TriggerClass.ViolenceSign or TriggerClass.SmallArms)).ToList();

        var result = new List<TriggerMention>(raw.Count);
        for (int i = 0; i < raw.Count; i++)
        {
            var t = raw[i];
            if (t.Class is TriggerClass.Defuse or TriggerClass.Repel && NextInClause(text, raw, i, TriggerClass.Attack, TriggerClass.Clash) is { } attack
                && NextInClause(text, raw, attack, TriggerClass.Ied, TriggerClass.Suicide) is null)
            {
                // "أحبطت القوات هجوما", "صد الجيش هجوما": an attack beaten back is a fight, not a stopped weapon (unless
                // the attack is a bomb: "أحبطت هجوما بسيارة مفخخة" stays disrupted weapons use).
                result.Add(t with { Class = TriggerClass.Clash, EndToken = raw[attack].EndToken, Span = t.Span.Union(raw[attack].Span) });
                i = attack;
                continue;
            }

            if (t.Class == TriggerClass.Repel)
            {
                continue; // "صد" with no attack after it names no event
            }

            if (t.Class == TriggerClass.Defuse)
            {
                // "تدمير خمس عجلات مفخخة": the explosive that follows closely in the same clause was stopped, not used.
                int j = i + 1;
                if (NextInClause(text, raw, i, TriggerClass.Attack) is { } a && NextInClause(text, raw, a, TriggerClass.Ied, TriggerClass.Suicide) is { } bomb)
                {
                    j = bomb; // "أحبطت هجوما بسيارة مفخخة": the bomb of the foiled attack
                }

                // The seizing verb's subject, place and time may stand before its object: "ضبطت القوات الأمنية في بغداد أمس عبوات".
                if (j < raw.Count && raw[j].Class is TriggerClass.Ied or TriggerClass.Suicide
                    && raw[j].FirstToken - raw[j - 1].EndToken <= SeizedObjectWindow && text.ClauseOf(raw[j].FirstToken) == text.ClauseOf(t.FirstToken))
                {
                    // "ضبط عشرات العبوات والسيارات المفخخة وحزام ناسف مع الانتحاري": every explosive of the seized list
                    // that follows closely in the clause was seized too, none of them used.
                    while (j + 1 < raw.Count && raw[j + 1].Class is TriggerClass.Ied or TriggerClass.Suicide
                        && raw[j + 1].FirstToken - raw[j].EndToken <= CombineWindow && text.ClauseOf(raw[j + 1].FirstToken) == text.ClauseOf(t.FirstToken))
                    {
                        j++;
                    }

                    result.Add(t with { EndToken = raw[j].EndToken, Span = t.Span.Union(raw[j].Span), Strong = true });
                    i = j;
                }
                else if (doc.Actors.Any(a => a.Entry.Air && text.ClauseOf(a.FirstToken) == text.ClauseOf(t.FirstToken)
                    && a.FirstToken >= t.EndToken && a.FirstToken - t.EndToken <= AirSubjectGap))
                {
                    // "ودمر طيران التحالف دبابتين": what an air force destroys, it destroys in a strike.
                    result.Add(t with { Class = TriggerClass.Air });
                }

                continue;
            }

            if (t.Class == TriggerClass.Shell && InSentence(text, t, cues, TriggerClass.SmallArms)
                && raw.Take(i).Any(o => o.Class is TriggerClass.Attack or TriggerClass.Clash && text.SentenceOf(o.FirstToken) == text.SentenceOf(t.FirstToken)))
            {
                continue; // "شنوا هجوما ... استخدموا خلاله أسلحة متوسطة وقذائف": shells among small arms are weapons of the ground attack
            }

            if (t.Class == TriggerClass.Attack && t.EndToken < text.Tokens.Length && text.NormOf(t.EndToken) is { } next
                && (next.StartsWith("مدفعي", StringComparison.Ordinal) || next.StartsWith("المدفعي", StringComparison.Ordinal)))
            {
                result.Add(t with { Class = TriggerClass.Shell }); // "استهدفت مدفعية القوات المسلحة مواقع": the artillery fires
                continue;
            }

            if (t.Class == TriggerClass.Gathering)
            {
                // "احتشد المئات ... مطالبين بـ": a crowd with a demand is a protest; a crowd at a festival or a match is not.
                if (InSentence(text, t, cues, TriggerClass.Demand) || InSentence(text, t, raw, TriggerClass.Protest))
                {
                    result.Add(t with { Class = TriggerClass.Protest, Strong = true });
                }

                continue;
            }

            if (t.Class == TriggerClass.Bodies)
            {
                // "عثر على جثتي رجلين قضيا رميا بالرصاص": bodies with a sign of violence are a killing; a drowned or dead
                // body found ("عثر على جثة طفل غريق") is not.
                // The sign must be told of these bodies, in their clause: a toll of other incidents in the same sentence
                // ("لقي 6 مصرعهم ... في حين عثر على جثتين") is no sign.
                if (InClause(text, t, cues, TriggerClass.ViolenceSign)
                    || InClause(text, t, raw, TriggerClass.Execution, TriggerClass.Attack, TriggerClass.Kill, TriggerClass.Assassination))
                {
                    result.Add(t with { Strong = true });
                }

                continue;
            }

            result.Add(t);
        }

        // The shooting or killing words that show bodies died violently are told of the bodies' killing, not a second
        // event (and not one by the police who found them: "عثرت الشرطة على جثث ... أعدموا رميا بالرصاص").
        var bodies = result.Where(t => t.Class == TriggerClass.Bodies).Select(t => text.ClauseOf(t.FirstToken)).ToHashSet();
        if (bodies.Count > 0)
        {
            result.RemoveAll(t => t.Class is TriggerClass.Execution or TriggerClass.Attack or TriggerClass.Kill or TriggerClass.Assassination
                && bodies.Contains(text.ClauseOf(t.FirstToken)));
        }

        doc.Triggers = result;
    }

    private static bool InClause(Arabic.Text.AnalyzedText text, TriggerMention t, List<TriggerMention> others, params TriggerClass[] classes)
    {
        int clause = text.ClauseOf(t.FirstToken);
        return others.Any(o => o != t && classes.Contains(o.Class) && text.ClauseOf(o.FirstToken) == clause);
    }

    private static bool InSentence(Arabic.Text.AnalyzedText text, TriggerMention t, List<TriggerMention> others, params TriggerClass[] classes)
    {
        int sentence = text.SentenceOf(t.FirstToken);
        return others.Any(o => o != t && classes.Contains(o.Class) && text.SentenceOf(o.FirstToken) == sentence);
    }

    // The index of the next trigger when it is of one of the classes, close after raw[i] in the same clause ("أحبطت القوات
    // المشتركة أمس محاولات هجوم"), else null.
    private static int? NextInClause(Arabic.Text.AnalyzedText text, List<TriggerMention> raw, int i, params TriggerClass[] classes)
    {
        int j = i + 1;
        return j < raw.Count && classes.Contains(raw[j].Class) && raw[j].FirstToken - raw[i].EndToken <= CombineWindow
            && text.ClauseOf(raw[j].FirstToken) == text.ClauseOf(raw[i].FirstToken) ? j : null;
    }
}
