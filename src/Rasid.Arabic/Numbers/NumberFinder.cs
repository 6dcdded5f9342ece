using System.Globalization;
using Rasid.Arabic.Text;

namespace Rasid.Arabic.Numbers;

/// <summary>
/// Finds counts in analyzed text: digits ("1,200", "1.5 مليون", "3 آلاف"), number words in every gender and case form
/// with their proclitics (وثلاثة، بخمسة، الأربعة), compounds (خمسة وعشرين، ألف وخمسمئة، ثلاث مئة ألف), vague quantities
/// (عشرات، مئات، آلاف، عدة، بضعة، عدد من), qualifiers (نحو، أكثر من، على الأقل …) and ranges (بين 10 و15، 10 إلى 15،
/// 10-15، ثلاثة أو أربعة). Words and cues are data (numbers*.tsv, number-qualifiers.tsv), compiled once.
/// </summary>
/// <remarks>
/// Deliberate limits: a lone "أحد/إحدى" (one of) is not a count — it is only read inside أحد عشر; "الاثنين" with the
/// article is Monday far more often than "the two" in news, so it is not a count; a decimal number ("3.5") is a count only
/// before a multiplier ("1.5 مليون"), and a single dot always marks decimals. Years and day numbers are counts here too:
/// the extractor tells them apart with <see cref="Dates.DateFinder"/>.
/// </remarks>
public static class NumberFinder
{
    private static readonly Lazy<WordTable<string>> Ranges = new(() =>
    {
        var file = NumberLexicon.LoadData("numbers-ranges.tsv", "phrase", "role");
        return WordTable<string>.Build(file.Rows.Select(r => r["role"] is "intro" or "to" or "and" or "or"
            ? (r["phrase"], r["role"])
            : throw r.Error($"role '{r["role"]}' is not intro, to, and or or")));
    });

    /// <summary>All counts, left to right, not overlapping.</summary>
    public static IReadOnlyList<NumberMention> Find(AnalyzedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<NumberMention>? result = null;
        var tokens = text.Tokens;
        for (int i = 0; i < tokens.Length; i++)
        {
            // Only try what can match (STYLE.md §8): one gate lookup for most words.
            if (tokens[i].Kind != TokenKind.Number
                && (tokens[i].Kind != TokenKind.ArabicWord || !NumberLexicon.Starts.TryMatchAt(text, i, Proclitics.All, out _)))
            {
                continue;
            }

            // الخامس عشر، الحادي والعشرين: ordinals are days or ranks, never counts.
            if (tokens[i].Kind == TokenKind.ArabicWord && NumberLexicon.Ordinals.TryMatchAt(text, i, Proclitics.Conjunction | Proclitics.Preposition, out var ord)
                && ord.Value.Kind == NumberWordKind.Ordinal)
            {
                if (TryOrdinalAt(text, i, out _, out int ordEnd))
                {
                    i = ordEnd - 1;
                }

                continue;
            }

            if (TryParseAt(text, i, out var m))
            {
                (result ??= []).Add(m);
                i = m.EndToken - 1;
            }
        }

        return result ?? (IReadOnlyList<NumberMention>)[];
    }

