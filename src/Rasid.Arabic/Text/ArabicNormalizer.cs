using System.Text;

namespace Rasid.Arabic.Text;

/// <summary>
/// Folds Arabic text into the form every matcher in Rasid compares against. It never changes the original: it writes a
/// new buffer and, for each output character, the index of the original character it came from (the offset map).
/// </summary>
/// <remarks>
/// The foldings, one table lookup per character (Lucene's <c>ArabicNormalizer</c> lists its foldings the same way):
/// <list type="bullet">
/// <item>removed: harakat and Quranic marks (U+0610–061A, U+064B–065F, U+0670, U+06D6–06ED incl. small waw/yeh,
/// U+08CA–08FF), the end-of-ayah sign U+06DD, tatweel U+0640, zero-width and bidi controls (U+200B–200F, U+202A–202E,
/// U+2060–2069, U+FEFF, U+061C, U+180E, U+034F, U+00AD soft hyphen), C0/C1 controls other than tab and line breaks;</item>
/// <item>alef forms أ إ آ ٱ ٲ ٳ ٵ → ا; alef maksura ى → ي; ta marbuta ة → ه (unless <see cref="NormalizationOptions.KeepTehMarbuta"/>);
/// hamza seats ؤ ٶ → و and ئ ٸ → ي (the same folding as shared/geo's <c>ar_norm</c>, so gazetteer keys and text agree);</item>
/// <item>Persian/Urdu letter forms ک ڪ → ك; ی ې ے ۓ ۍ ێ ۑ → ي; ە ۀ ہ ۂ ھ → ه; ۃ → ه (or ة);</item>
/// <item>Arabic-Indic (٠–٩), extended/Persian (۰–۹) and full-width (０–９) digits → ASCII digits; ٫ → '.'; ٬ → ',';</item>
/// <item>Arabic punctuation ، → ','; ؛ → ';'; ؟ → '?'; ۔ → '.'; ٪ → '%'; ٭ → '*';</item>
/// <item>the noncharacter U+FFFE → U+FFFD;</item>
/// <item>Unicode spaces (no-break, en/em, ideographic…) → ' '; U+2028/2029/0085, VT, FF → '\n'; Latin A–Z (and full-width) → a–z;</item>
/// <item>presentation forms (U+FB50–FDFF, U+FE70–FEFF) → their NFKC letters, folded by the rules above (ﻻ → لا: one
/// original character, two output characters, both mapped to it). Ligatures of whole phrases (ﷺ ﷻ ﷽) lose their inner
/// spaces, so one original character never becomes two tokens.</item>
/// </list>
/// The folding is a pure per-character table, hence idempotent: normalizing normalized text changes nothing.
/// </remarks>
public static class ArabicNormalizer
{
    private const char Removed = '\0';
    private const char Expands = '\uFFFE';

    private static readonly FoldTable Default = new(keepTehMarbuta: false);
    private static readonly Lazy<FoldTable> KeepTehMarbuta = new(() => new FoldTable(keepTehMarbuta: true));

    /// <summary>The normalized form of one character, or null when it is removed. Expanding characters return their first letter.</summary>
    public static char? FoldChar(char c, NormalizationOptions options = NormalizationOptions.None)
    {
        var table = TableFor(options);
        var f = table.Fold[c];
        if (f == Removed && c != '\0')
        {
            return null;
        }

        return f == Expands ? table.Expansions[c][0] : f;
    }

