using Rasid.Arabic.Data;

namespace Rasid.Arabic.Text;

/// <summary>
/// Clause-linking words (في حين، بينما، إلا أن…) from data/arabic/clause-cues.tsv, compiled into a lookup by first
/// normalized word. A cue may carry a leading conjunction و or ف (وفيما، فيما).
/// </summary>
public sealed class ClauseCues
{
    private readonly Dictionary<string, string[][]> _byFirstWord;
    private readonly Dictionary<string, string[][]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // A 64K-bit filter over (length, first, second, last letter) of every cue's first word: most words are rejected
    // with one bit test instead of a string hash.
    private readonly ulong[] _filter = new ulong[1024];

    private ClauseCues(Dictionary<string, string[][]> byFirstWord)
    {
        _byFirstWord = byFirstWord;
        _lookup = byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var k in byFirstWord.Keys)
        {
            int h = FilterHash(k);
            _filter[h >> 6] |= 1UL << (h & 63);
        }
    }

    /// <summary>The cues shipped in the assembly.</summary>
    public static ClauseCues Default { get; } = Load(DataFile.LoadEmbedded(typeof(ClauseCues).Assembly, "rasid/arabic/clause-cues.tsv", "cue"));

    public int Count => _byFirstWord.Values.Sum(v => v.Length);

    public static ClauseCues Load(DataFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var lists = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var row in file.Rows)
        {
            var normalized = ArabicNormalizer.Normalize(row["cue"]);
            var words = Tokenizer.Tokenize(normalized).Select(t => normalized.Text[t.NormStart..t.NormEnd]).ToArray();
            if (words.Length == 0)
            {
                throw row.Error("empty cue");
            }

            if (!lists.TryGetValue(words[0], out var list))
            {
                lists[words[0]] = list = [];
            }

            list.Add(words[1..]);
        }

        // Longest continuation first, so "في حين أن" wins over "في حين".
        return new ClauseCues(lists.ToDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(w => w.Length).ToArray(), StringComparer.Ordinal));
    }

    /// <summary>The number of tokens of the cue starting at token <paramref name="i"/> (within <paramref name="end"/>), or 0.</summary>
    public int MatchAt(string normalizedText, Token[] tokens, int i, int end)
    {
        ArgumentNullException.ThrowIfNull(normalizedText);
        ArgumentNullException.ThrowIfNull(tokens);
        var t = tokens[i];
        if (t.Kind != TokenKind.ArabicWord)
        {
            return 0;
        }

        var word = normalizedText.AsSpan(t.NormStart, t.NormLength);
        int n = Continuations(normalizedText, tokens, i, end, word);
        if (n == 0 && word.Length > 2 && word[0] is ArabicLetters.Waw or ArabicLetters.Feh)
        {
            n = Continuations(normalizedText, tokens, i, end, word[1..]);
        }

        return n;
    }

    private static int FilterHash(ReadOnlySpan<char> w) =>
        ((w.Length * 40503) + (w[0] * 97) + (w.Length > 1 ? w[1] * 7919 : 0) + (w[^1] * 31)) & 0xFFFF;

    private int Continuations(string s, Token[] tokens, int i, int end, ReadOnlySpan<char> first)
    {
        int h = FilterHash(first);
        if (((_filter[h >> 6] >> (h & 63)) & 1) == 0 || !_lookup.TryGetValue(first, out var continuations))
        {
            return 0;
        }

        foreach (var rest in continuations)
        {
            if (i + rest.Length >= end)
            {
                continue;
            }

            bool all = true;
            for (int k = 0; k < rest.Length && all; k++)
            {
                var tk = tokens[i + 1 + k];
                all = s.AsSpan(tk.NormStart, tk.NormLength).SequenceEqual(rest[k]);
            }

            if (all)
            {
                return 1 + rest.Length;
            }
        }

        return 0;
    }
}
