using Rasid.Core;
using Rasid.Extraction.Lexicons;
using Rasid.Extraction.Mentions;

namespace Rasid.Extraction.Stages;

/// <summary>
/// Stage: modality of a trigger. Needs: <see cref="DocumentMentions.Cues"/>, clauses, sentences. Decides whether the text
/// asserts, reports, claims, negates, supposes, doubts or announces the event a trigger names.
/// </summary>
/// <remarks>
/// A cue governs a trigger only when it comes before it in the same sentence and within its scope (the next N tokens of
/// its clause, the rest of its clause, the rest of its sentence); reporting and claiming frames govern their whole
/// sentence ("قتل 5، حسب مصدر"), habitual adverbs and long spans their whole clause ("يقصف النظام المدينة بانتظام"). The strongest commitment-lowering cue wins: negated, then hypothetical, speculative,
/// future; otherwise claimed, then reported, else asserted.
/// </remarks>
internal static class ModalityStage
{
    public static Modality Decide(DocumentMentions doc, int triggerToken)
    {
        var text = doc.Text;
        int sentence = text.SentenceOf(triggerToken);
        int clause = text.ClauseOf(triggerToken);
        Modality? lowering = null;
        bool claimed = false, reported = false;
        foreach (var cue in doc.Cues)
        {
            if (cue.Cue.Modality is not { } m || text.SentenceOf(cue.FirstToken) != sentence)
            {
                continue;
            }

            if (cue.Cue.Scope == CueScope.Anywhere)
            {
                claimed |= m == Modality.Claimed;
                reported |= m == Modality.Reported;
                continue;
            }

            if (cue.EndToken > triggerToken && cue.Cue.Scope != CueScope.WholeClause)
            {
                continue;
            }

            bool governs = cue.Cue.Scope switch
            {
                CueScope.Tokens => text.ClauseOf(cue.FirstToken) == clause && triggerToken - cue.EndToken < cue.Cue.Tokens,
                CueScope.Clause or CueScope.WholeClause => text.ClauseOf(cue.FirstToken) == clause,
                _ => true,
            };
            if (governs && cue.Cue.Scope == CueScope.WholeClause && RelativePronounBetween(doc, cue, triggerToken))
            {
                continue;
            }

            if (governs && WhetherPresupposes(doc, cue, triggerToken))
            {
                continue;
            }

            if (!governs || (cue.Cue.OnlyBeforeImperfect && !NextIsImperfect(doc, cue.EndToken)))
            {
                continue;
            }

            if (lowering is null || Rank(m) < Rank(lowering.Value))
            {
                lowering = m;
            }
        }

        if (lowering is { } low)
        {
            return low;
        }

        if (HasFuturePrefix(doc, triggerToken))
        {
            return Modality.Future; // "ستستعيدها القوات": the future prefix سـ on the trigger verb itself
        }

        return claimed ? Modality.Claimed : reported ? Modality.Reported : Modality.Asserted;
    }

    // "معارك ... مع داعش الذي يسيطر على المدينة منذ العام الماضي": a relative clause between the cue and the trigger
    // carries the span itself; the fighting before it is not made a tally.
    private static bool RelativePronounBetween(DocumentMentions doc, CueMention cue, int triggerToken)
    {
        int from = Math.Min(cue.FirstToken, triggerToken), to = Math.Max(cue.FirstToken, triggerToken);
        foreach (var other in doc.Cues)
        {
            if (other.Cue.IsRelativePronoun && other.FirstToken > from && other.FirstToken < to)
            {
                return true;
            }
        }

        return false;
    }

    // "لم يتضح ما إذا كانت الغارة تمت بطائرة بدون طيار": the question is about a detail of "الغارة", a strike the article
    // (ال) presents as known; the negation before "ما إذا" leaves it standing. An indefinite trigger stays governed.
    private static bool WhetherPresupposes(DocumentMentions doc, CueMention cue, int triggerToken)
    {
        foreach (var other in doc.Cues)
        {
            if (other.Cue.IsWhether && other.FirstToken >= cue.EndToken && other.EndToken <= triggerToken
                && triggerToken - other.EndToken <= WhetherReach && IsDefinite(doc.Text.NormOf(triggerToken)))
            {
                return true;
            }
        }

        return false;
    }

    private const int WhetherReach = 3;

    private static bool IsDefinite(ReadOnlySpan<char> word)
    {
        int p = word.Length > 0 && word[0] is 'و' or 'ف' ? 1 : 0;
        return word.Length > p + 3 && word[p] == 'ا' && word[p + 1] == 'ل';
    }

    private static int Rank(Modality m) => m switch
    {
        Modality.Negated => 0,
        Modality.Hypothetical => 1,
        Modality.Speculative => 2,
        Modality.Future => 3,
        _ => 9,
    };

    // سـ glued to an imperfect verb (سيـ ستـ سنـ, after an optional و/ف) marks the future.
    private static bool HasFuturePrefix(DocumentMentions doc, int token)
    {
        var w = doc.Text.NormOf(token);
        int p = w.Length > 0 && w[0] is 'و' or 'ف' ? 1 : 0;
        return w.Length >= p + 5 && w[p] == 'س' && w[p + 1] is 'ي' or 'ت' or 'ن'
            && TriggerLexicon.BuiltIn.Matcher.TryMatchAt(doc.Text, token, out var m) && m.PrefixLength > p;
    }

    // قد + imperfect (يـ تـ نـ) is possibility; قد + perfect is emphasis ("قد حررت"). An initial alef is left out: news
    // seldom writes the first person, and unvocalized "أطلقوا", "أعلنت" are perfects ("وكان داعش قد أطلقوا").
    private static bool NextIsImperfect(DocumentMentions doc, int token)
    {
        if (token >= doc.Text.Tokens.Length || !doc.Text.Tokens[token].IsWord)
        {
            return false;
        }

        var w = doc.Text.NormOf(token);
        if (w.Length < 3 || w[0] is not ('ي' or 'ت' or 'ن'))
        {
            return false;
        }

        // "قد تمكنت", "قد تقدموا": perfects of the ت-stems (تفعّل, تفاعل) carry a perfect ending.
        return !(w[0] == 'ت' && w.Length >= 5 && (w.EndsWith('ت') || w.EndsWith("وا", StringComparison.Ordinal)));
    }
}
