using Rasid.Core;

namespace Rasid.Arabic.Matching;

/// <summary>
/// A phrase found in the tokens <c>[FirstToken, EndToken)</c>. <see cref="Span"/> is the original span of the phrase
/// itself, without a proclitic glued to its first word (بالرقة → الرقة).
/// </summary>
public readonly record struct PhraseMatch<T>(int FirstToken, int EndToken, TextSpan Span, T Value, int PrefixLength)
{
    public int TokenCount => EndToken - FirstToken;
}
