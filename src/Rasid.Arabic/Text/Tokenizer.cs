using System.Globalization;

namespace Rasid.Arabic.Text;

/// <summary>
/// Splits normalized text into tokens: Arabic words, Latin words, numbers with separators, URLs, punctuation and symbols.
/// Tokens never overlap, come in text order, and every non-space character of the text is in exactly one token.
/// Requires: normalized text. Assigns: tokens with normalized ranges and original spans.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Arabic word: a run of Arabic letters. Glued digits or Latin letters start a new token (٢٠١٧م → 2017 | م); so does a
/// second word typed without the space after a letter that does not join (<see cref="GluedWords"/>: "انفجارعبوة").</item>
/// <item>Latin word: letters of Latin/Greek/Cyrillic scripts, digits inside (F16), an apostrophe or hyphen between letters.</item>
/// <item>Number: digits with separators between digit groups: '.' before a digit (3.5, 1.200.000) and ',' before exactly
/// three digits (1,200); an Arabic comma (،, folded to ',') always separates ("2017،2018" is two numbers).</item>
/// <item>URL: http://, https:// or www. up to white space or a bracket/quote; a trailing stop is not part of it.</item>
/// <item>Combining marks that survive normalization (Latin accents, emoji variation selectors) stay with the token before them.</item>
/// <item>Letters of other scripts form one Symbol run; any other character (emoji: a surrogate pair) is one Symbol.</item>
/// </list>
/// </remarks>
public static class Tokenizer
{
    public static Token[] Tokenize(NormalizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Text;
        // News Arabic runs at about one token per 4.5 characters; sizing for 1 in 4 avoids regrowing the list on long texts.
        var tokens = new List<Token>(Math.Max(16, s.Length / 4));
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
                i++;
                while (i < s.Length && ArabicLetters.IsArabicLetter(s[i]))
                {
                    i++;
                }

                kind = TokenKind.ArabicWord;
                // Two words typed without the space between them ("انفجارعبوة") are two tokens.
                int split;
                while ((split = GluedWords.Default.FirstSplit(text, start, i)) > 0)
                {
                    tokens.Add(new Token(kind, start, split, text.ToOriginal(start, split)));
                    start = split;
                }
            }
            else if (char.IsAsciiDigit(c))
            {
                i = ScanNumber(text, i);
                kind = TokenKind.Number;
            }
            else if ((c is 'h' or 'w') && IsUrlStart(s, i, out int urlEnd))
            {
                i = urlEnd;
                kind = TokenKind.Url;
            }
            else if (IsLatinLetter(c))
            {
                i++;
                while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || IsLatinLetter(s[i])
                    || (s[i] is '\'' or '-' or '’' && i + 1 < s.Length && IsLatinLetter(s[i + 1]))))
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
            else if (char.IsLetter(c))
            {
                // Letters of other scripts (Hebrew, CJK…): one run.
                i++;
                while (i < s.Length && char.IsLetter(s[i]) && !IsLatinLetter(s[i]) && !ArabicLetters.IsArabicLetter(s[i]))
                {
                    i++;
                }

                kind = TokenKind.Symbol;
            }
            else
            {
                i += char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
                kind = TokenKind.Symbol;
            }

            // Combining marks belong to what they follow, whatever the token.
            while (i < s.Length && s[i] >= '\u0300' && IsCombining(s[i]))
            {
                i++;
            }

            tokens.Add(new Token(kind, start, i, text.ToOriginal(start, i)));
        }

        return tokens.ToArray();
    }

    private static bool IsLatinLetter(char c) => char.IsAsciiLetter(c) || (c is >= '\u00C0' and < '\u0590' && char.IsLetter(c));

    private static bool IsCombining(char c) => CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    // Digits with single separators between digit groups. A separator not followed by a digit ends the number.
    private static int ScanNumber(NormalizedText text, int i)
    {
        var s = text.Text;
        while (i < s.Length)
        {
            char c = s[i];
            if (char.IsAsciiDigit(c))
            {
                i++;
            }
            else if (c == '.' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))
            {
                i++;
            }
            else if (c == ',' && IsThousandsGroup(s, i + 1) && text.Original[text.ToOriginalIndex(i)] != ArabicLetters.ArabicComma)
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

    private static bool IsThousandsGroup(string s, int i) =>
        i + 3 <= s.Length && char.IsAsciiDigit(s[i]) && char.IsAsciiDigit(s[i + 1]) && char.IsAsciiDigit(s[i + 2])
        && (i + 3 == s.Length || !char.IsAsciiDigit(s[i + 3]));

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
        while (j < s.Length && !char.IsWhiteSpace(s[j]) && s[j] is not ('"' or '<' or '>' or '«' or '»' or ')' or '(' or ',' or '[' or ']'))
        {
            j++;
        }

        // A sentence-final full stop or other closing punctuation is not part of the address.
        while (j > i && s[j - 1] is '.' or ';' or ':' or '!' or '?' or '\'')
        {
            j--;
        }

        end = j;
        return true;
    }
}
