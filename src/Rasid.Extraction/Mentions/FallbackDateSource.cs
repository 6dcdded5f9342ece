using System.Globalization;
using Rasid.Arabic.Matching;
using Rasid.Arabic.Text;
using Rasid.Core;
using Rasid.Extraction.Lexicons;

namespace Rasid.Extraction.Mentions;

/// <summary>
/// Stage (stop-gap until Rasid.Arabic.Dates lands): resolves "26 نيسان\ أبريل", "أمس", "أول أمس", "اليوم" and weekday
/// names ("الاثنين" = the latest Monday on or before publication) against the publication date. Needs: tokens.
/// Adds: <see cref="DateRef"/>s.
/// </summary>
public sealed class FallbackDateSource : IDateSource
{
    private enum Kind
    {
        Month,
        Weekday,
        Relative,
    }

    private static readonly Lazy<PhraseMatcher<(Kind Kind, int Value)>> Words = new(Load);

    public IReadOnlyList<DateRef> Find(AnalyzedText text, DateOnly published)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<DateRef>();
        var words = Words.Value;
        var tokens = text.Tokens;
        for (int i = 0; i < tokens.Length; i++)
        {
            // "26 نيسان\ أبريل" / "22 آذار/مارس": a day number followed by a month name.
            if (tokens[i].Kind == TokenKind.Number && i + 1 < tokens.Length
                && int.TryParse(text.NormOf(i), NumberStyles.None, CultureInfo.InvariantCulture, out int day) && day is >= 1 and <= 31
                && words.TryMatchAt(text, i + 1, out var month) && month.Value.Kind == Kind.Month)
            {
                int end = month.EndToken;
                // A second month name after a slash names the same month in the other calendar tradition.
                while (end + 1 < tokens.Length && tokens[end].Kind is TokenKind.Punctuation or TokenKind.Symbol
                       && words.TryMatchAt(text, end + 1, out var alt) && alt.Value.Kind == Kind.Month)
                {
                    end = alt.EndToken;
                }

                int year = published.Year;
                if (end < tokens.Length && tokens[end].Kind == TokenKind.Number
                    && int.TryParse(text.NormOf(end), NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y is >= 1900 and <= 2100)
                {
                    year = y;
                    end++;
                }
                else if (month.Value.Value > published.Month)
                {
                    year--;
                }

                if (day <= DateTime.DaysInMonth(year, month.Value.Value))
                {
                    var d = new DateOnly(year, month.Value.Value, day);
                    result.Add(new DateRef(i, end, Span(text, i, end), d, d, TimePrecision.Day));
                }

                i = end - 1;
                continue;
            }

            if (!tokens[i].IsWord || !words.TryMatchAt(text, i, out var m))
            {
                continue;
            }

            if (m.Value.Kind == Kind.Relative)
            {
                var d = published.AddDays(-m.Value.Value);
                int end = m.EndToken;
                // "أمس الاثنين": the weekday only confirms the relative day.
                if (end < tokens.Length && words.TryMatchAt(text, end, out var wd) && wd.Value.Kind == Kind.Weekday)
                {
                    end = wd.EndToken;
                }

                result.Add(new DateRef(i, end, Span(text, i, end), d, d, TimePrecision.Day));
                i = end - 1;
            }
            else if (m.Value.Kind == Kind.Weekday)
            {
                // Friday prayers and the like are no date: require the weekday to follow a preposition-free word position
                // typical of dates ("يوم الاثنين", "الاثنين الماضي", ", الاثنين,"); keep it simple and accept it.
                int back = ((int)published.DayOfWeek - m.Value.Value + 7) % 7;
                var d = published.AddDays(-back);
                result.Add(new DateRef(i, m.EndToken, Span(text, i, m.EndToken), d, d, TimePrecision.Day));
                i = m.EndToken - 1;
            }
        }

        return result;
    }

    private static TextSpan Span(AnalyzedText text, int first, int end) =>
        new(text.Tokens[first].Span.Start, text.Tokens[end - 1].Span.End);

    private static PhraseMatcher<(Kind, int)> Load()
    {
        var file = LexiconFiles.Load("fallback-dates.tsv", "word", "kind", "value");
        var entries = new List<(string, (Kind, int))>();
        foreach (var row in file.Rows)
        {
            if (!Enum.TryParse<Kind>(row["kind"], ignoreCase: true, out var kind))
            {
                throw row.Error($"unknown kind '{row["kind"]}'");
            }

            foreach (var w in LexiconFiles.Expand(row["word"]))
            {
                entries.Add((w, (kind, row.Int("value"))));
            }
        }

        return PhraseMatcher<(Kind, int)>.Build(entries);
    }
}
