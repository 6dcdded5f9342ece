namespace Rasid.Arabic.Text;

/// <summary>Arabic code points named as constants, so rules read without glyphs that confuse editors (STYLE.md §7).</summary>
public static class ArabicLetters
{
    public const char Hamza = '\u0621';
    public const char AlefMadda = '\u0622';
    public const char AlefHamzaAbove = '\u0623';
    public const char WawHamza = '\u0624';
    public const char AlefHamzaBelow = '\u0625';
    public const char YehHamza = '\u0626';
    public const char Alef = '\u0627';
    public const char Beh = '\u0628';
    public const char TehMarbuta = '\u0629';
    public const char Teh = '\u062A';
    public const char Dal = '\u062F';
    public const char Seen = '\u0633';
    public const char Feh = '\u0641';
    public const char Kaf = '\u0643';
    public const char Lam = '\u0644';
    public const char Meem = '\u0645';
    public const char Noon = '\u0646';
    public const char Heh = '\u0647';
    public const char Waw = '\u0648';
    public const char AlefMaksura = '\u0649';
    public const char Yeh = '\u064A';
    public const char Tatweel = '\u0640';
    public const char AlefWasla = '\u0671';
    public const char SuperscriptAlef = '\u0670';
    public const char FarsiYeh = '\u06CC';
    public const char Keheh = '\u06A9';
    public const char AeHeh = '\u06D5';
    public const char ArabicComma = '\u060C';
    public const char ArabicSemicolon = '\u061B';
    public const char ArabicQuestionMark = '\u061F';

    // One bit per code point of U+0600–08FF, precomputed from the ranges below: the tokenizer asks for every character,
    // and the range pattern is too long for the JIT to inline.
    private static readonly ulong[] LetterBits = BuildLetterBits();

    /// <summary>A letter of the Arabic script (after normalization), as opposed to marks, digits and punctuation.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool IsArabicLetter(char c)
    {
        uint i = (uint)c - 0x0600u;
        return i < 0x300u && (LetterBits[i >> 6] & (1UL << (int)(i & 63))) != 0;
    }

    private static ulong[] BuildLetterBits()
    {
        var bits = new ulong[0x300 / 64];
        for (int c = 0x0600; c < 0x0900; c++)
        {
            if (IsArabicLetterByRange((char)c))
            {
                bits[(c - 0x0600) >> 6] |= 1UL << ((c - 0x0600) & 63);
            }
        }

        return bits;
    }

    private static bool IsArabicLetterByRange(char c) =>
        c is (>= '\u0621' and <= '\u063A') or (>= '\u0641' and <= '\u064A') or (>= '\u066E' and <= '\u066F')
            or (>= '\u0671' and <= '\u06D3') or '\u06D5' or (>= '\u06EE' and <= '\u06EF') or (>= '\u06FA' and <= '\u06FC')
            or '\u06FF' or (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08C9');

    /// <summary>Harakat, Quranic annotation marks (incl. small waw/yeh U+06E5–06E6) and other combining marks of the Arabic block.</summary>
    public static bool IsArabicMark(char c) =>
        c is (>= '\u0610' and <= '\u061A') or (>= '\u064B' and <= '\u065F') or '\u0670'
            or (>= '\u06D6' and <= '\u06DC') or (>= '\u06DF' and <= '\u06E8')
            or (>= '\u06EA' and <= '\u06ED') or (>= '\u08CA' and <= '\u08FF');
}
