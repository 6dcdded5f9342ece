using Rasid.Core;
using Rasid.Extraction.Lexicons;
using Rasid.Extraction.Mentions;

namespace Rasid.Extraction.Stages;

/// <summary>
/// Part of assembly: the event's date and time precision — the nearest date in the trigger's sentence, else the day the
/// story last named, else the lead's date or the day before publication, each with the precision it deserves.
/// </summary>
internal static class DateAttribution
{
    /// <summary>
    /// A day named in another sentence dates a trigger only when it is this week's news: an older one ("قتل في 15 يوليو"
    /// in a background sentence) belongs to its own sentence, not to the story told after it.
    /// </summary>
    private const int CarryOverDays = 7;

    internal static (DateRef? Date, DateOnly Start, DateOnly? End, TimePrecision Precision) DateFor(DocumentMentions doc, TriggerMention t, int sentence, int clause)
    {
        var text = doc.Text;
        DateRef? best = null;
        int bestScore = int.MaxValue;
        foreach (var d in doc.Dates)
        {
            if (text.SentenceOf(d.FirstToken) != sentence || IsCurrentPeriod(doc, d))
            {
                continue;
            }

            int distance = d.FirstToken >= t.EndToken ? d.FirstToken - t.EndToken : t.FirstToken - d.EndToken;
            int score = distance + (text.ClauseOf(d.FirstToken) == clause ? 0 : 50)
                + (d.EndToken <= t.FirstToken && IsStatementDate(doc, d) ? StatementDatePenalty : 0);
            if (score < bestScore)
            {
                best = d;
                bestScore = score;
            }
        }

        // Reporting convention: a story keeps the date it last named ("أفاد ... أمس الاثنين بمقتل ..." then more of that
        // day; "من ليلة الخميس ولغاية أمس الجمعة" then the strikes of those days), until it turns to another story.
        if (best is null)
        {
            var carried = CarriedOver(doc, sentence);
            if (carried is not null)
            {
                return carried.Start == carried.End
                    ? (carried, carried.Start, null, TimePrecision.Day)
                    : (carried, carried.Start, carried.End, TimePrecision.Week);
            }

            // The lead's date, when the story names one later.
            var lead = doc.Dates.FirstOrDefault(d => d.Precision == TimePrecision.Day && d.Start <= doc.Document.Published
                && !IsBackground(doc, text.SentenceOf(d.FirstToken))
                && d.Start.AddDays(CarryOverDays) >= doc.Document.Published);
            if (lead is not null)
            {
                return (lead, lead.Start, null, TimePrecision.Week);
            }

            // News of the day reports yesterday: the day before publication, known to the week.
            return (null, doc.Document.Published.AddDays(-1), null, TimePrecision.Week);
        }

        return (best, best.Start, best.End == best.Start ? null : best.End, best.Precision);
    }

    /// <summary>
    /// The date the story last named before <paramref name="sentence"/>: the last date of the nearest earlier sentence
    /// that names one — a day, or a few named days ("من الخميس حتى الجمعة"; not a vague "خلال الأيام الماضية", which dates
    /// its own sentence only) — this week's news and not a background sentence's. Null when a
    /// sentence on the way (or the trigger's own) turns to another story ("من جهة أخرى", "على صعيد آخر").
    /// </summary>
    private static DateRef? CarriedOver(DocumentMentions doc, int sentence)
    {
        var text = doc.Text;
        var published = doc.Document.Published;
        DateRef? statement = null;
        for (int s = sentence; s > 0; s--)
        {
            if (Opens(doc, s, ArgumentRole.TopicShift))
            {
                return statement;
            }

            int earlier = s - 1;
            if (Opens(doc, earlier, ArgumentRole.Background))
            {
                continue;
            }

            DateRef? last = null;
            foreach (var d in doc.Dates)
            {
                if (text.SentenceOf(d.FirstToken) == earlier && d.Start <= published && d.End.AddDays(CarryOverDays) >= published
                    && (d.Precision == TimePrecision.Day || (d.Precision == TimePrecision.Week && !d.IsRelativeSpan)))
                {
                    // The day a statement was made ("في بيان اليوم") is carried over only when the story names no day of its own.
                    if (IsStatementDate(doc, d))
                    {
                        statement ??= d;
                    }
                    else
                    {
                        last = d;
                    }
                }
            }

            if (last is not null)
            {
                return last;
            }
        }

        return statement;
    }

    /// "خلال العام الجاري", "هذا العام", "منذ بداية العام": a period longer than a month that runs up to publication
    /// compares or sums up; it dates no single event (its first day, 1 January, would be taken for the event's).
    /// A long period that ended well before publication ("العام الماضي") still dates its sentence, as background.
    /// </summary>
    private static bool IsCurrentPeriod(DocumentMentions doc, DateRef d) =>
        d.End.DayNumber - d.Start.DayNumber > MaxEventSpanDays && d.End.AddDays(CurrentPeriodSlackDays) >= doc.Document.Published;

    private const int MaxEventSpanDays = 31;

    private const int CurrentPeriodSlackDays = 10;

    /// <summary>
    /// "أعلن الوزير اليوم الأحد اعتقال المتورطين بالتفجير ... أمس الأول", "وقالت في بيان اليوم": a day named just after a
    /// reporting or claiming word dates the statement, not the incident it reports.
    /// </summary>
    private static bool IsStatementDate(DocumentMentions doc, DateRef d)
    {
        var text = doc.Text;
        int clause = text.ClauseOf(d.FirstToken);
        foreach (var cue in doc.Cues)
        {
            if (cue.Cue.Modality is Modality.Reported or Modality.Claimed && cue.EndToken <= d.FirstToken
                && d.FirstToken - cue.EndToken <= StatementReach && text.ClauseOf(cue.FirstToken) == clause
                && !doc.Triggers.Any(o => o.FirstToken >= cue.EndToken && o.FirstToken < d.FirstToken))
            {
                return true;
            }
        }

        return false;
    }

    private const int StatementReach = 6;

    private const int StatementDatePenalty = 10;

    /// <summary>"يذكر أن ... قتل في 15 يوليو": a sentence opened by a background cue recalls the past.</summary>
    private static bool IsBackground(DocumentMentions doc, int sentence) => Opens(doc, sentence, ArgumentRole.Background);

    /// <summary>Whether a cue of <paramref name="role"/> opens the sentence (within its first few tokens).</summary>
    private static bool Opens(DocumentMentions doc, int sentence, ArgumentRole role)
    {
        var s = doc.Text.Sentences[sentence];
        for (int k = s.FirstToken + 1; k <= Math.Min(s.EndToken, s.FirstToken + BackgroundCueReach); k++)
        {
            if (doc.RoleBeforeToken.TryGetValue(k, out var r) && r == role)
            {
                return true;
            }
        }

        return false;
    }

    private const int BackgroundCueReach = 3;
}
