using Rasid.Core;

namespace Rasid.Arabic.Text;

/// <summary>
/// Splits tokens into sentences: after a run of '.', '!', '?', '…' (؟ and ۔ are folded to '?' and '.'), and at line
/// breaks, which in news text end a headline or a paragraph. Closing quotes and brackets glued to the stop stay with the
/// sentence. No split inside numbers or URLs (the tokenizer keeps "3.5" and "www.x.com" whole), after an abbreviation
/// (د. / Dr. / ص.ب, see <see cref="SentenceAbbreviations"/>), or between Latin initials and dotted letter chains (U.S., أ.ف.ب).
/// Requires: tokens. Assigns: sentences that partition the tokens.
/// </summary>
public static class SentenceSplitter
{
    public static Segment[] Split(NormalizedText text, Token[] tokens) => Split(text, tokens, SentenceAbbreviations.Default);

    public static Segment[] Split(NormalizedText text, Token[] tokens, SentenceAbbreviations abbreviations)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(abbreviations);
        var result = new List<Segment>(Math.Max(4, tokens.Length / 20));
        int first = 0;
        var s = text.Text;
        for (int i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            bool end = false;
            if (IsStop(s, t) && !IsAbbreviationDot(s, tokens, i, abbreviations))
            {
                // A run of stops ("?!", "...") ends the sentence once.
                while (i + 1 < tokens.Length && IsStop(s, tokens[i + 1]) && tokens[i + 1].NormStart == tokens[i].NormEnd)
                {
                    i++;
                }

                // Closing quotes and brackets right after the stop stay with the sentence.
                while (i + 1 < tokens.Length && tokens[i + 1].Kind == TokenKind.Punctuation
                       && s[tokens[i + 1].NormStart] is '»' or '"' or '”' or ')' or ']' or '’' or '\''
                       && tokens[i + 1].NormStart == tokens[i].NormEnd)
                {
                    i++;
                }

                end = true;
            }

            if (!end && i + 1 < tokens.Length)
            {
                // A line break between this token and the next ends the sentence.
                end = LineBreakBetween(s, tokens[i], tokens[i + 1]);
            }

            if (end)
            {
                result.Add(Make(tokens, first, i + 1));
                first = i + 1;
            }
        }

        if (first < tokens.Length)
        {
            result.Add(Make(tokens, first, tokens.Length));
        }

        return result.ToArray();
    }

    internal static Segment Make(Token[] tokens, int first, int end) =>
        new(first, end, new TextSpan(tokens[first].Span.Start, tokens[end - 1].Span.End));

    private static bool IsStop(string s, Token t) =>
        t.Kind == TokenKind.Punctuation && s[t.NormStart] is '.' or '!' or '?' or '…';

    private static bool LineBreakBetween(string s, Token a, Token b) =>
        s.AsSpan(a.NormEnd, b.NormStart - a.NormEnd).IndexOfAny('\n', '\r') >= 0;

    // A full stop glued to an abbreviation or an initial, with more text on the same line, is not a sentence end.
    private static bool IsAbbreviationDot(string s, Token[] tokens, int i, SentenceAbbreviations abbreviations)
    {
        if (s[tokens[i].NormStart] != '.' || i == 0 || i + 1 >= tokens.Length)
        {
            return false;
        }

        var prev = tokens[i - 1];
        var next = tokens[i + 1];
        if (prev.NormEnd != tokens[i].NormStart || !prev.IsWord || LineBreakBetween(s, tokens[i], next))
        {
            return false;
        }

        var word = s.AsSpan(prev.NormStart, prev.NormLength);
        if (abbreviations.Contains(word))
        {
            return true;
        }

        // Latin initials (J. Smith, U.S.) and dotted letter chains in either script (أ.ف.ب).
        if (word.Length == 1 && (prev.Kind == TokenKind.LatinWord
            || (next.NormStart == tokens[i].NormEnd && next.IsWord && next.NormLength == 1)))
        {
            return true;
        }

        return false;
    }
}
