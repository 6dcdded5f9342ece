using Rasid.Arabic.Matching;
using Rasid.Arabic.Text;

namespace Rasid.Arabic.Numbers;

/// <summary>Which proclitics a <see cref="WordTable{T}"/> lookup may strip from the first word of a phrase.</summary>
[Flags]
internal enum Proclitics
{
    None = 0,

    /// <summary>و or ف.</summary>
    Conjunction = 1,

    /// <summary>ب ل ك (after an optional conjunction); ل + ال written لل is read as ل + the article.</summary>
    Preposition = 2,

    /// <summary>The article ال before a stem listed without it (الثلاثة → ثلاثة).</summary>
    Article = 4,

    All = Conjunction | Preposition | Article,
}

/// <summary>A phrase of a <see cref="WordTable{T}"/> found in tokens [FirstToken, EndToken).</summary>
/// <param name="PrefixLength">Normalized characters of conjunction/preposition stripped from the first token (not the article).</param>
/// <param name="StrippedArticle">True when the first word was read without an article the table does not list.</param>
internal readonly record struct WordMatch<T>(int FirstToken, int EndToken, T Value, int PrefixLength, bool StrippedArticle)
{
    /// <summary>The first token's proclitic string (normalized), e.g. "و" or "بال".</summary>
    public bool HasConjunction(AnalyzedText text) =>
        PrefixLength > 0 && text.NormOf(FirstToken)[0] is ArabicLetters.Waw or ArabicLetters.Feh;
}

/// <summary>
/// A small phrase table indexed by the normalized first word (STYLE.md §8: only try what can match). The first word may
/// carry proclitics (as allowed per lookup); the following words must match whole tokens. Lookups do not allocate.
/// Built once from data files; immutable and thread-safe.
/// </summary>
internal sealed class WordTable<T>
{
    private const int MinStem = 2;

    // No lexicon word with its proclitics is longer; longer tokens (glued runs) are not looked into.
    private const int MaxWord = 40;

    private readonly Dictionary<string, Entry[]> _byFirst;
    private readonly Dictionary<string, Entry[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Cheap gates before hashing (most words of a text are in no table): which key lengths and first letters exist.
    private readonly ulong _lengths;
    private readonly bool[] _firstChars = new bool[0x800];

    private WordTable(Dictionary<string, Entry[]> byFirst)
    {
        _byFirst = byFirst;
        _lookup = byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var key in byFirst.Keys)
        {
            _lengths |= key.Length < 64 ? 1UL << key.Length : 0;
            _firstChars[key[0] < 0x800 ? key[0] : 0x7FF] = true;
        }
    }

    public int Count => _byFirst.Values.Sum(e => e.Length);

