using System.Text;

namespace Rasid.Arabic.Text;

/// <summary>
/// Folds Arabic text into the form every matcher in Rasid compares against. It never changes the original: it writes a
/// new buffer and, for each output character, the index of the original character it came from (the offset map).
/// </summary>
/// <remarks>
/// The foldings, in the order a character meets them (Lucene's <c>ArabicNormalizer</c> lists its foldings the same way):
/// <list type="bullet">
/// <item>removed: harakat and Quranic marks (U+0610–061A, U+064B–065F, U+0670, U+06D6–06ED), tatweel U+0640, zero-width and
/// bidi controls (U+200B–200F, U+202A–202E, U+2060–2069, U+FEFF, U+061C, U+00AD soft hyphen), C0 controls other than tab/newline;</item>
/// <item>alef forms أ إ آ ٱ → ا; alef maksura ى → ي; ta marbuta ة → ه; hamza seats ؤ → و and ئ → ي
/// (the same folding as shared/geo's <c>ar_norm</c>, so gazetteer keys and text agree);</item>
/// <item>Persian/Urdu letter forms ک → ك, ی → ي, ە → ه, ۀ → ه;</item>
/// <item>Arabic-Indic (٠–٩) and extended (Persian, ۰–۹) digits → ASCII digits; ٫ → '.'; ٬ → ',';</item>
/// <item>Arabic punctuation ، → ','; ؛ → ';'; ؟ → '?'; ٪ → '%';</item>
/// <item>Unicode spaces (no-break, en/em, ideographic…) → ' '; Latin letters → lower case;</item>
/// <item>presentation forms (U+FB50–FDFF, U+FE70–FEFF) → their NFKC letters, folded by the rules above (ﻻ → لا: one
/// original character, two output characters, both mapped to it).</item>
/// </list>
/// The folding is idempotent: normalizing normalized text changes nothing.
/// </remarks>
public static class ArabicNormalizer
{
    private const char Removed = '\0';
    private const char Expands = '\uFFFE';

    private static readonly char[] Fold = BuildFold();
    private static readonly Dictionary<char, string> Expansions = BuildExpansions();

    /// <summary>The normalized form of one character, or null when it is removed. Expanding characters return their first letter.</summary>
    public static char? FoldChar(char c)
    {
        var f = Fold[c];
        if (f == Removed && c != '\0')
        {
            return null;
        }

        return f == Expands ? Expansions[c][0] : f;
    }

    /// <summary>Normalizes <paramref name="original"/> into a new string with an offset map back to it.</summary>
    public static NormalizedText Normalize(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        if (IsAlreadyNormal(original))
        {
            return new NormalizedText(original, original, null);
        }

        // Expansions are rare; size for the common case and grow when one appears.
        var buffer = new char[original.Length + 8];
        var map = new int[original.Length + 9];
        int n = 0;
        for (int i = 0; i < original.Length; i++)
        {
            char c = original[i];
            char f = Fold[c];
            if (f == Removed)
            {
                continue;
            }

            if (f == Expands)
            {
                var s = Expansions[c];
                if (n + s.Length >= buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2 + s.Length);
                    Array.Resize(ref map, buffer.Length + 1);
                }

                foreach (var e in s)
                {
                    buffer[n] = e;
                    map[n++] = i;
                }

                continue;
            }

            if (n + 1 >= buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2 + 1);
                Array.Resize(ref map, buffer.Length + 1);
            }

