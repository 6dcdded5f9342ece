using Rasid.Core;
using Rasid.Extraction.Lexicons;
using Rasid.Extraction.Mentions;

namespace Rasid.Extraction.Stages;

/// <summary>
/// Part of assembly: the checks that keep a trigger word from becoming an event where its context says it is not one —
/// history and purpose ("لاستعادة"), a generic word beside the specific one of the same event, outcomes of an event told
/// before, lists of kinds of violence, and sports or fiction.
/// </summary>
internal static class NonEventFilter
{
    private const int ExposedWindow = 16;

    // A sentence naming a year before the publication year, and no recent day, tells history or background.
    internal static bool IsHistory(DocumentMentions doc, int sentence)
    {
        var text = doc.Text;
        var s = text.Sentences[sentence];
        int published = doc.Document.Published.Year;
        bool oldYear = false;
        for (int i = s.FirstToken; i < s.EndToken; i++)
        {
            if (text.Tokens[i].Kind == Arabic.Text.TokenKind.Number && text.Tokens[i].NormLength == 4
                && int.TryParse(text.NormOf(i), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int y)
                && y >= 1900 && y < published)
            {
                oldYear = true;
                break;
            }
        }

        if (!oldYear)
        {
            return false;
        }

        var recent = doc.Document.Published.AddDays(-60);
        return !doc.Dates.Any(d => d.Start >= recent && text.SentenceOf(d.FirstToken) == sentence);
    }

    /// <summary>
    /// "سمات الرمادي داعش هجوم مسلح": the site's keyword line (tags) after the story is a list of words, no statement.
    /// </summary>
    internal static bool IsTagLine(DocumentMentions doc, int sentence)
    {
        var text = doc.Text;
        return OpensWith(doc, sentence, ContextDomain.Tags)
            && (sentence == text.Sentences.Length - 1 || doc.ParagraphOfSentence[sentence + 1] != doc.ParagraphOfSentence[sentence]);
    }

    /// <summary>
    /// "وتأتي هذه المعارك بعد إعلان ... انطلاق معركة الحسم", "ويأتي استعادة القاعدة بعد أسابيع على تحرير عدن بدعم من
    /// ضربات التحالف": a sentence that opens with "يأتي/تأتي" (comes after, comes amid) sets the news told before in its
    /// context; the events it names are that news again or older ones.
    /// </summary>
    internal static bool IsContextSentence(DocumentMentions doc, int sentence)
    {
        return OpensWith(doc, sentence, ContextDomain.Setting);
    }

    // data/extraction/context-cues.tsv: the sentence's first word is one of the opening words of that kind.
    private static bool OpensWith(DocumentMentions doc, int sentence, ContextDomain kind) =>
        ContextCues.Openings.TryGetValue(doc.Text.NormOf(doc.Text.Sentences[sentence].FirstToken), out var found) && found == kind;

    /// <summary>
    /// "وذلك بعد ثلاثة أيام على إعلان الحكومة تحرير عدن", "بعد يومين من معارك": an event named as the point the news is
    /// dated from happened days before and was told then, so it is no event of this report.
    /// </summary>
    internal static bool IsTemporalAnchor(DocumentMentions doc, TriggerMention t)
    {
        var text = doc.Text;
        int clause = text.ClauseOf(t.FirstToken);
        return doc.RoleBeforeToken.Any(kv => kv.Value == ArgumentRole.Anchor && kv.Key <= t.FirstToken && t.FirstToken - kv.Key <= AnchorReach
            && text.ClauseOf(kv.Key) == clause);
    }

    private const int AnchorReach = 3;

    /// <summary>
    /// "خلال يوليو الماضي", "طوال شهر يوليو": a month's date after a whole-span word (one word, "شهر", may stand between)
    /// counts a month of events, not one.
    /// </summary>
    internal static bool IsMonthTally(DocumentMentions doc, DateRef? date, TimePrecision precision) =>
        precision == TimePrecision.Month && date is not null
        && (IsThroughout(doc, date.FirstToken) || (date.FirstToken > 0 && IsThroughout(doc, date.FirstToken - 1)));

