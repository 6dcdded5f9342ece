using System.Globalization;
using Rasid.Arabic.Matching;
using Rasid.Arabic.Text;
using Rasid.Core;
using Rasid.Extraction.Lexicons;

namespace Rasid.Extraction.Mentions;

/// <summary>
/// Stage (stop-gap until Rasid.Arabic.Numbers lands): finds digit numbers and common number words, with the qualifier
/// word just before ("نحو 30") or just after ("30 على الأقل"). Needs: tokens. Adds: <see cref="NumberRef"/>s.
/// </summary>
public sealed class FallbackNumberSource : INumberSource
{
    private static readonly Lazy<PhraseMatcher<(long Value, CountQualifier Qualifier)>> Words = new(Load);

    public IReadOnlyList<NumberRef> Find(AnalyzedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<NumberRef>();
        var words = Words.Value;
        var tokens = text.Tokens;
        for (int i = 0; i < tokens.Length; i++)
        {
            long value;
            int end;
            CountQualifier q = CountQualifier.Exact;
            if (tokens[i].Kind == TokenKind.Number)
            {
                var digits = text.NormOf(i).ToString().Replace(",", string.Empty, StringComparison.Ordinal);
                int dot = digits.IndexOf('.', StringComparison.Ordinal);
                if (dot >= 0)
                {
                    digits = digits[..dot];
                }

                if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value))
                {
                    continue;
                }

                end = i + 1;
            }
            else if (tokens[i].IsWord && words.TryMatchAt(text, i, out var m) && m.Value.Value > 0)
            {
                value = m.Value.Value;
                q = m.Value.Qualifier;
                end = m.EndToken;
            }
            else
            {
                continue;
            }

            int first = i;
            if (i > 0 && TryQualifierEndingAt(text, words, i, out var before, out int qStart))
            {
                q = before;
                first = qStart;
            }

            if (end < tokens.Length && words.TryMatchAt(text, end, out var after) && after.Value.Value == 0 && after.Value.Qualifier == CountQualifier.LowerBound
                && text.NormOf(end).StartsWith("على", StringComparison.Ordinal))
            {
                q = CountQualifier.LowerBound;
                end = after.EndToken;
            }

            var span = new TextSpan(tokens[first].Span.Start, tokens[end - 1].Span.End);
            result.Add(new NumberRef(first, end, span, value, null, q));
            i = end - 1;
        }

        return result;
    }

    private static bool TryQualifierEndingAt(AnalyzedText text, PhraseMatcher<(long Value, CountQualifier Qualifier)> words, int numberToken, out CountQualifier q, out int start)
    {
        for (int s = Math.Max(0, numberToken - 4); s < numberToken; s++)
        {
            if (words.TryMatchAt(text, s, out var m) && m.EndToken == numberToken && m.Value.Value == 0)
            {
                q = m.Value.Qualifier;
                start = s;
                return true;
            }
        }

        q = CountQualifier.Exact;
        start = numberToken;
        return false;
    }

    private static PhraseMatcher<(long, CountQualifier)> Load()
    {
        var file = LexiconFiles.Load("fallback-numbers.tsv", "word", "value", "qualifier");
        var entries = new List<(string, (long, CountQualifier))>();
        foreach (var row in file.Rows)
        {
            var q = row["qualifier"] switch
            {
                "exact" => CountQualifier.Exact,
                "approximate" => CountQualifier.Approximate,
                "lowerbound" => CountQualifier.LowerBound,
                "upperbound" => CountQualifier.UpperBound,
                "vague" => CountQualifier.Vague,
                var other => throw row.Error($"unknown qualifier '{other}'"),
            };
            foreach (var w in LexiconFiles.Expand(row["word"]))
            {
                entries.Add((w, (row.Int("value"), q)));
            }
        }

        return PhraseMatcher<(long, CountQualifier)>.Build(entries);
    }
}
