namespace Rasid.Arabic.Text;

/// <summary>
/// Splits each sentence into clauses: after ',', ';', ':' and dashes (a hyphen counts as a dash when spaced: "حلب - سانا"),
/// and before a clause-linking cue (في حين، بينما، إلا أن… see <see cref="ClauseCues"/>) once the clause holds at least
/// <see cref="MinWordsBeforeCue"/> words, so a cue opening a sentence or following a comma makes no empty fragment.
/// Clauses are the unit inside which event arguments attach to a trigger first; later stages may widen to the sentence.
/// Requires: tokens and sentences. Assigns: clauses that partition each sentence's tokens.
/// </summary>
public static class ClauseSplitter
{
    public const int MinWordsBeforeCue = 2;

    public static Segment[] Split(NormalizedText text, Token[] tokens, Segment[] sentences) =>
        Split(text, tokens, sentences, ClauseCues.Default);

    public static Segment[] Split(NormalizedText text, Token[] tokens, Segment[] sentences, ClauseCues cues)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(cues);
        var s = text.Text;
        var result = new List<Segment>(sentences.Length * 2);
        foreach (var sentence in sentences)
        {
            int first = sentence.FirstToken;
            int words = 0;
            for (int i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                var t = tokens[i];
                if (t.Kind == TokenKind.Punctuation && i > first && IsClauseBreak(s, t))
                {
                    result.Add(SentenceSplitter.Make(tokens, first, i + 1));
                    first = i + 1;
                    words = 0;
                    continue;
                }

                if (words >= MinWordsBeforeCue && i + 1 < sentence.EndToken)
                {
                    int cue = cues.MatchAt(s, tokens, i, sentence.EndToken);
                    if (cue > 0)
                    {
                        result.Add(SentenceSplitter.Make(tokens, first, i));
                        first = i;
                        words = 0;
                        i += cue - 1;
                        continue;
                    }
                }

                if (t.IsWord || t.Kind == TokenKind.Number)
                {
                    words++;
                }
            }

            if (first < sentence.EndToken)
            {
                result.Add(SentenceSplitter.Make(tokens, first, sentence.EndToken));
            }
        }

        return result.ToArray();
    }

    private static bool IsClauseBreak(string s, Token t) => s[t.NormStart] switch
    {
        ',' or ';' or ':' or '–' or '—' => true,
        '-' => t.NormStart > 0 && t.NormEnd < s.Length && char.IsWhiteSpace(s[t.NormStart - 1]) && char.IsWhiteSpace(s[t.NormEnd]),
        _ => false,
    };
}
