using Rasid.Arabic.Numbers;
using Rasid.Arabic.Text;
using Rasid.Core;

namespace Rasid.Arabic.Dates;

/// <summary>
/// Finds date expressions and resolves them against the publication date (time is an input: nothing here reads the
/// clock). Day + month (+ year) in the Gregorian, Levantine and Maghrebi month names, with the double forms news writes
/// ("26 نيسان\ أبريل"، "أبريل (نيسان)"); Hijri dates (converted with Umm al-Qura); numeric dates; weekdays; relative
/// expressions (أمس، الأسبوع الماضي، منذ ثلاثة أيام، خلال الأيام الثلاثة الماضية، مطلع الشهر); ranges; months and years
/// alone. Words and cues are data (months.tsv, date-*.tsv), compiled once.
/// </summary>
/// <remarks>
/// Resolution rules: a day-month without a year is the latest such day on or before publication (up to
/// <see cref="CalendarMath.FutureToleranceDays"/> after it still counts as this year); with الماضي it is strictly before
/// publication, with المقبل strictly after. A weekday is the latest such day on or before publication (المقبل: the next
/// one). Periods are calendar weeks (from Saturday), months and years; past-tense periods that contain the publication
/// date end on it. An impossible date ("32 شباط"، Hijri year 9999) yields no mention.
/// </remarks>
public static class DateFinder
{
    private const Proclitics Clitics = Proclitics.Conjunction | Proclitics.Preposition;

    /// <summary>All date expressions, left to right, not overlapping.</summary>
    public static IReadOnlyList<DateMention> Find(AnalyzedText text, DateOnly published)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<DateMention>? result = null;
        var tokens = text.Tokens;
        for (int i = 0; i < tokens.Length; i++)
        {
            var kind = tokens[i].Kind;
            // A number word opens "الثلاثة أيام الماضية", "خمسة أيام مضت" too.
            if (kind == TokenKind.Number || (kind == TokenKind.ArabicWord && (DateLexicon.Starts.TryMatchAt(text, i, Proclitics.All, out _)
                || NumberLexicon.Cardinals.TryMatchAt(text, i, Proclitics.All, out _))))
            {
                if (TryParseAt(text, i, published, out var m))
                {
                    (result ??= []).Add(m);
                    i = m.EndToken - 1;
                }
            }
        }