    /// <summary>Builds a table; phrases are normalized and split like text. On a duplicate phrase the first entry wins.</summary>
    public static WordTable<T> Build(IEnumerable<(string Phrase, T Value)> entries)
    {
        var lists = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        foreach (var (phrase, value) in entries)
        {
            var words = PhraseMatcher<T>.Words(phrase);
            if (words.Count == 0)
            {
                continue;
            }

            if (!lists.TryGetValue(words[0], out var list))
            {
                list = [];
                lists[words[0]] = list;
            }

            var rest = words.Skip(1).ToArray();
            if (!list.Any(e => e.Rest.AsSpan().SequenceEqual(rest)))
            {
                list.Add(new Entry(rest, value));
            }
        }

        // Longest phrases first, so the first entry that matches is the longest match.
        var byFirst = lists.ToDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(e => e.Rest.Length).ToArray(), StringComparer.Ordinal);
        return new WordTable<T>(byFirst);
    }

    /// <summary>True when the table has a phrase whose first word is exactly <paramref name="word"/> (normalized, no clitics stripped).</summary>
    public bool ContainsFirstWord(ReadOnlySpan<char> word) => _lookup.ContainsKey(word);

    /// <summary>The longest phrase starting at token <paramref name="start"/>, reading its first word whole before stripping clitics.</summary>
    public bool TryMatchAt(AnalyzedText text, int start, Proclitics allowed, out WordMatch<T> match)
    {
        match = default;
        if ((uint)start >= (uint)text.Tokens.Length)
        {
            return false;
        }

        var w = text.NormOf(start);
        if (TryEntries(text, start, w, 0, false, out match))
        {
            return true;
        }

        if (allowed == Proclitics.None || text.Tokens[start].Kind != TokenKind.ArabicWord || w.Length > MaxWord)
        {
            return false;
        }

        Span<char> restored = stackalloc char[w.Length + 1];
        int maxConj = (allowed & Proclitics.Conjunction) != 0 && w.Length > MinStem && w[0] is ArabicLetters.Waw or ArabicLetters.Feh ? 1 : 0;
        for (int c = 0; c <= maxConj; c++)
        {
            int maxPrep = (allowed & Proclitics.Preposition) != 0 && w.Length - c > MinStem && w[c] is ArabicLetters.Beh or ArabicLetters.Lam or ArabicLetters.Kaf ? 1 : 0;
            for (int p = 0; p <= maxPrep; p++)
            {
                int pre = c + p;
                if (pre > 0 && TryEntries(text, start, w[pre..], pre, false, out match))
                {
                    return true;
                }

                // لل = ل + ال: look the word up with its article restored.
                if (p == 1 && w[c] == ArabicLetters.Lam && w.Length - pre > MinStem && w[pre] == ArabicLetters.Lam)
                {
                    var key = restored[..(w.Length - pre + 1)];
                    key[0] = ArabicLetters.Alef;
                    w[pre..].CopyTo(key[1..]);
                    if (TryEntries(text, start, key, pre, false, out match))
                    {
                        return true;
                    }

                    if ((allowed & Proclitics.Article) != 0 && TryEntries(text, start, w[(pre + 1)..], pre, true, out match))
                    {
                        return true;
                    }
                }

                if ((allowed & Proclitics.Article) != 0 && w.Length - pre - 2 >= MinStem
                    && w[pre] == ArabicLetters.Alef && w[pre + 1] == ArabicLetters.Lam
                    && TryEntries(text, start, w[(pre + 2)..], pre, true, out match))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The phrase at <paramref name="start"/> read with exactly <paramref name="prefixLength"/> characters stripped from the first token (وأحد = و + أحد, not واحد).</summary>
    public bool TryMatchStripped(AnalyzedText text, int start, int prefixLength, out WordMatch<T> match)
    {
        match = default;
        if ((uint)start >= (uint)text.Tokens.Length)
        {
            return false;
        }

        var w = text.NormOf(start);
        return w.Length - prefixLength >= MinStem && TryEntries(text, start, w[prefixLength..], prefixLength, false, out match);
    }

    private bool TryEntries(AnalyzedText text, int start, ReadOnlySpan<char> key, int prefix, bool strippedArticle, out WordMatch<T> match)
    {
        match = default;
        if (key.Length is 0 or >= 64 || (_lengths & (1UL << key.Length)) == 0 || !_firstChars[key[0] < 0x800 ? key[0] : 0x7FF]
            || !_lookup.TryGetValue(key, out var entries))
        {
            return false;
        }

        foreach (var e in entries)
        {
            int end = start + 1 + e.Rest.Length;
            if (end > text.Tokens.Length)
            {
                continue;
            }

            bool ok = true;
            for (int k = 0; k < e.Rest.Length && ok; k++)
            {
                ok = text.NormOf(start + 1 + k).SequenceEqual(e.Rest[k]);
            }

            if (ok)
            {
                match = new WordMatch<T>(start, end, e.Value, prefix, strippedArticle);
                return true;
            }
        }

        return false;
    }

    private sealed record Entry(string[] Rest, T Value);
}
