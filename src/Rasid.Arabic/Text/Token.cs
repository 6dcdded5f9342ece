using Rasid.Core;

namespace Rasid.Arabic.Text;

public enum TokenKind : byte
{
    /// <summary>A run of Arabic letters (clitics still attached).</summary>
    ArabicWord,

    /// <summary>A run of Latin letters (and digits inside, e.g. "F16").</summary>
    LatinWord,

    /// <summary>Digits, with thousands and decimal separators inside ("1,200", "3.5").</summary>
    Number,

    /// <summary>One punctuation character.</summary>
    Punctuation,

    /// <summary>An http(s) or www address.</summary>
    Url,

    /// <summary>Anything else that is not white space (symbols, other scripts, emoji).</summary>
    Symbol,
}

/// <summary>
/// A token: its kind, its range in the normalized text, and its span in the original text.
/// </summary>
public readonly record struct Token(TokenKind Kind, int NormStart, int NormEnd, TextSpan Span)
{
    public int NormLength => NormEnd - NormStart;

    public bool IsWord => Kind is TokenKind.ArabicWord or TokenKind.LatinWord;
}