    /// <summary>Normalizes <paramref name="original"/> into a new string with an offset map back to it.</summary>
    public static NormalizedText Normalize(string original, NormalizationOptions options = NormalizationOptions.None)
    {
        ArgumentNullException.ThrowIfNull(original);
        var table = TableFor(options);
        var fold = table.Fold;
        int firstChange = FirstChange(original, fold);
        if (firstChange < 0)
        {
            return new NormalizedText(original, original, null);
        }

        // Expansions are rare; size for the common case and grow when one appears. The unchanged prefix is copied at once.
        // The offset map is only built from the first character removed or expanded: until then normalized index ==
        // original index, and a text with only 1:1 foldings (about a third of news articles) needs no map at all.
        var buffer = new char[original.Length + 8];
        int[]? map = null;
        original.CopyTo(0, buffer, 0, firstChange);
        int n = firstChange;
        for (int i = firstChange; i < original.Length; i++)
        {
            char c = original[i];
            char f = fold[c];
            if (f == Removed && c != Removed)
            {
                map ??= IdentityMap(n, original.Length + 9);
                continue; // NUL folds to itself (the table's "removed" mark is NUL), as FirstChange and FoldChar see it
            }

            if (f == Expands)
            {
                map ??= IdentityMap(n, original.Length + 9);
                var s = table.Expansions[c];
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
                if (map is not null)
                {
                    Array.Resize(ref map, buffer.Length + 1);
                }
            }

            buffer[n] = f;
            if (map is not null)
            {
                map[n] = i;
            }

            n++;
        }

        if (map is null)
        {
            return new NormalizedText(original, new string(buffer, 0, n), null);
        }

        map[n] = original.Length;
        if (map.Length != n + 1)
        {
            Array.Resize(ref map, n + 1);
        }

        return new NormalizedText(original, new string(buffer, 0, n), map);
    }

    private static int[] IdentityMap(int count, int capacity)
    {
        var map = new int[capacity];
        for (int k = 0; k < count; k++)
        {
            map[k] = k;
        }

        return map;
    }

    /// <summary>
    /// Normalizes in place for hot paths that need no offset map (lookup keys, benchmarks) and returns the new length.
    /// Expanding presentation forms are reduced to their first letter here; use <see cref="Normalize(string, NormalizationOptions)"/>
    /// where that matters.
    /// </summary>
    public static int NormalizeInPlace(Span<char> text, NormalizationOptions options = NormalizationOptions.None)
    {
        var table = TableFor(options);
        var fold = table.Fold;
        int n = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            char f = fold[c];
            if (f == Removed && c != Removed)
            {
                continue;
            }

            text[n++] = f == Expands ? table.Expansions[c][0] : f;
        }