    /// <summary>The count that starts at token <paramref name="start"/> (with its qualifier or range), if one does.</summary>
    public static bool TryParseAt(AnalyzedText text, int start, out NumberMention mention)
    {
        ArgumentNullException.ThrowIfNull(text);
        mention = null!;
        int j = start;
        var qualifier = NumberQualifier.Exact;
        bool qualified = false;
        while (NumberLexicon.QualifiersBefore.TryMatchAt(text, j, Proclitics.Conjunction | Proclitics.Preposition, out var qm))
        {
            if (!qualified)
            {
                qualifier = qm.Value;
                qualified = true;
            }

            j = qm.EndToken;
        }

        int spanStartToken = start;
        int spanStartPrefix = qualified ? PrefixAt(text, start) : 0;
        bool intro = false;
        if (Ranges.Value.TryMatchAt(text, j, Proclitics.Conjunction, out var rm) && rm.Value == "intro"
            && TryCardinalAt(text, rm.EndToken, out var low) && TryRangeEnd(text, low.EndToken, true, out var highAfterIntro)
            && highAfterIntro.Value > low.Value && !low.Vague && !highAfterIntro.Vague)
        {
            intro = true;
            if (!qualified)
            {
                spanStartPrefix = rm.PrefixLength;
            }

            mention = Build(text, spanStartToken, spanStartPrefix, highAfterIntro.EndToken, low.Value, highAfterIntro.Value, qualifier);
            return true;
        }

        if (!TryCardinalAt(text, j, out var number))
        {
            return false;
        }

        if (!qualified)
        {
            spanStartToken = j;
            spanStartPrefix = number.PrefixLength;
        }

        if (!intro && !number.Vague && TryRangeEnd(text, number.EndToken, false, out var high) && high.Value > number.Value && !high.Vague)
        {
            mention = Build(text, spanStartToken, spanStartPrefix, high.EndToken, number.Value, high.Value, qualifier);
            return true;
        }

        var q = number.Vague ? NumberQualifier.Vague : qualifier;
        int end = number.EndToken;
        if (NumberLexicon.QualifiersAfter.TryMatchAt(text, end, Proclitics.Conjunction, out var after))
        {
            q = qualified || number.Vague ? q : after.Value;
            end = after.EndToken;
        }
        else if (end + 1 < text.Tokens.Length && text.Tokens[end].Kind == TokenKind.ArabicWord
                 && !NumberLexicon.Cardinals.TryMatchAt(text, end, Proclitics.All, out _)
                 && NumberLexicon.QualifiersAfter.TryMatchAt(text, end + 1, Proclitics.Conjunction, out var afterNoun))
        {
            // 20 قتيلا على الأقل: the qualifier follows the counted noun; the span stays on the number.
            q = qualified || number.Vague ? q : afterNoun.Value;
        }

        mention = Build(text, spanStartToken, spanStartPrefix, end, number.Value, null, q);
        return true;
    }

