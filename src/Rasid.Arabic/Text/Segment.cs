using Rasid.Core;

namespace Rasid.Arabic.Text;

/// <summary>A run of tokens <c>[FirstToken, EndToken)</c> — a sentence or a clause — with its original span.</summary>
public readonly record struct Segment(int FirstToken, int EndToken, TextSpan Span)
{
    public int TokenCount => EndToken - FirstToken;

    public bool ContainsToken(int tokenIndex) => tokenIndex >= FirstToken && tokenIndex < EndToken;
}