        return n;
    }

    /// <summary>Normalizes a short string (a lexicon entry, a query) without keeping a map.</summary>
    public static string NormalizeKey(string text, NormalizationOptions options = NormalizationOptions.None)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Normalize(text, options).Text;
    }

    /// <summary>True when normalization would leave <paramref name="text"/> exactly as it is.</summary>
    public static bool IsNormalized(ReadOnlySpan<char> text, NormalizationOptions options = NormalizationOptions.None)
    {
        var fold = TableFor(options).Fold;
        foreach (char c in text)
        {
            if (fold[c] != c)
            {
                return false;
            }
        }

        return true;
    }

    private static FoldTable TableFor(NormalizationOptions options) =>
        (options & NormalizationOptions.KeepTehMarbuta) != 0 ? KeepTehMarbuta.Value : Default;

    private static int FirstChange(string text, char[] fold)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (fold[text[i]] != text[i])
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>One character → its folding: itself, a replacement, <see cref="Removed"/> or <see cref="Expands"/> (see Expansions).</summary>
    private sealed class FoldTable
    {
        public FoldTable(bool keepTehMarbuta)
        {
            Fold = new char[char.MaxValue + 1];
            for (int c = 0; c <= char.MaxValue; c++)
            {
                Fold[c] = FoldBasic((char)c, keepTehMarbuta);
            }

            Expansions = BuildExpansions(Fold, keepTehMarbuta);
        }

        public char[] Fold { get; }

        public Dictionary<char, string> Expansions { get; }
    }

    private static char FoldBasic(char c, bool keepTehMarbuta)
    {
        switch (c)
        {
            case '\t' or '\n' or '\r':
                return c;
            case Expands:
                return '\uFFFD'; // the noncharacter used as the table's marker becomes a replacement character
            case '\u000B' or '\u000C' or '\u0085' or '\u2028' or '\u2029':
                return '\n';
            case < ' ' or (>= '\u007F' and <= '\u009F'):
                return Removed;
            case '\u00A0' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000' or '\u1680':
                return ' ';
            case '\u00AD' or (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u2069')
                or '\uFEFF' or '\u061C' or '\u180E' or '\u034F' or '\u06DD' or ArabicLetters.Tatweel:
                return Removed;
            case ArabicLetters.AlefMadda or ArabicLetters.AlefHamzaAbove or ArabicLetters.AlefHamzaBelow or ArabicLetters.AlefWasla
                or '\u0672' or '\u0673' or '\u0675':
                return ArabicLetters.Alef;
            case ArabicLetters.AlefMaksura or ArabicLetters.FarsiYeh or ArabicLetters.YehHamza or '\u0678' or '\u06CD' or '\u06CE'
                or '\u06D0' or '\u06D1' or '\u06D2' or '\u06D3':
                return ArabicLetters.Yeh;
            case ArabicLetters.TehMarbuta or '\u06C3':
                return keepTehMarbuta ? ArabicLetters.TehMarbuta : ArabicLetters.Heh;
            case ArabicLetters.AeHeh or '\u06C0' or '\u06C1' or '\u06C2' or '\u06BE':
                return ArabicLetters.Heh;
            case ArabicLetters.WawHamza or '\u0676':
                return ArabicLetters.Waw;
            case ArabicLetters.Keheh or '\u06AA':
                return ArabicLetters.Kaf;
            case >= '\u0660' and <= '\u0669':
                return (char)('0' + (c - '\u0660'));
            case >= '\u06F0' and <= '\u06F9':
                return (char)('0' + (c - '\u06F0'));
            case >= '\uFF10' and <= '\uFF19':
                return (char)('0' + (c - '\uFF10'));
            case >= '\uFF21' and <= '\uFF3A':
                return (char)('a' + (c - '\uFF21'));
            case >= '\uFF41' and <= '\uFF5A':
                return (char)('a' + (c - '\uFF41'));
            case '\u066B' or '\u06D4':
                return '.';
            case '\u066C' or ArabicLetters.ArabicComma:
                return ',';
            case ArabicLetters.ArabicSemicolon:
                return ';';
            case ArabicLetters.ArabicQuestionMark:
                return '?';
            case '\u066A':
                return '%';
            case '\u066D':
                return '*';
            case >= 'A' and <= 'Z':
                return (char)(c + ('a' - 'A'));
            case (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFE'):
                return Expands; // resolved against NFKC in BuildExpansions; unassigned ones fall back to identity
            default:
                return ArabicLetters.IsArabicMark(c) ? Removed : c;
        }
    }

    private static Dictionary<char, string> BuildExpansions(char[] fold, bool keepTehMarbuta)
    {
        var result = new Dictionary<char, string>();
        for (int c = 0xFB50; c <= 0xFEFE; c++)
        {
            char ch = (char)c;
            if (fold[ch] != Expands)
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

            if (nfkc == ch.ToString())
            {
                fold[ch] = ch; // unassigned, or a symbol with no decomposition (ornate parentheses, rial sign)
                continue;
            }

            var sb = new StringBuilder(nfkc.Length);
            foreach (char d in nfkc)
            {
                char f = FoldBasic(d, keepTehMarbuta);
                if (f != Removed && f != Expands && f != ' ')
                {
                    sb.Append(f);
                }
            }

            var folded = sb.ToString();
            if (folded.Length == 0)
            {
                fold[ch] = Removed; // isolated mark forms (U+FE70…) carry no letter
            }
            else if (folded.Length == 1)
            {
                fold[ch] = folded[0];
            }
            else
            {
                result[ch] = folded;
            }
        }

        return result;
    }
}

/// <summary>Choices that change the normalized form; the default is what every Rasid lexicon is written against.</summary>
[Flags]
public enum NormalizationOptions
{
    None = 0,

    /// <summary>Keep ة distinct from ه (for display or morphology that needs the feminine ending).</summary>
    KeepTehMarbuta = 1,
}
