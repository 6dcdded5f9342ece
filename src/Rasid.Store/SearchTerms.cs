using System.Text;
using Rasid.Arabic.Morphology;
using Rasid.Arabic.Text;

namespace Rasid.Store;

/// <summary>
/// What full-text search indexes and asks for. Both sides are Arabic-normalized, and every Arabic word is indexed twice:
/// as written and as its stem without proclitics (بالرقة → رقه), so a search for "الرقة" finds "بالرقة" and "للرقة".
/// </summary>
public static class SearchTerms
{
    /// <summary>The body to index for a text.</summary>
    public static string IndexBody(string text)
    {
        var analysis = TextAnalyzer.Analyze(text);
        var sb = new StringBuilder(analysis.Normalized.Length + analysis.Normalized.Length / 2);
        for (int i = 0; i < analysis.Tokens.Length; i++)
        {
            var t = analysis.Tokens[i];
            if (t.Kind is TokenKind.Punctuation or TokenKind.Symbol)
            {
                continue;
            }

            var word = analysis.NormOf(i);
            sb.Append(word).Append(' ');
            if (t.Kind == TokenKind.ArabicWord)
            {
                var stem = Stem(word);
                if (stem.Length != word.Length)
                {
                    sb.Append(stem).Append(' ');
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>An FTS5 MATCH expression: every term must occur (a trailing * keeps prefix search). Null when nothing is searchable.</summary>
    public static string? MatchExpression(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var analysis = TextAnalyzer.Analyze(query);
        var terms = new List<string>();
        for (int i = 0; i < analysis.Tokens.Length; i++)
        {
            var t = analysis.Tokens[i];
            if (t.Kind is TokenKind.Punctuation or TokenKind.Symbol)
            {
                continue;
            }

            var word = analysis.NormOf(i);
            var term = t.Kind == TokenKind.ArabicWord ? Stem(word).ToString() : word.ToString();
            bool prefix = t.NormEnd < analysis.Normalized.Length && analysis.Normalized.Text[t.NormEnd] == '*';
            terms.Add("\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (prefix ? "*" : string.Empty));
        }

        return terms.Count == 0 ? null : string.Join(' ', terms);
    }

    private static ReadOnlySpan<char> Stem(ReadOnlySpan<char> word)
    {
        int best = 0;
        foreach (var c in CliticSegmenter.Candidates(word))
        {
            if (!c.RestoredArticle && c.SuffixLength == 0 && c.PrefixLength > best)
            {
                best = c.PrefixLength;
            }
        }

        return word[best..];
    }
}
