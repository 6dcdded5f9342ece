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

    /// <summary>A search term: normalized text, and whether it was asked as a prefix ("حلب*").</summary>
    public readonly record struct Term(string Text, bool Prefix);

    /// <summary>An FTS5 MATCH expression: every term must occur. Null when nothing is searchable.</summary>
    public static string? MatchExpression(string query)
    {
        var terms = Terms(query);
        return terms.Count == 0
            ? null
            : string.Join(' ', terms.Select(t => "\"" + t.Text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (t.Prefix ? "*" : string.Empty)));
    }

    /// <summary>The terms of a query, normalized and stemmed as the index is.</summary>
    public static IReadOnlyList<Term> Terms(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var analysis = TextAnalyzer.Analyze(query);
        var terms = new List<Term>();
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
            terms.Add(new Term(term, prefix));
        }

        return terms;
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