    /// <summary>
    /// True when <paramref name="normalizedWord"/> is the dual of <paramref name="normalizedSingular"/> (قتيلان،
    /// قتيلين، والجريحين، طائرتين for طائرة), with proclitics. For a noun with a sound masculine plural (مقاتل → مقاتلين)
    /// the -ين form is plural as often as dual, so pass <paramref name="soundPlural"/> and only -ان counts.
    /// </summary>
    public static bool IsDualOf(ReadOnlySpan<char> normalizedWord, ReadOnlySpan<char> normalizedSingular, bool soundPlural = false)
    {
        if (normalizedSingular.Length < 2)
        {
            return false;
        }

        var stem = normalizedSingular[^1] == ArabicLetters.Heh ? normalizedSingular[..^1] : normalizedSingular;
        bool feminine = stem.Length != normalizedSingular.Length;
        ReadOnlySpan<string> suffixes = soundPlural ? ["ان"] : ["ان", "ين"];
        foreach (var suffix in suffixes)
        {
            if (!normalizedWord.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var body = normalizedWord[..^suffix.Length];
            if (feminine)
            {
                if (body.Length == 0 || body[^1] != ArabicLetters.Teh)
                {
                    continue;
                }

                body = body[..^1];
            }

            if (body.EndsWith(stem, StringComparison.Ordinal) && IsProcliticRun(body[..^stem.Length]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>IsDualOf on a token, the singular written in any form (it is normalized here).</summary>
    public static bool IsDualOf(AnalyzedText text, int token, string singular, bool soundPlural = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IsDualOf(text.NormOf(token), ArabicNormalizer.NormalizeKey(singular), soundPlural);
    }

    /// <summary>
    /// An ordinal at <paramref name="start"/> as days are written (الأول، الخامس عشر، الحادي والعشرين، الثلاثين), 1..39.
    /// Ordinals are not counts, so <see cref="Find"/> never returns them.
    /// </summary>
    public static bool TryOrdinalAt(AnalyzedText text, int start, out int value, out int endToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = 0;
        endToken = start;
        if (!NumberLexicon.Ordinals.TryMatchAt(text, start, Proclitics.Conjunction | Proclitics.Preposition, out var m))
        {
            return false;
        }

        int v = (int)m.Value.Value;
        int end = m.EndToken;
        if (m.Value.Kind == NumberWordKind.Ordinal && end < text.Tokens.Length)
        {
            if (NumberLexicon.Cardinals.TryMatchAt(text, end, Proclitics.None, out var ten) && ten.Value.Kind == NumberWordKind.Ten)
            {
                v += 10;
                end = ten.EndToken;
            }
            else if (NumberLexicon.Ordinals.TryMatchAt(text, end, Proclitics.Conjunction, out var tens)
                     && tens.Value.Kind == NumberWordKind.Tens && tens.HasConjunction(text))
            {
                v += (int)tens.Value.Value;
                end = tens.EndToken;
            }
            else if (IsHadi(text, start))
            {
                return false; // الحادي alone is not a day
            }
        }

        value = v;
        endToken = end;
        return true;
    }

    /// <summary>A plain cardinal (digits or words, no qualifier or range) at <paramref name="start"/>.</summary>
    internal static bool TryCardinalAt(AnalyzedText text, int start, out Cardinal cardinal)
    {
        cardinal = default;
        if ((uint)start >= (uint)text.Tokens.Length)
        {
            return false;
        }

        var tok = text.Tokens[start];
        if (tok.Kind == TokenKind.Number)
        {
            return TryDigitsAt(text, start, out cardinal);
        }

        return tok.Kind == TokenKind.ArabicWord && TryWordsAt(text, start, out cardinal);
    }

    private static bool IsHadi(AnalyzedText text, int start)
    {
        var w = text.NormOf(start);
        return w.EndsWith("حادي", StringComparison.Ordinal) || w.EndsWith("حاديه", StringComparison.Ordinal);
    }

    private static bool TryRangeEnd(AnalyzedText text, int k, bool afterIntro, out Cardinal high)
    {
        high = default;
        if (k >= text.Tokens.Length)
        {
            return false;
        }

        var tok = text.Tokens[k];
        if (tok.Kind == TokenKind.Punctuation)
        {
            // 10-15 (but not 26-4-2017, a date)
            var p = text.NormOf(k);
            return p is "-" or "–" && k > 0 && text.Tokens[k - 1].Kind == TokenKind.Number
                && TryDigitsAt(text, k + 1, out high)
                && !(high.EndToken + 1 < text.Tokens.Length && text.NormOf(high.EndToken) is "-" or "–" or "/"
                     && text.Tokens[high.EndToken + 1].Kind == TokenKind.Number);
        }

        if (Ranges.Value.TryMatchAt(text, k, Proclitics.Conjunction, out var conn) && conn.Value is "to" or "or" or "and")
        {
            if (conn.Value == "and" && !afterIntro)
            {
                return false;
            }

            return TryCardinalAt(text, conn.EndToken, out high);
        }

        // بين خمسة وعشرة: the conjunction is glued to the second number.
        if (afterIntro && tok.Kind == TokenKind.ArabicWord && text.NormOf(k)[0] == ArabicLetters.Waw
            && TryWordsAt(text, k, out high) && high.PrefixLength == 1)
        {
            return true;
        }

        return false;
    }

    private static bool TryDigitsAt(AnalyzedText text, int start, out Cardinal cardinal)
    {
        cardinal = default;
        if ((uint)start >= (uint)text.Tokens.Length || text.Tokens[start].Kind != TokenKind.Number
            || !TryParseDigits(text.NormOf(start), out long whole, out decimal exact, out bool isDecimal))
        {
            return false;
        }

        int end = start + 1;
        if (NumberLexicon.Cardinals.TryMatchAt(text, end, Proclitics.None, out var mult) && mult.Value.IsMultiplier)
        {
            decimal scaled = exact * mult.Value.Scale;
            if (scaled > long.MaxValue / 2)
            {
                return false;
            }

            cardinal = new Cardinal((long)scaled, mult.EndToken, 0, false);
            return true;
        }

        if (isDecimal)
        {
            return false;
        }

        cardinal = new Cardinal(whole, end, 0, false);
        return true;
    }

    /// <summary>Digits with thousands separators (1,200 or 1.200.000) or one decimal point (3.5).</summary>
    internal static bool TryParseDigits(ReadOnlySpan<char> s, out long whole, out decimal exact, out bool isDecimal)
    {
        whole = 0;
        exact = 0;
        isDecimal = false;
        int commas = s.Count(','), dots = s.Count('.');
        if (s.Length == 0 || (commas > 0 && dots > 0))
        {
            return false;
        }

        if (commas > 0 || dots > 1)
        {
            char sep = commas > 0 ? ',' : '.';
            int first = s.IndexOf(sep);
            if (first is 0 or > 3)
            {
                return false;
            }

            var rest = s[first..];
            for (int i = 0; i < rest.Length; i += 4)
            {
                if (rest[i] != sep || i + 4 > rest.Length || rest.Slice(i + 1, 3).IndexOfAnyExceptInRange('0', '9') >= 0)
                {
                    return false;
                }
            }

            Span<char> digits = stackalloc char[s.Length];
            int n = 0;
            foreach (var c in s)
            {
                if (c != sep)
                {
                    digits[n++] = c;
                }
            }

            if (n > 15 || !long.TryParse(digits[..n], NumberStyles.None, CultureInfo.InvariantCulture, out whole))
            {
                return false;
            }

            exact = whole;
            return true;
        }

        if (dots == 1)
        {
            if (s.Length > 20 || !decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out exact))
            {
                return false;
            }

            isDecimal = true;
            whole = (long)decimal.Truncate(exact);
            return true;
        }

        if (s.Length > 15 || !long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out whole))
        {
            return false;
        }

        exact = whole;
        return true;
    }

    private static bool TryWordsAt(AnalyzedText text, int start, out Cardinal cardinal)
    {
        cardinal = default;
        var table = NumberLexicon.Cardinals;
        if (!table.TryMatchAt(text, start, Proclitics.All, out var first))
        {
            return false;
        }

        var w = first.Value;
        var proclitics = text.NormOf(start)[..first.PrefixLength];
        if (first.StrippedArticle && ((w.Kind == NumberWordKind.Vague && w.Value == 10)
                                      || (w.Kind == NumberWordKind.Unit && w.Value == 2 && text.NormOf(start).EndsWith("اثنين", StringComparison.Ordinal))
                                      || w.Kind == NumberWordKind.Hundred))
        {
            return false; // العدة (equipment), الاثنين (Monday), في المئة / بالمئة (percent)
        }

        // Homographs once ة is folded to ه: كميات (quantities) is not ك + مئات, بعده (after it) not ب + عدة.
        if (proclitics.Contains(ArabicLetters.Kaf) || (w.Kind == NumberWordKind.Vague && w.Value == 10 && proclitics.EndsWith([ArabicLetters.Beh])))
        {
            return false;
        }

        int prefix = first.PrefixLength;
        int end = first.EndToken;
        switch (w.Kind)
        {
            case NumberWordKind.Vague:
            {
                long v = w.Value;
                if (table.TryMatchAt(text, end, Proclitics.Article, out var of) && of.Value.Kind is NumberWordKind.Thousands or NumberWordKind.Millions or NumberWordKind.Billions)
                {
                    v *= of.Value.Scale; // عشرات الآلاف
                    end = of.EndToken;
                }

                cardinal = new Cardinal(v, end, prefix, true);
                return true;
            }

            case NumberWordKind.Thousands or NumberWordKind.Millions or NumberWordKind.Billions:
                cardinal = new Cardinal(w.Scale, end, prefix, true); // آلاف المدنيين
                return true;
            case NumberWordKind.Ordinal:
                return false;
        }

        long total = 0, group = 0, lastScale = long.MaxValue;
        int slot = 4; // 3 hundreds, 2 units/teens, 1 tens, 4 = start of a group
        long lastUnit = 0;
        if (!Add(w, ref total, ref group, ref slot, ref lastScale, ref lastUnit, text, ref end, table))
        {
            return false;
        }

        while (end < text.Tokens.Length)
        {
            // خمسة و عشرين: a free-standing و joins like a glued one.
            bool looseWaw = text.Tokens[end].Kind == TokenKind.ArabicWord && text.NormOf(end) is "و" && end + 1 < text.Tokens.Length;
            WordMatch<NumberWord> next;
            if (looseWaw)
            {
                if (!table.TryMatchAt(text, end + 1, Proclitics.None, out next))
                {
                    break;
                }
            }
            else if (!(text.Tokens[end].Kind == TokenKind.ArabicWord && text.NormOf(end)[0] == ArabicLetters.Waw
                       && table.TryMatchStripped(text, end, 1, out next))
                     && !table.TryMatchAt(text, end, Proclitics.None, out next))
            {
                break; // a glued و is read first: وأحد عشر is و + أحد عشر, not واحد
            }

            bool conj = looseWaw || next.PrefixLength > 0;
            if (conj && !looseWaw && text.NormOf(end)[0] != ArabicLetters.Waw)
            {
                break;
            }

            var nw = next.Value;
            if (!conj)
            {
                if (nw.IsMultiplier && group > 0 && nw.Scale < lastScale
                    && (nw.Kind is not (NumberWordKind.Thousands or NumberWordKind.Millions or NumberWordKind.Billions) || group % 100 is >= 3 and <= 10))
                {
                    total += group * nw.Scale;
                    group = 0;
                    slot = 4;
                    lastScale = nw.Scale;
                    lastUnit = 0;
                    end = next.EndToken;
                    continue;
                }

                if (nw.Kind == NumberWordKind.Ten && lastUnit > 0 && lastUnit < 10)
                {
                    group += 10; // ألف وثلاثة عشر
                    lastUnit = 0;
                    end = next.EndToken;
                    continue;
                }

                if (nw.Kind == NumberWordKind.Hundred && lastUnit is > 2 and < 10 && slot == 2)
                {
                    group += (lastUnit * 100) - lastUnit; // ألف وثلاث مئة
                    slot = 3;
                    lastUnit = 0;
                    end = next.EndToken;
                    continue;
                }

                break;
            }

            int saved = end;
            end = next.EndToken;
            if (!Add(nw, ref total, ref group, ref slot, ref lastScale, ref lastUnit, text, ref end, table))
            {
                end = saved;
                break;
            }
        }

        cardinal = new Cardinal(total + group, end, prefix, false);
        return true;
    }

    // Adds one component that starts a number or follows و. Returns false when it cannot follow what came before.
    private static bool Add(NumberWord w, ref long total, ref long group, ref int slot, ref long lastScale, ref long lastUnit,
        AnalyzedText text, ref int end, WordTable<NumberWord> table)
    {
        int newSlot = w.Kind switch
        {
            NumberWordKind.Unit or NumberWordKind.TeenUnit or NumberWordKind.Ten => 2,
            NumberWordKind.Tens => 1,
            NumberWordKind.Hundred or NumberWordKind.Hundreds => 3,
            _ => 4,
        };
        if (newSlot < 4)
        {
            if (newSlot >= slot)
            {
                return false;
            }

            // A unit right before عشر is a teen (ثلاثة عشر، أحد عشر); before مئة, hundreds (ثلاث مئة).
            long v = w.Value;
            WordMatch<NumberWord> glued = default;
            bool hasNext = end < text.Tokens.Length && table.TryMatchAt(text, end, Proclitics.None, out glued);
            if (w.Kind is NumberWordKind.Unit or NumberWordKind.TeenUnit && hasNext && glued.Value.Kind == NumberWordKind.Ten && text.Tokens[end].Kind == TokenKind.ArabicWord)
            {
                v += 10;
                end = glued.EndToken;
                lastUnit = 0;
            }
            else if (w.Kind == NumberWordKind.Unit && v > 2 && hasNext && glued.Value.Kind == NumberWordKind.Hundred)
            {
                v *= 100;
                newSlot = 3;
                end = glued.EndToken;
                lastUnit = 0;
            }
            else if (w.Kind == NumberWordKind.TeenUnit)
            {
                return false;
            }
            else
            {
                lastUnit = w.Kind == NumberWordKind.Unit ? v : 0;
            }

            group += v;
            slot = newSlot;
            return true;
        }

        // A multiplier that starts a group on its own: ألف، ألفين، مليون، مليونين.
        if (group != 0 || w.Scale >= lastScale)
        {
            return false;
        }

        if (w.IsDualMultiplier)
        {
            total += w.Value;
        }
        else if (w.Kind is NumberWordKind.Thousand or NumberWordKind.Million or NumberWordKind.Billion)
        {
            total += w.Scale;
        }
        else
        {
            return false;
        }

        lastScale = w.Scale;
        slot = 4;
        lastUnit = 0;
        return true;
    }

    private static NumberMention Build(AnalyzedText text, int firstToken, int prefix, int endToken, long value, long? high, NumberQualifier q)
    {
        var t0 = text.Tokens[firstToken];
        var tl = text.Tokens[endToken - 1];
        var span = text.Normalized.ToOriginal(t0.NormStart + prefix, tl.NormEnd);
        return new NumberMention(span, firstToken, endToken, value, high, q);
    }

    private static int PrefixAt(AnalyzedText text, int start) =>
        NumberLexicon.QualifiersBefore.TryMatchAt(text, start, Proclitics.Conjunction | Proclitics.Preposition, out var m) ? m.PrefixLength : 0;

    private static bool IsProcliticRun(ReadOnlySpan<char> p)
    {
        int i = 0;
        if (i < p.Length && p[i] is ArabicLetters.Waw or ArabicLetters.Feh)
        {
            i++;
        }

        if (i + 1 < p.Length && p[i] == ArabicLetters.Lam && p[i + 1] == ArabicLetters.Lam && i + 2 == p.Length)
        {
            return true; // لل
        }

        if (i < p.Length && p[i] is ArabicLetters.Beh or ArabicLetters.Lam or ArabicLetters.Kaf)
        {
            i++;
        }

        if (i + 1 < p.Length && p[i] == ArabicLetters.Alef && p[i + 1] == ArabicLetters.Lam)
        {
            i += 2;
        }

        return i == p.Length;
    }
}

/// <summary>A plain cardinal: its value, the token after it, the proclitic length on its first token, and whether it is vague.</summary>
internal readonly record struct Cardinal(long Value, int EndToken, int PrefixLength, bool Vague);