            buffer[n] = f;
            map[n++] = i;
        }

        map[n] = original.Length;
        if (map.Length != n + 1)
        {
            Array.Resize(ref map, n + 1);
        }

        return new NormalizedText(original, new string(buffer, 0, n), map);
    }

    /// <summary>
    /// Normalizes in place for hot paths that need no offset map (lookup keys, benchmarks) and returns the new length.
    /// Expanding presentation forms are reduced to their first letter here; use <see cref="Normalize(string)"/> where
    /// that matters.
    /// </summary>
    public static int NormalizeInPlace(Span<char> text)
    {
        int n = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            char f = Fold[c];
            if (f == Removed)
            {
                continue;
            }

            text[n++] = f == Expands ? Expansions[c][0] : f;
        }

        return n;
    }

    /// <summary>Normalizes a short string (a lexicon entry, a query) without keeping a map.</summary>
    public static string NormalizeKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Normalize(text).Text;
    }

    private static bool IsAlreadyNormal(string text)
    {
        foreach (char c in text)
        {
            if (Fold[c] != c)
            {
                return false;
            }
        }

        return true;
    }

    private static char[] BuildFold()
    {
        var fold = new char[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++)
        {
            fold[c] = FoldBasic((char)c);
        }

        return fold;
    }

    private static char FoldBasic(char c)
    {
        switch (c)
        {
            case '\t' or '\n' or '\r':
                return c;
            case < ' ' or '\u007F':
                return Removed;
            case '\u00A0' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000' or '\u1680':
                return ' ';
            case '\u00AD' or (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u2069')
                or '\uFEFF' or '\u061C' or ArabicLetters.Tatweel:
                return Removed;
            case ArabicLetters.AlefMadda or ArabicLetters.AlefHamzaAbove or ArabicLetters.AlefHamzaBelow or ArabicLetters.AlefWasla
                or '\u0672' or '\u0673' or '\u0675':
                return ArabicLetters.Alef;
            case ArabicLetters.AlefMaksura or ArabicLetters.FarsiYeh or ArabicLetters.YehHamza or '\u06D0' or '\u06D2':
                return ArabicLetters.Yeh;
            case ArabicLetters.TehMarbuta or ArabicLetters.AeHeh or '\u06C0' or '\u06C1' or '\u06BE':
                return ArabicLetters.Heh;
            case ArabicLetters.WawHamza:
                return ArabicLetters.Waw;
            case ArabicLetters.Keheh or '\u06AA':
                return ArabicLetters.Kaf;
            case >= '\u0660' and <= '\u0669':
                return (char)('0' + (c - '\u0660'));
            case >= '\u06F0' and <= '\u06F9':
                return (char)('0' + (c - '\u06F0'));
            case '\u066B':
                return '.';
            case '\u066C' or ArabicLetters.ArabicComma:
                return ',';
            case ArabicLetters.ArabicSemicolon:
                return ';';
            case ArabicLetters.ArabicQuestionMark:
                return '?';
            case '\u066A':
                return '%';
            case >= 'A' and <= 'Z':
                return (char)(c + ('a' - 'A'));
            case (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF'):
                return Expands; // resolved against NFKC below; unassigned ones fall back to identity
            default:
                return ArabicLetters.IsArabicMark(c) ? Removed : c;
        }
    }

    private static Dictionary<char, string> BuildExpansions()
    {
        var result = new Dictionary<char, string>();
        for (int c = 0xFB50; c <= 0xFEFF; c++)
        {
            if (c is > 0xFDFF and < 0xFE70)
            {
                continue;
            }

            char ch = (char)c;
            if (Fold[ch] != Expands)
            {
                continue;
            }

            string nfkc;
            try
            {
                nfkc = ch.ToString().Normalize(NormalizationForm.FormKC);
            }
            catch (ArgumentException)
            {
                nfkc = ch.ToString();
            }

            var sb = new StringBuilder(nfkc.Length);
            foreach (char d in nfkc)
            {
                char f = FoldBasic(d);
                if (f != Removed && f != Expands)
                {
                    sb.Append(f);
                }
            }

            var folded = sb.ToString();
            if (folded.Length == 0 || string.IsNullOrWhiteSpace(folded))
            {
                Fold[ch] = Removed; // isolated mark forms (U+FE70…) carry no letter
            }
            else if (folded.Length == 1)
            {
                Fold[ch] = folded[0];
            }
            else if (nfkc == ch.ToString())
            {
                Fold[ch] = ch; // unassigned or no decomposition
            }
            else
            {
                result[ch] = folded;
            }
        }

        return result;
    }
}
