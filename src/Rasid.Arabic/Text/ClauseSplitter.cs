namespace Rasid.Arabic.Text;

/// <summary>
/// Splits each sentence into clauses at ',', ';', ':' and dashes. Clauses are the unit inside which event arguments
/// attach to a trigger first; later stages may widen to the sentence.
/// </summary>
public static class ClauseSplitter
{
    public static Segment[] Split(NormalizedText text, Token[] tokens, Segment[] sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(sentences);
        var s = text.Text;
        var result = new List<Segment>(sentences.Length * 2);
        foreach (var sentence in sentences)
        {
            int first = sentence.FirstToken;
            for (int i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                var t = tokens[i];
                if (t.Kind == TokenKind.Punctuation && s[t.NormStart] is ',' or ';' or ':' or '–' or '—' && i > first)
                {
                    result.Add(SentenceSplitter.Make(tokens, first, i + 1));
                    first = i + 1;
                }
            }

            if (first < sentence.EndToken)
            {
                result.Add(SentenceSplitter.Make(tokens, first, sentence.EndToken));
            }
        }

        return result.ToArray();
    }
}
