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
            if (text.SentenceOf(d.FirstToken) != sentence)
            {
                continue;
            }

            int distance = d.FirstToken >= t.EndToken ? d.FirstToken - t.EndToken : t.FirstToken - d.EndToken;
            int score = distance + (text.ClauseOf(d.FirstToken) == clause ? 0 : 50);
            if (score < bestScore)
            {
                best = d;
                bestScore = score;
            }
        }

        // Reporting convention: a story keeps the day it last named ("أفاد ... أمس الاثنين بمقتل ..." then more of that day).
        if (best is null)
        {
            foreach (var d in doc.Dates)
            {
                if (d.EndToken <= t.FirstToken && d.Precision == TimePrecision.Day && d.Start == d.End && d.Start <= doc.Document.Published
                    && !IsBackground(doc, text.SentenceOf(d.FirstToken))
                    && d.Start.AddDays(CarryOverDays) >= doc.Document.Published)
                {
                    best = d;
                }
            }

            if (best is not null)
            {
                // Carried over from an earlier sentence: the story is still telling that day.
                return (best, best.Start, null, TimePrecision.Day);
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

    /// <summary>"يذكر أن ... قتل في 15 يوليو": a sentence opened by a background cue recalls the past.</summary>
    private static bool IsBackground(DocumentMentions doc, int sentence)
    {
        var s = doc.Text.Sentences[sentence];
        for (int k = s.FirstToken + 1; k <= Math.Min(s.EndToken, s.FirstToken + BackgroundCueReach); k++)
        {
            if (doc.RoleBeforeToken.TryGetValue(k, out var role) && role == ArgumentRole.Background)
            {
                return true;
            }
        }

        return false;
    }

    private const int BackgroundCueReach = 3;
}
