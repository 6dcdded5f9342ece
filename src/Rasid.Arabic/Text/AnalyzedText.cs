namespace Rasid.Arabic.Text;

/// <summary>
/// The text layer's result for one document (like spaCy's <c>Doc</c>): the original, its normalized view, tokens,
/// sentences and clauses. Everything later stages find points into it by token index or original span.
/// </summary>
public sealed class AnalyzedText
{
    public AnalyzedText(NormalizedText normalized, Token[] tokens, Segment[] sentences, Segment[] clauses)
    {
        Normalized = normalized;
        Tokens = tokens;
        Sentences = sentences;
        Clauses = clauses;
    }

    public string Original => Normalized.Original;

    public NormalizedText Normalized { get; }

    public Token[] Tokens { get; }

    public Segment[] Sentences { get; }

    public Segment[] Clauses { get; }

    /// <summary>The normalized characters of a token.</summary>
    public ReadOnlySpan<char> NormOf(int tokenIndex)
    {
        var t = Tokens[tokenIndex];
        return Normalized.Text.AsSpan(t.NormStart, t.NormLength);
    }

    /// <summary>The normalized characters of a token, as a string (allocates).</summary>
    public string NormString(int tokenIndex) => NormOf(tokenIndex).ToString();

    /// <summary>The original surface of a token.</summary>
    public string Surface(int tokenIndex) => Tokens[tokenIndex].Span.Slice(Original);

    /// <summary>Index of the sentence containing a token.</summary>
    public int SentenceOf(int tokenIndex) => SegmentOf(Sentences, tokenIndex);

    /// <summary>Index of the clause containing a token.</summary>
    public int ClauseOf(int tokenIndex) => SegmentOf(Clauses, tokenIndex);

    private static int SegmentOf(Segment[] segments, int tokenIndex)
    {
        int lo = 0, hi = segments.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokenIndex < segments[mid].FirstToken)
            {
                hi = mid - 1;
            }
            else if (tokenIndex >= segments[mid].EndToken)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }
}
