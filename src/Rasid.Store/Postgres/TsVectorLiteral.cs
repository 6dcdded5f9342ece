using System.Text;

namespace Rasid.Store.Postgres;

/// <summary>
/// The tsvector PostgreSQL's <c>to_tsvector('simple', body)</c> would compute for an index body
/// (<see cref="SearchTerms.IndexBody"/>), computed in the worker and sent as a literal (<c>@v::tsvector</c>), so the
/// database does not parse text for every document it stores — the largest part of its CPU per document. It must be the
/// same vector (same lexemes, same positions: ranking reads them), so it is built only for words whose tokens under
/// PostgreSQL's default parser are known exactly; for any other word (a URL, other scripts) the whole body is left to
/// the server (<see cref="FromBody"/> returns null). <c>PostgresTsVectorTests</c> compares both on real articles.
/// </summary>
/// <remarks>
/// What the parser does with the words Rasid's tokenizer produces (measured with <c>ts_debug('simple', …)</c>):
/// <list type="bullet">
/// <item>a run of letters and digits (Arabic or lower-case Latin, digits anywhere) is one token: itself — except a
/// number in exponent notation followed by more (5e3a → 5e3 | a), left to the server;</item>
/// <item>a number with dots (3.5, 1.200.000, 12.5.2015) is one token; a comma separates (1,200 → 1 | 200);</item>
/// <item>a hyphenated word of ASCII letters (al-qaeda) is the whole word, then each part: three positions;</item>
/// <item>an apostrophe separates (o'neil → o | neil).</item>
/// </list>
/// Positions count tokens from 1; to_tsvector keeps at most 255 positions per lexeme and caps a position at 16383.
/// </remarks>
public static class TsVectorLiteral
{
    private const int MaxPosition = 16383;
    private const int MaxPositionsPerLexeme = 255;

    // PostgreSQL skips (without counting a position) words of 2047 bytes or more; far longer than any simple word here,
    // so such a word simply sends the body to the server.
    private const int MaxWordChars = 500;

    /// <summary>The tsvector literal for <paramref name="body"/>, or null when PostgreSQL must parse it itself.</summary>
    public static string? FromBody(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        int position = 0;

        void Add(string lexeme)
        {
            int p = Math.Min(++position, MaxPosition);
            if (!positions.TryGetValue(lexeme, out var list))
            {
                positions.Add(lexeme, list = new List<int>(2));
                order.Add(lexeme);
            }

            if (list.Count < MaxPositionsPerLexeme && (list.Count == 0 || list[^1] != p))
            {
                list.Add(p);
            }
        }

        foreach (var range in body.AsSpan().Split(' '))
        {
            var word = body.AsSpan()[range];
            if (word.IsEmpty)
            {
                continue;
            }

            if (word.Length > MaxWordChars)
            {
                return null;
            }

            if (IsAlphanumeric(word) && !IsExponentThenMore(word))
            {
                Add(word.ToString());
            }
            else if (IsNumber(word))
            {
                foreach (var part in word.Split(','))
                {
                    Add(word[part].ToString());
                }
            }
            else if (IsSeparated(word, '-'))
            {
                Add(word.ToString());
                foreach (var part in word.Split('-'))
                {
                    Add(word[part].ToString());
                }
            }
            else if (IsSeparated(word, '\''))
            {
                foreach (var part in word.Split('\''))
                {
                    Add(word[part].ToString());
                }
            }
            else
            {
                return null;
            }
        }

        var sb = new StringBuilder(body.Length + (order.Count * 4));
        foreach (var lexeme in order)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append('\'').Append(lexeme).Append("':");
            var list = positions[lexeme];
            for (int i = 0; i < list.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(',');
                }

                sb.Append(list[i]);
            }
        }

        return sb.ToString();
    }

    // Letters PostgreSQL's parser takes as word characters and 'simple' keeps as they are: lower-case ASCII, ASCII digits,
    // and Arabic-block letters (no case). Anything else (other scripts, case, marks) goes to the server.
    private static bool IsWordChar(char c) =>
        char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || (c is >= '\u0620' and <= '\u06FF' && char.IsLetter(c));

    private static bool IsAlphanumeric(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!IsWordChar(c))
            {
                return false;
            }
        }

        return true;
    }

    // "5e3a": the parser reads a number in exponent notation (5e3) and then the rest (a) — two tokens.
    private static bool IsExponentThenMore(ReadOnlySpan<char> word)
    {
        int i = 0;
        while (i < word.Length && char.IsAsciiDigit(word[i]))
        {
            i++;
        }

        if (i == 0 || i + 1 >= word.Length || word[i] != 'e' || !char.IsAsciiDigit(word[i + 1]))
        {
            return false;
        }

        i += 2;
        while (i < word.Length && char.IsAsciiDigit(word[i]))
        {
            i++;
        }

        return i < word.Length;
    }

    // Digit groups joined by '.' (one token: float or version) or ',' (a separator): "1,200.5", "3.5", "1.200.000".
    private static bool IsNumber(ReadOnlySpan<char> word)
    {
        bool digitBefore = false;
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            if (char.IsAsciiDigit(c))
            {
                digitBefore = true;
            }
            else if (c is '.' or ',' && digitBefore && i + 1 < word.Length && char.IsAsciiDigit(word[i + 1]))
            {
                digitBefore = false;
            }
            else
            {
                return false;
            }
        }

        return digitBefore;
    }

    // Non-empty parts of lower-case ASCII letters joined by one separator.
    private static bool IsSeparated(ReadOnlySpan<char> word, char separator)
    {
        int partLength = 0;
        bool sawSeparator = false;
        foreach (var c in word)
        {
            if (c == separator)
            {
                if (partLength == 0)
                {
                    return false;
                }

                sawSeparator = true;
                partLength = 0;
            }
            else if (char.IsAsciiLetterLower(c))
            {
                partLength++;
            }
            else
            {
                return false;
            }
        }

        return sawSeparator && partLength > 0;
    }
}
