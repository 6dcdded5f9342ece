using Rasid.Core;

namespace Rasid.Arabic.Text;

/// <summary>
/// Splits tokens into sentences: at '.', '!', '?' (؟ is folded to '?'), and at line breaks, which in news text end a
/// headline or a paragraph. A full stop inside a number never reaches here (the tokenizer keeps "3.5" whole).
/// </summary>
public static class SentenceSplitter
{
    public static Segment[] Split(NormalizedText text, Token[] tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var result = new List<Segment>();
        int first = 0;
        var s = text.Text;
        for (int i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            bool end = t.Kind == TokenKind.Punctuation && s[t.NormStart] is '.' or '!' or '?' or '\u06D4';
            if (!end && i + 1 < tokens.Length)
            {
                // A line break between this token and the next ends the sentence.
                end = s.AsSpan(t.NormEnd, tokens[i + 1].NormStart - t.NormEnd).IndexOf('\n') >= 0;
            }

            if (end)
            {
                // Closing quotes and brackets right after the stop stay with the sentence.
                while (i + 1 < tokens.Length && tokens[i + 1].Kind == TokenKind.Punctuation
                       && s[tokens[i + 1].NormStart] is '»' or '"' or '”' or ')' or '’'
                       && tokens[i + 1].NormStart == tokens[i].NormEnd)
                {
                    i++;
                }

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
}