    private static bool IsThroughout(DocumentMentions doc, int token) =>
        doc.RoleBeforeToken.TryGetValue(token, out var role) && role == ArgumentRole.Throughout;

    /// <summary>
    /// A sentence opened by a background cue ("يشار إلى أن", "يذكر أن") that names no day of its own recalls what the
    /// reader already knows (tallies, earlier fighting): no event of this report.
    /// </summary>
    internal static bool IsUndatedBackground(DocumentMentions doc, int sentence)
    {
        var text = doc.Text;
        var s = text.Sentences[sentence];
        bool opened = false;
        for (int k = s.FirstToken + 1; k <= Math.Min(s.EndToken, s.FirstToken + BackgroundCueReach); k++)
        {
            opened |= doc.RoleBeforeToken.TryGetValue(k, out var role) && role == ArgumentRole.Background;
        }

        return opened && !doc.Dates.Any(d => text.SentenceOf(d.FirstToken) == sentence);
    }

    private const int BackgroundCueReach = 3;

    // A trigger with the preposition ل glued to it states a purpose, except after "تعرض" (exposed to: "تعرضت للقصف").
    internal static bool IsPurpose(DocumentMentions doc, TriggerMention t)
    {
        if (t.PrefixLength == 0)
        {
            return false;
        }

        var word = doc.Text.NormOf(t.FirstToken);
        int p = word[0] is 'و' or 'ف' ? 1 : 0;
        if (p >= t.PrefixLength || word[p] != 'ل')
        {
            return false;
        }

        // "تعرضت البلدة للقصف", "تعرض محيط المخيم بريف دمشق للقصف": the exposed thing may stand between the verb and ل,
        // with its place set off by commas ("تعرضت مناطق في قريتي ...، بريف اللاذقية، لقصف جوي").
        int clauseStart = doc.Text.Sentences[doc.Text.SentenceOf(t.FirstToken)].FirstToken;
        for (int k = t.FirstToken - 1; k >= Math.Max(clauseStart, t.FirstToken - ExposedWindow); k--)
        {
            if (doc.Text.NormOf(k).Contains("تعرض", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    // A generic fighting word (clash, attack, killing) beside a weapon word in the same clause names the same event:
    // "قتل 7 أشخاص في قصف عشوائي" is the shelling, not a second event. Likewise a destroyed car bomb that a strike or an
    // operation destroyed, and property burned in a fight, are parts of that event.
    internal static bool IsGenericBesideSpecific(DocumentMentions doc, TriggerMention t, int clause, int sentence, bool namesBothSides)
    {
        var text = doc.Text;
        if (t.Class == TriggerClass.Kill)
        {
            return doc.Triggers.Any(o => o.Class != TriggerClass.Kill && text.SentenceOf(o.FirstToken) == sentence);
        }

        if (t.Class is TriggerClass.Clash or TriggerClass.Attack or TriggerClass.Advance)
        {
            if (IsWeaponOfFight(doc, t))
            {
                return false;
            }

            // Same clause, or a weapon word shortly before in the same sentence ("انفجار سيارة مفخخة، استهدف مركزا").
            // A car bomb destroyed as the outcome of this attack ("هجوم ... أسفر عن تدمير سيارة مفخخة") does not replace it.
            return doc.Triggers.Any(o => !IsWeaponOfFight(doc, o) && o.Class is TriggerClass.Air or TriggerClass.Shell or TriggerClass.Ied or TriggerClass.Suicide
                or TriggerClass.Execution or TriggerClass.Assassination or TriggerClass.Defuse or TriggerClass.Abduction
                && !(o.Class == TriggerClass.Defuse && (IsOutcome(doc, o) || KillsBeside(doc, t)))
                && (text.ClauseOf(o.FirstToken) == clause
                    || (!namesBothSides && text.SentenceOf(o.FirstToken) == sentence && o.FirstToken < t.FirstToken && t.FirstToken - o.EndToken <= 15)
                    || (o.Class is TriggerClass.Execution or TriggerClass.Assassination && text.SentenceOf(o.FirstToken) == sentence)));
        }

        if (t.Class is TriggerClass.Ied && doc.Triggers.Any(o => o.Class is TriggerClass.Air && text.ClauseOf(o.FirstToken) == clause))
        {
            return true; // "انفجارات" caused by an air strike on a depot
        }

        if (t.Class is TriggerClass.Defuse
            && (IsOutcome(doc, t)
                || doc.Triggers.Any(o => o.Class is TriggerClass.Air or TriggerClass.Shell && text.ClauseOf(o.FirstToken) == clause)))
        {
            return true; // "أسفرت عن تدمير سيارة مفخخة", "تدمير سيارة مفخخة بقصف للطيران": an outcome of the strike or operation
        }

        if (t.Class is TriggerClass.Looting && doc.Triggers.Any(o => o.Class is TriggerClass.Clash or TriggerClass.Attack or TriggerClass.Air
            or TriggerClass.Shell or TriggerClass.Ied && text.SentenceOf(o.FirstToken) == sentence))
        {
            return true; // "إحراق دورية ... في كمين": what burned in a fight is part of the fight
        }

        return false;
    }

    /// <summary>
    /// Shells or rockets named beside small arms in a sentence that tells a ground attack or clash ("شنوا هجوما ... استخدم
    /// خلالها أسلحة متوسطة فضلا عن قذائف") are the fight's weapons: the fight is the event, not a shelling of its own.
    /// </summary>
    internal static bool IsWeaponOfFight(DocumentMentions doc, TriggerMention t)
    {
        if (t.Class != TriggerClass.Shell)
        {
            return false;
        }

        var text = doc.Text;
        int clause = text.ClauseOf(t.FirstToken), sentence = text.SentenceOf(t.FirstToken);
        return doc.RoleBeforeToken.Any(kv => kv.Value == ArgumentRole.Arms && kv.Key > 0 && text.ClauseOf(kv.Key - 1) == clause
                && Math.Abs(kv.Key - t.FirstToken) <= ArmsReach)
            && doc.Triggers.Any(o => o.Class is TriggerClass.Attack or TriggerClass.Clash && text.SentenceOf(o.FirstToken) == sentence);
    }

    private const int ArmsReach = 6;

    // "قتل خمسة عناصر أثناء مواجهتهم القوة الأمنية ... وتم ضبط عجلتين مفخختين": a fight with its dead right beside it is an
    // event of its own, not the seizure told after it in the sentence (a seizure kills no one).
    private static bool KillsBeside(DocumentMentions doc, TriggerMention t) =>
        doc.Casualties.Any(c => c.Kind == CasualtyKind.Death && doc.Text.SentenceOf(c.FirstToken) == doc.Text.SentenceOf(t.FirstToken)
            && Math.Abs(c.FirstToken - t.FirstToken) <= KillReach);

    private const int KillReach = 8;

    // A trigger shortly after "أسفر عن", "أدى إلى" in its sentence names an outcome of the event told before it.
    private static bool IsOutcome(DocumentMentions doc, TriggerMention t)
    {
        var text = doc.Text;
        int sentence = text.SentenceOf(t.FirstToken);
        return doc.RoleBeforeToken.Any(kv => kv.Value == ArgumentRole.Result && kv.Key <= t.FirstToken && t.FirstToken - kv.Key <= 12
            && text.SentenceOf(kv.Key) == sentence);
    }

    /// <summary>
    /// Trigger words listed as kinds of violence: three or more joined by "و" or commas ("القتل والخطف والتفجير"), or two
    /// joined by "أو" ("سيارات مفخخة أو أحزمة ناسفة"). A report of incidents names each with its own place or victims.
    /// </summary>
    internal static bool IsInGenericList(DocumentMentions doc, int index)
    {
        var triggers = doc.Triggers;
        int first = index, last = index;
        bool either = false, and = false;
        while (first > 0 && Joined(doc, triggers[first - 1], triggers[first], ref either, ref and))
        {
            first--;
        }

        while (last + 1 < triggers.Count && Joined(doc, triggers[last], triggers[last + 1], ref either, ref and))
        {
            last++;
        }

        // A list joins its last item with و or أو ("القتل، الخطف، والتفجير"); words joined by commas alone are appositions
        // of one incident ("بانفجار سيارة مفخخة، يقودها انتحاري، استهدف مركزا").
        int items = last - first + 1;
        return (items >= 3 && (and || either)) || (items == 2 && either);
    }

    // b follows a directly: glued "و" ("والخطف"), or a lone "و", "أو" or comma between them.
    private static bool Joined(DocumentMentions doc, TriggerMention a, TriggerMention b, ref bool either, ref bool and)
    {
        var text = doc.Text;
        int gap = b.FirstToken - a.EndToken;
        if (gap == 0)
        {
            bool glued = b.PrefixLength > 0 && text.NormOf(b.FirstToken)[0] == 'و';
            and |= glued;
            return glued;
        }

        if (gap != 1)
        {
            return false;
        }

        var between = text.NormOf(a.EndToken);
        if (between is "او")
        {
            either = true;
            return true;
        }

        and |= between is "و";
        return between is "و" or ",";
    }

    /// <summary>
    /// A trigger in a sentence about sports or fiction: in sports talk a weak trigger, an abduction ("خطف اللقب") or a
    /// protest ("الاحتجاج على قرار الحكم") is a metaphor, while a strong air, bomb or killing word still reports violence
    /// (a player killed in an air strike); in a film, series or novel plot nothing is an event.
    /// </summary>
    internal static bool IsMetaphorOrPlot(DocumentMentions doc, TriggerMention t, int sentence)
    {
        if (doc.SentenceContexts.TryGetValue(sentence, out var domain)
            && (domain == ContextDomain.Fiction || !t.Strong || t.Class is TriggerClass.Abduction or TriggerClass.Protest or TriggerClass.Arrest))
        {
            return true;
        }

        return t.Class switch
        {
            // "خطفت الطفلة الأنظار", "اختطف الحوثيون الدولة": a thing as the object, close after the verb in its clause.
            TriggerClass.Abduction => doc.StolenThings.Any(s => s >= t.EndToken && s - t.EndToken < 3 && doc.Text.ClauseOf(s) == doc.Text.ClauseOf(t.FirstToken)),
            // "لقي" kills only with "حتفه" or "مصرعه" after it ("لقي ثلاثة جنود حتفهم"); else it is "لقي ترحيبا", "يلقي كلمة".
            TriggerClass.Kill when IsLaqiya(doc.Text.NormOf(t.FirstToken)) => !FateFollows(doc, t),
            _ => false,
        };
    }

    // The verb لقي in its persons and the imperfect يلقى/يلقي, through a conjunction.
    private static bool IsLaqiya(ReadOnlySpan<char> word)
    {
        if (word.Length > 0 && word[0] is 'و' or 'ف')
        {
            word = word[1..];
        }

        if (word.Length > 0 && word[0] is 'ي' or 'ت' or 'ن')
        {
            word = word[1..];
        }

        return word.StartsWith("لق", StringComparison.Ordinal) && word.Length <= 4;
    }

    private static bool FateFollows(DocumentMentions doc, TriggerMention t)
    {
        var text = doc.Text;
        int clause = text.ClauseOf(t.FirstToken);
        for (int i = t.EndToken; i < Math.Min(text.Tokens.Length, t.EndToken + 5) && text.ClauseOf(i) == clause; i++)
        {
            var w = text.NormOf(i);
            if (w.Contains("حتف", StringComparison.Ordinal) || w.Contains("مصرع", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