        return result ?? (IReadOnlyList<DateMention>)[];
    }

    /// <summary>The date expression that starts at token <paramref name="start"/>, if one does.</summary>
    internal static bool TryParseAt(AnalyzedText text, int start, DateOnly pub, out DateMention mention)
    {
        var tok = text.Tokens[start];
        if (tok.Kind == TokenKind.Number)
        {
            return TryNumeric(text, start, pub, out mention)
                || TryDayMonth(text, start, pub, allowAnd: false, out mention)
                || TryLastDays(text, start, pub, out mention)
                || TryYearOnly(text, start, pub, out mention);
        }

        mention = null!;
        if (tok.Kind != TokenKind.ArabicWord)
        {
            return false;
        }

        if (TryRelative(text, start, pub, out mention) || TryLastDays(text, start, pub, out mention) || TryWeekOfMonth(text, start, pub, out mention))
        {
            return true;
        }

        if (DateLexicon.Cues.TryMatchAt(text, start, Clitics, out var cue))
        {
            switch (cue.Value)
            {
                case CueRole.Since when TrySince(text, cue, pub, out mention):
                case CueRole.Ago when TryAgo(text, cue, pub, out mention):
                case CueRole.Between or CueRole.From when TryIntroRange(text, cue, pub, out mention):
                case CueRole.DayWord when TryAfterDayWord(text, cue, pub, out mention):
                case CueRole.Early or CueRole.Mid or CueRole.Late when TryPartOfPeriod(text, cue, pub, out mention):
                case CueRole.Year when TryYearOnly(text, cue.EndToken, pub, out mention):
                    if (cue.Value == CueRole.Year)
                    {
                        mention = mention with { Span = SpanOf(text, start, cue.PrefixLength, mention.EndToken), FirstToken = start };
                    }

                    return true;
                case CueRole.Since or CueRole.Ago or CueRole.Between or CueRole.From or CueRole.During or CueRole.Year:
                    return false; // these words start nothing else (من، قبل، منذ، خلال)
            }
        }

        return TryPartOfDay(text, start, pub, out mention)
            || TryWeekdayPair(text, start, pub, out mention)
            || TryWeekday(text, start, pub, cueBefore: false, out mention)
            || TryDayMonth(text, start, pub, allowAnd: false, out mention)
            || TryMonthOnly(text, start, pub, out mention);
    }

    // ---- day + month (+ year), day ranges inside a month, date-to-date ranges ----

    private static bool TryDayMonth(AnalyzedText text, int start, DateOnly pub, bool allowAnd, out DateMention mention)
    {
        mention = null!;
        if (!TryDay(text, start, out int day, out int k, out int prefix))
        {
            return false;
        }

        // A second day before the month: 22-26 نيسان، 22 و23 نيسان، من 22 إلى 26 نيسان.
        int day2 = 0;
        if (TryConnector(text, k, allowAnd: true, out int afterConn) && TryDay(text, afterConn, out int d2, out int k2, out _)
            && PeekMonth(text, k2))
        {
            day2 = d2;
            k = k2;
        }

        if (!TryMonthAfterDay(text, k, out var month, out int end))
        {
            return day2 == 0 && TryDayOfRelativeMonth(text, start, prefix, day, k, pub, out mention);
        }

        var spec = TryYearSpec(text, end, pub, month.IsHijri, out end);
        if (!TryResolveDay(pub, month.IsHijri, month.Month, day, spec, out var date))
        {
            return false;
        }

        var kind = month.IsHijri ? DateExpressionKind.Hijri : DateExpressionKind.Absolute;
        var last = date;
        if (day2 > 0)
        {
            // The second day is in the same month: it must follow the first and exist in that month.
            if (day2 <= day || day2 > DaysIn(date.AddDays(1 - day), month.IsHijri))
            {
                return false;
            }

            last = date.AddDays(day2 - day);
            kind = DateExpressionKind.Range;
        }
        else if (TryDateRangeEnd(text, end, pub, allowAnd, out var other)
                 && (other.Kind == DateExpressionKind.Hijri) == month.IsHijri) // شوال 1354 - 31 ديسمبر 1935 restates one day
        {
            // بين 14 يونيو و15 يوليو 2018: a year written once, at the end, holds for both days.
            if (spec.Mode == YearMode.None && !month.IsHijri && other.End.Year != date.Year
                && TryResolveDay(pub, false, month.Month, day, new YearSpec(YearMode.Explicit, other.End.Year), out var sameYear))
            {
                date = sameYear > other.End && TryResolveDay(pub, false, month.Month, day, new YearSpec(YearMode.Explicit, other.End.Year - 1), out var yearBefore)
                    ? yearBefore
                    : sameYear;
            }

            if (other.End >= date)
            {
                last = other.End;
                end = other.EndToken;
                kind = DateExpressionKind.Range;
            }
        }

        mention = Make(text, start, prefix, end, date, last, kind);
        return true;
    }

    // "في الثامن من الشهر الجاري", "العاشر من الشهر الماضي": a day of a month named relative to publication.
    private static bool TryDayOfRelativeMonth(AnalyzedText text, int start, int prefix, int day, int k, DateOnly pub, out DateMention mention)
    {
        mention = null!;
        if (prefix > 0 && text.NormOf(start)[0] == 'و' && start > 0 && NumberFinder.TryOrdinalAt(text, start - 1, out _, out _))
        {
            return false; // "الثامن والعشرين": the tens are the tail of the day before them, not a day of their own
        }

        if (IsCue(text, k, CueRole.From, out int afterFrom))
        {
            k = afterFrom;
        }

        if (!TryRelative(text, k, pub, out var month) || month.Precision != TimePrecision.Month || month.Start.Day != 1
            || day > DaysIn(month.Start, false))
        {
            return false;
        }

        var date = month.Start.AddDays(day - 1);
        if (date > pub)
        {
            return false; // "the 28th of this month" told on the 10th is not yet a date of the news
        }

        mention = Make(text, start, prefix, month.EndToken, date, date, DateExpressionKind.Absolute);
        return true;
    }

    // A date after a connector that closes a range: "… إلى 3 أيار"، "… - 26/4/2017".
    private static bool TryDateRangeEnd(AnalyzedText text, int k, DateOnly pub, bool allowAnd, out DateMention other)
    {
        other = null!;
        return TryConnector(text, k, allowAnd, out int after)
            && (TryNumeric(text, after, pub, out other) || TryDayMonth(text, after, pub, allowAnd: false, out other));
    }

    private static bool TryIntroRange(AnalyzedText text, WordMatch<CueRole> cue, DateOnly pub, out DateMention mention)
    {
        mention = null!;
        int k = cue.EndToken;
        if (k >= text.Tokens.Length)
        {
            return false;
        }

        bool found = TryNumeric(text, k, pub, out var inner) || TryDayMonth(text, k, pub, allowAnd: cue.Value == CueRole.Between, out inner);
        if (!found)
        {
            return TryDayToDay(text, cue, pub, out mention);
        }

        if (inner.Kind != DateExpressionKind.Range && TryDateRangeEnd(text, inner.EndToken, pub, cue.Value == CueRole.Between, out var other)
            && other.End >= inner.Start)
        {
            inner = inner with { End = other.End, EndToken = other.EndToken, Kind = DateExpressionKind.Range };
        }

        if (inner.Kind != DateExpressionKind.Range)
        {
            return false; // "من 22 نيسان" alone: the date is found at its own token
        }

        mention = Make(text, cue.FirstToken, cue.PrefixLength, inner.EndToken, inner.Start, inner.End, DateExpressionKind.Range);
        return true;
    }

    /// <summary>
    /// "من ليلة الخميس ولغاية أمس الجمعة", "بين الأحد والثلاثاء", "منذ مساء السبت حتى فجر اليوم": two days of the same week
    /// named by weekday, relative day or part of day make one range (the days between, at week precision).
    /// </summary>
    private static bool TryDayToDay(AnalyzedText text, WordMatch<CueRole> cue, DateOnly pub, out DateMention mention)
    {
        mention = null!;
        if (!TryNamedDay(text, cue.EndToken, pub, out var first))
        {
            return false;
        }

        // The second day after إلى/حتى/لغاية, or after و glued to it or standing alone in "بين X وY".
        int after = first.EndToken;
        bool between = cue.Value == CueRole.Between;
        if (!TryConnector(text, first.EndToken, allowAnd: between, out after)
            && !(between && after < text.Tokens.Length && text.NormOf(after) is ['و', _, ..]))
        {
            return false;
        }

        if (!TryNamedDay(text, after, pub, out var last)
            || last.Start <= first.Start || last.Start.DayNumber - first.Start.DayNumber >= DaysInWeek)
        {
            return false;
        }

        mention = Make(text, cue.FirstToken, cue.PrefixLength, last.EndToken, first.Start, last.Start, DateExpressionKind.Range);
        return true;
    }

    /// <summary>"السبت والأحد", "الخميس والجمعة الماضيين": two weekdays joined by و are the two days, not the first alone.</summary>
    private static bool TryWeekdayPair(AnalyzedText text, int start, DateOnly pub, out DateMention mention)
    {
        mention = null!;
        if (!TryWeekday(text, start, pub, cueBefore: false, out var first) || first.Kind != DateExpressionKind.Weekday
            || first.EndToken >= text.Tokens.Length)
        {
            return false;
        }

        var word = text.NormOf(first.EndToken);
        if (word.Length < 2 || word[0] != 'و' || !TryWeekday(text, first.EndToken, pub, cueBefore: true, out var second)
            || second.Kind != DateExpressionKind.Weekday || second.Start == first.Start)
        {
            return false;
        }

        // Both resolve to the latest such day on or before publication; the pair is the span of the two in either order.
        var (from, to) = first.Start < second.Start ? (first.Start, second.Start) : (second.Start, first.Start);
        if (to.DayNumber - from.DayNumber >= DaysInWeek)
        {
            return false;
        }

        mention = new DateMention(first.Span.Union(second.Span), start, second.EndToken, from, to, CalendarMath.PrecisionOf(from, to), DateExpressionKind.Range);
        return true;
    }

    private const int DaysInWeek = 7;

    // A single day named without a month: a weekday, اليوم/أمس (+ weekday), or a part of one (مساء السبت), or يوم + one of those.
    private static bool TryNamedDay(AnalyzedText text, int k, DateOnly pub, out DateMention day)
    {
        day = null!;
        if (k >= text.Tokens.Length)
        {
            return false;
        }

        if (TryPartOfDay(text, k, pub, out day) || TryRelativeDay(text, k, pub, out day) || TryWeekday(text, k, pub, cueBefore: true, out day))
        {
            return day.Days == 1;
        }

        return DateLexicon.Cues.TryMatchAt(text, k, Clitics, out var dayWord) && dayWord.Value == CueRole.DayWord
            && TryAfterDayWord(text, dayWord, pub, out day) && day.Days == 1;
    }

    private static bool TryDay(AnalyzedText text, int k, out int day, out int end, out int prefix)
    {
        day = 0;
        end = k;
        prefix = 0;
        if (k >= text.Tokens.Length)
        {
            return false;
        }

        if (text.Tokens[k].Kind == TokenKind.Number)
        {
            var s = text.NormOf(k);
            if (s.Length is 1 or 2 && int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out day)
                && day is >= 1 and <= 31)
            {
                end = k + 1;
                return true;
            }

            return false;
        }

        if (text.Tokens[k].Kind == TokenKind.ArabicWord && NumberFinder.TryOrdinalAt(text, k, out day, out end) && day is >= 1 and <= 31)
        {
            prefix = DateLexicon.Starts.TryMatchAt(text, k, Clitics, out var m) ? m.PrefixLength : 0;
            return true;
        }

        return false;
    }

    private static bool PeekMonth(AnalyzedText text, int k)
    {
        return TryMonthAfterDay(text, k, out _, out _);
    }

    // [من] [شهر] MONTH [alternative name]
    private static bool TryMonthAfterDay(AnalyzedText text, int k, out MonthName month, out int end)
    {
        month = default;
        end = k;
        if (IsCue(text, k, CueRole.From, out int afterFrom))
        {
            k = afterFrom;
        }

        if (IsCue(text, k, CueRole.MonthWord, out int afterWord))
        {
            k = afterWord;
        }

        return TryMonthName(text, k, Proclitics.None, out month, out _, out end);
    }

    /// <summary>A month name with the second name news often adds: نيسان/أبريل، نيسان\ أبريل، أبريل (نيسان)، حزيران-يونيو.</summary>
    private static bool TryMonthName(AnalyzedText text, int k, Proclitics clitics, out MonthName month, out int prefix, out int end)
    {
        month = default;
        prefix = 0;
        end = k;
        if (!DateLexicon.Months.TryMatchAt(text, k, clitics, out var m))
        {
            return false;
        }

        month = m.Value;
        prefix = m.PrefixLength;
        end = m.EndToken;
        int n = text.Tokens.Length;
        if (end + 1 < n && text.Tokens[end].Kind == TokenKind.Punctuation && text.NormOf(end) is "/" or "\\" or "(" or "-" or "–"
            && DateLexicon.Months.TryMatchAt(text, end + 1, Proclitics.None, out var alt) && alt.Value.IsHijri == month.IsHijri)
        {
            end = alt.EndToken;
            if (end < n && text.NormOf(end) is ")")
            {
                end++;
            }
        }

        return true;
    }

    // ---- years ----

    private enum YearMode
    {
        None,
        Invalid,
        Explicit,
        Past,
        Current,
        Next,
    }

    private readonly record struct YearSpec(YearMode Mode, int Year);

    // After a month: 2017 | عام 2017 | من العام 2017 | 1436 هـ | الماضي | الجاري | المقبل | من العام الماضي | العام الجاري
    private static YearSpec TryYearSpec(AnalyzedText text, int k, DateOnly pub, bool hijri, out int end)
    {
        end = k;
        int j = k;
        bool from = IsCue(text, j, CueRole.From, out int afterFrom);
        if (from)
        {
            j = afterFrom;
        }

        if (DateLexicon.Relative.TryMatchAt(text, j, Proclitics.Conjunction, out var rel) && rel.Value is { Kind: RelativeKind.Period, Unit: TimeUnit.Year })
        {
            end = rel.EndToken;
            return new YearSpec(YearMode.Explicit, CalendarMath.YearOf(pub, hijri) + rel.Value.Offset);
        }

        int y = j;
        if (IsCue(text, y, CueRole.Year, out int afterYear))
        {
            y = afterYear;
        }

        if (y < text.Tokens.Length && text.Tokens[y].Kind == TokenKind.Number && text.Tokens[y].NormLength == 4 && !TryYearNumber(text, y, out _))
        {
            end = y + 1;
            return new YearSpec(YearMode.Invalid, 0); // 5 رمضان 9999 هـ: a year, but an impossible one
        }

        if (TryYearNumber(text, y, out int year))
        {
            end = y + 1;
            if (IsCue(text, end, CueRole.EraHijri, out int afterEra) || IsCue(text, end, CueRole.EraGregorian, out afterEra))
            {
                end = afterEra;
            }

            return new YearSpec(YearMode.Explicit, year);
        }

        if (!from && DateLexicon.Cues.TryMatchAt(text, k, Proclitics.None, out var cue))
        {
            var mode = cue.Value switch
            {
                CueRole.Past => YearMode.Past,
                CueRole.Current => YearMode.Current,
                CueRole.Next => YearMode.Next,
                _ => YearMode.None,
            };
            if (mode != YearMode.None)
            {
                end = cue.EndToken;
                return new YearSpec(mode, 0);
            }
        }

        return new YearSpec(YearMode.None, 0);
    }

    private static bool TryYearNumber(AnalyzedText text, int k, out int year)
    {
        year = 0;
        return k < text.Tokens.Length && text.Tokens[k].Kind == TokenKind.Number && text.Tokens[k].NormLength == 4
            && int.TryParse(text.NormOf(k), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year)
            && year is >= 1300 and <= 2200;
    }

    private static bool TryResolveDay(DateOnly pub, bool hijri, int month, int day, YearSpec spec, out DateOnly date)
    {
        date = default;
        int y = CalendarMath.YearOf(pub, hijri);
        switch (spec.Mode)
        {
            case YearMode.Invalid:
                return false;
            case YearMode.Explicit:
                return PlausibleYear(spec.Year, hijri) && CalendarMath.TryDate(hijri, spec.Year, month, day, out date);
            case YearMode.Current:
                return CalendarMath.TryDate(hijri, y, month, day, out date);
            case YearMode.Next:
                if (CalendarMath.TryDate(hijri, y, month, day, out date) && date > pub)
                {
                    return true;
                }

                return CalendarMath.TryDate(hijri, y + 1, month, day, out date);
            default:
                var limit = spec.Mode == YearMode.Past ? pub.AddDays(-1) : pub.AddDays(CalendarMath.FutureToleranceDays);
                if (CalendarMath.TryDate(hijri, y, month, day, out date) && date <= limit)
                {
                    return true;
                }

                return CalendarMath.TryDate(hijri, y - 1, month, day, out date);
        }
    }

    private static bool TryResolveMonth(DateOnly pub, bool hijri, int month, YearSpec spec, out DateOnly start, out DateOnly end)
    {
        end = default;
        if (!TryResolveDay(pub, hijri, month, 1, spec.Mode == YearMode.Past ? spec with { Mode = YearMode.None } : spec, out start))
        {
            return false;
        }

        // الماضي with a month: the last such month that ended before publication's month.
        if (spec.Mode == YearMode.Past && start.AddDays(DaysIn(start, hijri) - 1) >= pub && !TryResolveDay(pub, hijri, month, 1, new YearSpec(YearMode.Explicit, YearOfStart(start, hijri) - 1), out start))
        {
            return false;
        }

        end = start.AddDays(DaysIn(start, hijri) - 1);
        return true;
    }

    private static int YearOfStart(DateOnly start, bool hijri) => hijri ? CalendarMath.HijriOf(start).Year : start.Year;

    private static int DaysIn(DateOnly first, bool hijri)
    {
        if (!hijri)
        {
            return DateTime.DaysInMonth(first.Year, first.Month);
        }

        var (y, m, _) = CalendarMath.HijriOf(first);
        return CalendarMath.DaysInMonth(true, y, m);
    }

    private static bool PlausibleYear(int year, bool hijri) => hijri ? year is >= 1300 and <= 1600 : year is >= 1800 and <= 2200;

    // ---- numeric dates ----

    private static bool TryNumeric(AnalyzedText text, int start, DateOnly pub, out DateMention mention)
    {
        mention = null!;
        var toks = text.Tokens;
        if (start >= toks.Length || toks[start].Kind != TokenKind.Number)
        {
            return false;
        }

        int a, b, c, end;
        var first = text.NormOf(start);
        if (first.Count('.') == 2)
        {
            // 26.4.2017 is one token.
            var parts = first.ToString().Split('.');
            if (!Int(parts[0], out a) || !Int(parts[1], out b) || !Int(parts[2], out c) || parts[0].Length > 4 || parts[1].Length > 2 || parts[2].Length > 4)
            {
                return false;
            }

            end = start + 1;
            return Finish(parts[0].Length, parts[2].Length, out mention);
        }

        if (start + 4 >= toks.Length)
        {
            return false;
        }

        // 26/4/2017 and the Saudi press's 9 / 9 / 1436هـ; 26-4-2017 and 26.4.2017 only without spaces.
        var sep = text.NormOf(start + 1);
        if (!Adjacent(toks, start, start + 4) && !(sep is "/" && Spaced(text, start, start + 4)))
        {
            return false;
        }

        if (toks[start + 1].Kind != TokenKind.Punctuation || sep is not ("/" or "\\" or "-" or ".") || !text.NormOf(start + 3).SequenceEqual(sep)
            || toks[start + 2].Kind != TokenKind.Number || toks[start + 4].Kind != TokenKind.Number)
        {
            return false;
        }

        var sa = text.NormOf(start);
        var sb = text.NormOf(start + 2);
        var sc = text.NormOf(start + 4);
        if (!Int(sa, out a) || !Int(sb, out b) || !Int(sc, out c) || sb.Length > 2 || sa.Length > 4 || sc.Length > 4)
        {
            return false;
        }

        end = start + 5;
        return Finish(sa.Length, sc.Length, out mention);

        bool Finish(int firstLength, int lastLength, out DateMention result)
        {
            result = null!;
            bool hijri = IsCue(text, end, CueRole.EraHijri, out int afterEra);
            if (hijri || IsCue(text, end, CueRole.EraGregorian, out afterEra))
            {
                end = afterEra;
            }

            int year, month = b, day;
            if (firstLength == 4)
            {
                year = a;
                day = c;
                if (lastLength > 2)
                {
                    return false;
                }
            }
            else if (lastLength == 4 || lastLength == 2)
            {
                year = lastLength == 2 ? ExpandTwoDigitYear(c, pub) : c;
                day = a;
                if (firstLength > 2)
                {
                    return false;
                }
            }
            else
            {
                return false;
            }

            if (!hijri && year is >= 1300 and <= 1600)
            {
                hijri = true; // 1436/10/25 without هـ is still a Hijri date
            }

            if (!PlausibleYear(year, hijri) || !CalendarMath.TryDate(hijri, year, month, day, out var date))
            {
                return false;
            }

            result = Make(text, start, 0, end, date, date, hijri ? DateExpressionKind.Hijri : DateExpressionKind.Numeric);
            return true;
        }
    }

    private static int ExpandTwoDigitYear(int yy, DateOnly pub)
    {
        int century = pub.Year / 100 * 100;
        int y = century + yy;
        return y > pub.Year + 1 ? y - 100 : y;
    }

    private static bool Int(ReadOnlySpan<char> s, out int v) =>
        int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out v);

    // Tokens separated by at most one space each.
    private static bool Spaced(AnalyzedText text, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (text.Tokens[i + 1].NormStart - text.Tokens[i].NormEnd > 1)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Adjacent(Token[] toks, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (toks[i].NormEnd != toks[i + 1].NormStart)
            {
                return false;
            }
        }

        return true;
    }

    // ---- weekdays, parts of day, "يوم …" ----

    private static bool TryWeekday(AnalyzedText text, int start, DateOnly pub, bool cueBefore, out DateMention mention)
    {
        mention = null!;
        if (!DateLexicon.Weekdays.TryMatchAt(text, start, Clitics, out var wd))
        {
            return false;
        }

        int end = wd.EndToken;
        int dir = 0;
        if (DateLexicon.Cues.TryMatchAt(text, end, Proclitics.None, out var cue) && cue.Value is CueRole.Past or CueRole.Next)
        {
            dir = cue.Value == CueRole.Past ? -1 : 1;
            end = cue.EndToken;
        }

        // الخميس 23 يوليو، الخميس الموافق 23 يوليو، الخميس (23 يوليو): the written date decides.
        int k = end;
        if (IsCue(text, k, CueRole.In, out int afterIn) || (k < text.Tokens.Length && text.NormOf(k) is "(" or ","))
        {
            k = afterIn > k ? afterIn : k + 1;
        }

        if (TryNumeric(text, k, pub, out var date) || TryDayMonth(text, k, pub, allowAnd: false, out date))
        {
            end = date.EndToken;
            if (end < text.Tokens.Length && text.NormOf(end) is ")" && text.NormOf(k - 1) is "(")
            {
                end++;
            }

            mention = Make(text, start, wd.PrefixLength, end, date.Start, date.End, date.Kind);
            return true;
        }

        if (wd.Value.NeedsCue && !cueBefore && dir == 0)
        {
            return false;
        }

        var day = dir > 0 ? NextWeekday(pub, wd.Value.Day) : LatestWeekday(pub, wd.Value.Day, strictlyBefore: false);
        mention = Make(text, start, wd.PrefixLength, end, day, day, DateExpressionKind.Weekday);
        return true;
    }

    private static DateOnly LatestWeekday(DateOnly pub, DayOfWeek day, bool strictlyBefore)
    {
        int delta = ((int)pub.DayOfWeek - (int)day + 7) % 7;
        if (delta == 0 && strictlyBefore)
        {
            delta = 7;
        }

        return pub.AddDays(-delta);
    }

    private static DateOnly NextWeekday(DateOnly pub, DayOfWeek day)
    {
        int delta = ((int)day - (int)pub.DayOfWeek + 7) % 7;
        return pub.AddDays(delta == 0 ? 7 : delta);
    }

    // يوم الأحد، يوم 22 آذار، يومي 22 و23 نيسان، يوم أمس
    private static bool TryAfterDayWord(AnalyzedText text, WordMatch<CueRole> cue, DateOnly pub, out DateMention mention)
    {
        mention = null!;
        int k = cue.EndToken;
        if (k >= text.Tokens.Length)
        {
            return false;
        }

        if (TryWeekdayPair(text, k, pub, out var inner) || TryWeekday(text, k, pub, cueBefore: true, out inner) || TryRelativeDay(text, k, pub, out inner)
            || TryNumeric(text, k, pub, out inner) || TryDayMonth(text, k, pub, allowAnd: true, out inner))
        {
            mention = Make(text, cue.FirstToken, cue.PrefixLength, inner.EndToken, inner.Start, inner.End, inner.Kind);
            return true;
        }

        return false;
    }

    // فجر اليوم، مساء أمس، مساء الأحد، صباح 12 مايو، صباح يوم الجمعة
    private static bool TryPartOfDay(AnalyzedText text, int start, DateOnly pub, out DateMention mention)
    {
        mention = null!;
        if (!DateLexicon.PartsOfDay.TryMatchAt(text, start, Clitics, out var part))
        {
            return false;
        }

        int k = part.EndToken;
        if (k >= text.Tokens.Length)
        {
            return false;
        }

        DateMention? inner = null;
        if (TryRelativeDay(text, k, pub, out var r))
        {
            inner = r with { Kind = DateExpressionKind.PartOfDay };
        }
        else if (TryWeekday(text, k, pub, cueBefore: true, out var w) || TryNumeric(text, k, pub, out w) || TryDayMonth(text, k, pub, allowAnd: false, out w))
        {
            inner = w;
        }
        else if (DateLexicon.Cues.TryMatchAt(text, k, Clitics, out var dayWord) && dayWord.Value == CueRole.DayWord
                 && TryAfterDayWord(text, dayWord, pub, out var d))
        {
            inner = d;
        }

        if (inner is null || inner.Days != 1)
        {
            return false;
        }

        mention = Make(text, start, part.PrefixLength, inner.EndToken, inner.Start, inner.End, inner.Kind);
        return true;
    }

    // ---- relative expressions ----

    private static bool TryRelative(AnalyzedText text, int start, DateOnly pub, out DateMention mention)
    {
        mention = null!;
        if (!DateLexicon.Relative.TryMatchAt(text, start, Proclitics.All, out var rel))
        {
            return false;
        }

        var cue = rel.Value;
        int end = rel.EndToken;
        switch (cue.Kind)
        {
            case RelativeKind.Day:
                return TryRelativeDay(text, start, pub, out mention);
            case RelativeKind.Period:
            {
                // مطلع الشهر الماضي is read from مطلع; here the period itself.
                var (s, e) = CalendarMath.Period(pub, cue.Unit, cue.Offset);
                if (cue.Offset == 0 && e > pub)
                {
                    e = pub;
                }

                mention = Make(text, start, rel.PrefixLength, end, s, e, DateExpressionKind.Relative);
                return true;
            }

            default:
                mention = Make(text, start, rel.PrefixLength, end, pub.AddDays(-cue.Offset), pub, DateExpressionKind.Relative);
                return true;
        }
    }

    // اليوم، أمس، أول أمس، الليلة الماضية (+ the weekday that often follows: أمس الاثنين، اليوم الخميس)
    private static bool TryRelativeDay(AnalyzedText text, int start, DateOnly pub, out DateMention mention)
    {
        mention = null!;
        if (!DateLexicon.Relative.TryMatchAt(text, start, Proclitics.All, out var rel) || rel.Value.Kind != RelativeKind.Day)
        {
            return false;
        }

        int end = rel.EndToken;
        if (end < text.Tokens.Length
            && (IsCue(text, end, CueRole.NotToday, out _) || (rel.Value.Offset == 0 && NumberFinder.TryOrdinalAt(text, end, out _, out _))))
        {
            return false; // اليوم التالي، اليوم الأول: a day of the story, not today; في أمس الحاجة: "in dire need"
        }

        if (start > 0 && rel.PrefixLength == 0 && IsCue(text, start - 1, CueRole.SameDay, out _))
        {
            return false; // نفس اليوم، ذلك اليوم
        }

        var day = pub.AddDays(rel.Value.Offset);
        int k = end < text.Tokens.Length && text.NormOf(end) is "," ? end + 1 : end;
        if (DateLexicon.Weekdays.TryMatchAt(text, k, Proclitics.None, out var wd))
        {
            end = wd.EndToken;

            // "اليوم الثلاثاء" in a story dated Thursday: feeds often date a story a day or two after it was written, so the
            // named weekday wins over the offset (the latest such day on or before that offset's day).
            if (wd.Value.Day != day.DayOfWeek && day <= pub)
            {
                day = LatestWeekday(day, wd.Value.Day, strictlyBefore: false);
            }
        }

        mention = Make(text, start, rel.PrefixLength, end, day, day, DateExpressionKind.Relative);
        return true;
    }

    // منذ ثلاثة أيام، منذ 19 نوفمبر الماضي، منذ مطلع الشهر، منذ 2011
    private static bool TrySince(AnalyzedText text, WordMatch<CueRole> cue, DateOnly pub, out DateMention mention)
    {
        mention = null!;
        int k = cue.EndToken;
        if (k >= text.Tokens.Length)
        {
            return false;
        }

        if (TryDuration(text, k, pub, out var ago))
        {
            mention = Make(text, cue.FirstToken, cue.PrefixLength, ago.EndToken, ago.Start, ago.End, DateExpressionKind.Relative);
            return true;
        }

        if (TryParseInner(text, k, pub, out var inner) && inner.Start <= pub)
        {
            var end = inner.Kind is DateExpressionKind.Relative or DateExpressionKind.PartOfDay && inner.Days == 1 ? pub : Max(inner.End, pub);
            mention = Make(text, cue.FirstToken, cue.PrefixLength, inner.EndToken, inner.Start, end, DateExpressionKind.Since);
            return true;
        }

        return false;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static bool TryParseInner(AnalyzedText text, int k, DateOnly pub, out DateMention inner)
    {
        inner = null!;
        var tok = text.Tokens[k];
        if (tok.Kind == TokenKind.Number)
        {
            if (TryNumeric(text, k, pub, out inner) || TryDayMonth(text, k, pub, allowAnd: false, out inner))
            {
                return true;
            }

            return TryYearNumber(text, k, out int y) && TryYearRange(text, k, k + 1, y, pub, out inner);
        }

        if (DateLexicon.Cues.TryMatchAt(text, k, Clitics, out var cue))
        {
            if (cue.Value is CueRole.Early or CueRole.Mid or CueRole.Late && TryPartOfPeriod(text, cue, pub, out inner))
            {
                return true;
            }

            if (cue.Value == CueRole.Year && TryYearOnly(text, cue.EndToken, pub, out inner))
            {
                return true;
            }

            if (cue.Value == CueRole.DayWord && TryAfterDayWord(text, cue, pub, out inner))
            {
                return true;
            }

            if (cue.Value == CueRole.MonthWord && TryMonthOnly(text, cue.EndToken, pub, out inner, cueBefore: true))
            {
                return true;
            }
        }

        return TryRelative(text, k, pub, out inner) || TryWeekday(text, k, pub, cueBefore: true, out inner)
            || TryPartOfDay(text, k, pub, out inner) || TryDayMonth(text, k, pub, allowAnd: false, out inner)
            || TryMonthOnly(text, k, pub, out inner, cueBefore: true);
    }

    // قبل ثلاثة أيام، قبل يومين، قبل أسبوع
    private static bool TryAgo(AnalyzedText text, WordMatch<CueRole> cue, DateOnly pub, out DateMention mention)
    {
        mention = null!;
        if (!TryDuration(text, cue.EndToken, pub, out var ago))
        {
            return false;
        }

        mention = Make(text, cue.FirstToken, cue.PrefixLength, ago.EndToken, ago.Start, ago.End, DateExpressionKind.Relative);
        return true;
    }

    private readonly record struct Ago(DateOnly Start, DateOnly End, int EndToken);

    // N units (ثلاثة أيام، 24 ساعة)، a dual or singular unit (يومين، أسبوع)، or a bare plural (أيام = a few days)
    private static bool TryDuration(AnalyzedText text, int k, DateOnly pub, out Ago ago)
    {
        ago = default;
        if (k >= text.Tokens.Length)
        {
            return false;
        }

        long count;
        int end;
        TimeUnit unit;
        if (DateLexicon.Units.TryMatchAt(text, k, Proclitics.None, out var u))
        {
            unit = u.Value.Unit;
            end = u.EndToken;
            if (u.Value.Count == 0)
            {
                // منذ أيام، قبل أسابيع: a few of them.
                var (lo, hi) = unit switch
                {
                    TimeUnit.Hour => (1, 0),
                    TimeUnit.Day => (7, 2),
                    TimeUnit.Week => (35, 14),
                    TimeUnit.Month => (180, 60),
                    _ => (0, 0),
                };
                if (lo == 0)
                {
                    return false;
                }

                ago = new Ago(pub.AddDays(-lo), pub.AddDays(-hi), end);
                return true;
            }

            // منذ عام 2008 is since 2008, not a year ago.
            if (TryYearNumber(text, end, out _))
            {
                return false;
            }

            count = u.Value.Count;
        }
        else if (NumberFinder.TryCardinalAt(text, k, out var number) && !number.Vague
                 && DateLexicon.Units.TryMatchAt(text, number.EndToken, Proclitics.None, out var unitWord))
        {
            count = number.Value;
            unit = unitWord.Value.Unit;
            end = unitWord.EndToken;
        }
        else if (NumberFinder.TryParseAt(text, k, out var qualified) && qualified.Qualifier is not NumberQualifier.Vague
                 && DateLexicon.Units.TryMatchAt(text, qualified.EndToken, Proclitics.None, out var unitWord2))
        {
            count = qualified.Value; // أكثر من ثلاثة أشهر
            unit = unitWord2.Value.Unit;
            end = unitWord2.EndToken;
        }
        else
        {
            return false;
        }

        var day = CalendarMath.AddUnits(pub, unit, count);
        if (day == DateOnly.MinValue)
        {
            return false;
        }

        // "three days ago" is a day; "two weeks ago" a week; "three months ago" a month.
        var (s, e) = unit switch
        {
            TimeUnit.Week => (day.AddDays(-3), day.AddDays(3)),
            TimeUnit.Month or TimeUnit.Year => (day.AddDays(-15), day.AddDays(15)),
            _ => (day, day),
        };
        ago = new Ago(s, e > pub ? pub : e, end);
        return true;
    }

    // الأيام الثلاثة الماضية، الساعات الـ24 الماضية، الـ48 ساعة الماضية، 24 ساعة الماضية
    private static bool TryLastDays(AnalyzedText text, int start, DateOnly pub, out DateMention mention)
    {
        mention = null!;
        int n = text.Tokens.Length;
        int k = start;
        long count;
        TimeUnit unit;
        int prefix = 0;
        if (text.Tokens[k].Kind == TokenKind.ArabicWord && DateLexicon.Units.TryMatchAt(text, k, Clitics, out var u) && u.Value.Count == 0)
        {
            unit = u.Value.Unit;
            prefix = u.PrefixLength;
            k = u.EndToken;
            if (k < n && text.NormOf(k) is "ال")
            {
                k++;
            }

            if (!NumberFinder.TryCardinalAt(text, k, out var number) || number.Vague)
            {
                return false;
            }

            count = number.Value;
            k = number.EndToken;
        }
        else
        {
            if (text.NormOf(k) is "ال")
            {
                k++;
            }

            if (!NumberFinder.TryCardinalAt(text, k, out var number) || number.Vague
                || !DateLexicon.Units.TryMatchAt(text, number.EndToken, Proclitics.None, out var unitWord))
            {
                return false;
            }

            count = number.Value;
            unit = unitWord.Value.Unit;
            k = unitWord.EndToken;
        }

        if (!DateLexicon.Cues.TryMatchAt(text, k, Proclitics.None, out var past) || past.Value != CueRole.Past)
        {
            return false;
        }

        var from = CalendarMath.AddUnits(pub, unit, count);
        if (from == DateOnly.MinValue)
        {
            return false;
        }

        mention = Make(text, start, prefix, past.EndToken, from, pub, DateExpressionKind.Relative);
        return true;
    }

    // ---- months, years and their parts ----

    private static bool TryMonthOnly(AnalyzedText text, int start, DateOnly pub, out DateMention mention) =>
        TryMonthOnly(text, start, pub, out mention, cueBefore: start > 0 && IsContextCue(text, start - 1));

    private static bool TryMonthOnly(AnalyzedText text, int start, DateOnly pub, out DateMention mention, bool cueBefore)
    {
        mention = null!;
        if (!TryMonthName(text, start, Clitics, out var month, out int prefix, out int end))
        {
            return false;
        }

        // After a day number the month belongs to a day-month that failed to resolve (30 شباط 2016): no month-only reading.
        if (start > 0 && text.Tokens[start - 1].Kind == TokenKind.Number && text.Tokens[start - 1].NormLength <= 2)
        {
            return false;
        }

        var spec = TryYearSpec(text, end, pub, month.IsHijri, out int specEnd);
        if (spec.Mode == YearMode.None && month.NeedsYearOrMonthWord
            && !(start > 0 && DateLexicon.Cues.TryMatchAt(text, start - 1, Clitics, out var word) && word.Value == CueRole.MonthWord))
        {
            return false; // في إب is the Yemeni city, not August
        }

        if (spec.Mode == YearMode.None && !cueBefore)
        {
            return false; // مارس is also a verb, نيسان a car: a month alone needs a cue or a year
        }

        if (!TryResolveMonth(pub, month.IsHijri, month.Month, spec, out var s, out var e))
        {
            return false;
        }

        if (spec.Mode != YearMode.Next && s <= pub && e > pub)
        {
            e = pub;
        }

        mention = Make(text, start, prefix, specEnd, s, e, month.IsHijri ? DateExpressionKind.Hijri : DateExpressionKind.MonthOnly);
        return true;
    }

    private static bool IsContextCue(AnalyzedText text, int k) =>
        DateLexicon.Cues.TryMatchAt(text, k, Clitics, out var cue) && cue.EndToken == k + 1
        && cue.Value is CueRole.In or CueRole.During or CueRole.Since or CueRole.MonthWord or CueRole.To or CueRole.From
            or CueRole.Early or CueRole.Mid or CueRole.Late or CueRole.Between;

    private static bool TryYearOnly(AnalyzedText text, int k, DateOnly pub, out DateMention mention)
    {
        mention = null!;
        if (!TryYearNumber(text, k, out int year))
        {
            return false;
        }

        // A bare 2014 is a count as often as a year: only after عام/سنة (handled by the caller) or في/منذ/خلال/حتى.
        bool cued = k > 0 && DateLexicon.Cues.TryMatchAt(text, k - 1, Clitics, out var cue) && cue.EndToken == k
            && cue.Value is CueRole.Year or CueRole.In or CueRole.Since or CueRole.During or CueRole.To;
        // 2017-13-01: a broken numeric date, not a year.
        if (!cued || (k + 2 < text.Tokens.Length && Adjacent(text.Tokens, k, k + 2) && text.Tokens[k + 1].Kind == TokenKind.Punctuation
                      && text.Tokens[k + 2].Kind == TokenKind.Number))
        {
            return false;
        }

        return TryYearRange(text, k, k + 1, year, pub, out mention);
    }

    private static bool TryYearRange(AnalyzedText text, int start, int end, int year, DateOnly pub, out DateMention mention, bool clipToPublication = true)
    {
        mention = null!;
        bool hijri = IsCue(text, end, CueRole.EraHijri, out int afterEra);
        if (hijri || IsCue(text, end, CueRole.EraGregorian, out afterEra))
        {
            end = afterEra;
        }

        hijri |= year is >= 1300 and <= 1600;
        if (!PlausibleYear(year, hijri) || !CalendarMath.TryDate(hijri, year, 1, 1, out var s))
        {
            return false;
        }

        var e = hijri && CalendarMath.TryDate(true, year + 1, 1, 1, out var next) ? next.AddDays(-1) : new DateOnly(Math.Min(year, 9998), 12, 31);
        if (clipToPublication && s <= pub && e > pub)
        {
            e = pub;
        }

        mention = Make(text, start, 0, end, s, e, DateExpressionKind.YearOnly);
        return true;
    }

    // مطلع الشهر، أواخر مارس (آذار) الماضي، منتصف العام، نهاية الأسبوع الماضي، بداية 2015
    private static bool TryPartOfPeriod(AnalyzedText text, WordMatch<CueRole> cue, DateOnly pub, out DateMention mention)
    {
        mention = null!;
        int k = cue.EndToken;
        if (k >= text.Tokens.Length)
        {
            return false;
        }

        DateOnly s, e;
        TimeUnit unit;
        int end;
        bool future = false;
        if (TryMonthName(text, k, Proclitics.Conjunction, out var month, out _, out int monthEnd))
        {
            var spec = TryYearSpec(text, monthEnd, pub, month.IsHijri, out end);
            if (!TryResolveMonth(pub, month.IsHijri, month.Month, spec, out s, out e))
            {
                return false;
            }

            unit = TimeUnit.Month;
            future = spec.Mode == YearMode.Next;
        }
        else if (DateLexicon.Relative.TryMatchAt(text, k, Proclitics.None, out var rel) && rel.Value.Kind == RelativeKind.Period)
        {
            (s, e) = CalendarMath.Period(pub, rel.Value.Unit, rel.Value.Offset);
            unit = rel.Value.Unit;
            end = rel.EndToken;
            future = rel.Value.Offset > 0;
        }
        else if (DateLexicon.Units.TryMatchAt(text, k, Proclitics.Article, out var bare) && bare.StrippedArticle && bare.Value.Count == 1
                 && bare.Value.Unit is TimeUnit.Week or TimeUnit.Month or TimeUnit.Year)
        {
            // مطلع الشهر = this month; مطلع العام 2015 = that year.
            unit = bare.Value.Unit;
            end = bare.EndToken;
            if (unit == TimeUnit.Year && TryYearNumber(text, end, out int y) && TryYearRange(text, end, end + 1, y, pub, out var yr, clipToPublication: false))
            {
                (s, e, end) = (yr.Start, yr.End, yr.EndToken);
            }
            else
            {
                (s, e) = CalendarMath.Period(pub, unit, 0);
                if (IsCue(text, end, CueRole.Current, out int afterCurrent))
                {
                    end = afterCurrent;
                }
            }
        }
        else if ((TryYearNumber(text, k, out int year) || (IsCue(text, k, CueRole.Year, out int afterYear) && TryYearNumber(text, afterYear, out year)))
                 && TryYearRange(text, k, TryYearNumber(text, k, out _) ? k + 1 : k + 2, year, pub, out var yearRange, clipToPublication: false))
        {
            unit = TimeUnit.Year;
            s = yearRange.Start;
            e = yearRange.End;
            end = yearRange.EndToken;
        }
        else
        {
            return false;
        }

        var (ps, pe) = CalendarMath.Part(s, e, unit, cue.Value);
        if (!future && ps <= pub && pe > pub)
        {
            pe = pub;
        }

        mention = Make(text, cue.FirstToken, cue.PrefixLength, end, ps, pe, DateExpressionKind.PartOfPeriod);
        return true;
    }

    // الأسبوع الأول من الشهر، الأسبوع الثالث من مارس الماضي، الأسبوع الأخير من الشهر الماضي
    private static bool TryWeekOfMonth(AnalyzedText text, int start, DateOnly pub, out DateMention mention)
    {
        mention = null!;
        if (!DateLexicon.Units.TryMatchAt(text, start, Clitics | Proclitics.Article, out var week) || !week.StrippedArticle
            || week.Value is not { Unit: TimeUnit.Week, Count: 1 })
        {
            return false;
        }

        int k = week.EndToken;
        int ordinal;
        if (IsCue(text, k, CueRole.Last, out int afterLast))
        {
            ordinal = 0;
            k = afterLast;
        }
        else if (NumberFinder.TryOrdinalAt(text, k, out ordinal, out int afterOrdinal) && ordinal is >= 1 and <= 4)
        {
            k = afterOrdinal;
        }
        else
        {
            return false;
        }

        if (IsCue(text, k, CueRole.From, out int afterFrom))
        {
            k = afterFrom;
        }

        DateOnly s, e;
        int end;
        bool future;
        if (TryMonthName(text, k, Proclitics.None, out var month, out _, out int monthEnd))
        {
            var spec = TryYearSpec(text, monthEnd, pub, month.IsHijri, out end);
            if (!TryResolveMonth(pub, month.IsHijri, month.Month, spec, out s, out e))
            {
                return false;
            }

            future = spec.Mode == YearMode.Next;
        }
        else if (DateLexicon.Relative.TryMatchAt(text, k, Proclitics.None, out var rel) && rel.Value is { Kind: RelativeKind.Period, Unit: TimeUnit.Month })
        {
            (s, e) = CalendarMath.Period(pub, TimeUnit.Month, rel.Value.Offset);
            end = rel.EndToken;
            future = rel.Value.Offset > 0;
        }
        else if (DateLexicon.Units.TryMatchAt(text, k, Proclitics.Article, out var bare) && bare.StrippedArticle && bare.Value is { Unit: TimeUnit.Month, Count: 1 })
        {
            (s, e) = CalendarMath.Period(pub, TimeUnit.Month, 0);
            end = bare.EndToken;
            future = false;
        }
        else
        {
            return false;
        }

        var (ws, we) = ordinal == 0 ? (e.AddDays(-6), e) : (s.AddDays(7 * (ordinal - 1)), s.AddDays((7 * ordinal) - 1));
        if (!future && ws <= pub && we > pub)
        {
            we = pub;
        }

        mention = Make(text, start, week.PrefixLength, end, ws, we, DateExpressionKind.PartOfPeriod);
        return true;
    }

    // ---- small helpers ----

    private static bool TryConnector(AnalyzedText text, int k, bool allowAnd, out int after)
    {
        after = k;
        if (k >= text.Tokens.Length)
        {
            return false;
        }

        if (text.Tokens[k].Kind == TokenKind.Punctuation && text.NormOf(k) is "-" or "–")
        {
            after = k + 1;
            return true;
        }

        if (IsCue(text, k, CueRole.To, out after))
        {
            return true;
        }

        if (allowAnd && text.NormOf(k) is "و")
        {
            after = k + 1;
            return true;
        }

        return false;
    }

    private static bool IsCue(AnalyzedText text, int k, CueRole role, out int end)
    {
        end = k;
        if (k < text.Tokens.Length && DateLexicon.Cues.TryMatchAt(text, k, Proclitics.Conjunction, out var cue) && cue.Value == role)
        {
            end = cue.EndToken;
            return true;
        }

        return false;
    }

    private static TextSpan SpanOf(AnalyzedText text, int first, int prefix, int end)
    {
        var t0 = text.Tokens[first];
        var tl = text.Tokens[end - 1];
        return text.Normalized.ToOriginal(t0.NormStart + prefix, tl.NormEnd);
    }

    private static DateMention Make(AnalyzedText text, int first, int prefix, int end, DateOnly start, DateOnly last, DateExpressionKind kind) =>
        new(SpanOf(text, first, prefix, end), first, end, start, last, CalendarMath.PrecisionOf(start, last), kind);
}
