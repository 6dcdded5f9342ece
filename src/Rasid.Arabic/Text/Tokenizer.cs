namespace Rasid.Arabic.Text;

/// <summary>
/// Splits normalized text into tokens: Arabic words, Latin words, numbers with separators, URLs, punctuation and symbols.
/// Tokens never overlap, come in text order, and every non-space character of the text is in exactly one token.
/// </summary>
public static class Tokenizer
{
    public static Token[] Tokenize(NormalizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Text;
        var tokens = new List<Token>(Math.Max(16, s.Length / 5));
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            int start = i;
            TokenKind kind;
            if (ArabicLetters.IsArabicLetter(c))
            {
                while (i < s.Length && ArabicLetters.IsArabicLetter(s[i]))
                {
                    i++;
                }

                kind = TokenKind.ArabicWord;
            }
            else if (IsUrlStart(s, i, out int urlEnd))
            {
                i = urlEnd;
                kind = TokenKind.Url;
            }
            else if (char.IsAsciiDigit(c))
            {
                i = ScanNumber(s, i);
                kind = TokenKind.Number;
            }
            else if (char.IsAsciiLetter(c) || (char.IsLetter(c) && c < '\u0590'))
            {
                while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || (char.IsLetter(s[i]) && s[i] < '\u0590')
                    || (s[i] is '\'' or '-' && i + 1 < s.Length && char.IsAsciiLetter(s[i + 1]) && i > start)))
                {
                    i++;
                }

                kind = TokenKind.LatinWord;
            }
            else if (char.IsPunctuation(c))
            {
                i++;
                kind = TokenKind.Punctuation;
            }
            else
            {
                i += char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
                kind = TokenKind.Symbol;
            }

            tokens.Add(new Token(kind, start, i, text.ToOriginal(start, i)));
        }

        return tokens.ToArray();
    }

    // Digits with single separators between digit groups: 1,200 / 3.5 / 1.200.000. A separator not followed by a digit ends the number.
    private static int ScanNumber(string s, int i)
    {
        while (i < s.Length)
        {
            if (char.IsAsciiDigit(s[i]))
            {
                i++;
            }
            else if (s[i] is ',' or '.' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static bool IsUrlStart(string s, int i, out int end)
    {
        end = i;
        var rest = s.AsSpan(i);
        if (!(rest.StartsWith("http://", StringComparison.Ordinal) || rest.StartsWith("https://", StringComparison.Ordinal)
              || rest.StartsWith("www.", StringComparison.Ordinal)))
        {
            return false;
        }

        int j = i;
        while (j < s.Length && !char.IsWhiteSpace(s[j]) && s[j] is not ('"' or '<' or '>' or '«' or '»' or ')' or '(' or ','))
        {
            j++;
        }

        // A sentence-final full stop or comma is not part of the address.
        while (j > i && s[j - 1] is '.' or ';' or ':' or '!' or '?')
        {
            j--;
        }

        end = j;
        return true;
    }
}
