using Rasid.Arabic.Morphology;
using Rasid.Arabic.Text;

namespace Rasid.Arabic.Matching;

/// <summary>
/// Finds multiword phrases (place names, actor aliases, trigger words, month names) in analyzed text by longest match in
/// a token trie (STYLE.md §8). Keys are compared in normalized form; the first word of a phrase may carry proclitics
/// (و ف ب ل ك ال لل), the last may carry enclitic pronouns when the matcher is built with <c>allowEnclitics</c>.
/// Immutable once built and safe to share between threads.
/// </summary>
public sealed class PhraseMatcher<T>
{
    private readonly Node _root = new();
    private readonly bool _allowEnclitics;

    private PhraseMatcher(bool allowEnclitics) => _allowEnclitics = allowEnclitics;

    public int Count { get; private set; }

    /// <summary>
    /// Builds a matcher. Each phrase is normalized and split into words with the same tokenizer the text goes through.
    /// When two entries share a phrase, <paramref name="merge"/> decides (default: the first wins).
    /// </summary>
    public static PhraseMatcher<T> Build(IEnumerable<(string Phrase, T Value)> entries, bool allowEnclitics = false, Func<T, T, T>? merge = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var m = new PhraseMatcher<T>(allowEnclitics);
        foreach (var (phrase, value) in entries)
        {
            var words = Words(phrase);
            if (words.Count == 0)
            {
                continue;
            }

            var node = m._root;
            foreach (var w in words)
            {
                node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
                if (!node.Children.TryGetValue(w, out var next))
                {
                    next = new Node();
                    node.Children[w] = next;
                }

                node = next;
            }

            if (node.HasValue)
            {
                node.Value = merge is null ? node.Value : merge(node.Value!, value);
            }
            else
            {
                node.Value = value;
                node.HasValue = true;
                m.Count++;
            }
        }

        m._root.Freeze();
        return m;
    }

    /// <summary>The normalized words of a phrase, as the tokenizer splits them.</summary>
    public static List<string> Words(string phrase)
    {
        var normalized = ArabicNormalizer.Normalize(phrase);
        var tokens = Tokenizer.Tokenize(normalized);
        return tokens.Select(t => normalized.Text.Substring(t.NormStart, t.NormLength)).ToList();
    }

    /// <summary>
    /// The longest match starting at token <paramref name="start"/>, if any. Whole-word readings are preferred over
    /// readings that strip a clitic when both match equally long.
    /// </summary>
    public bool TryMatchAt(AnalyzedText text, int start, out PhraseMatch<T> match)
    {
        ArgumentNullException.ThrowIfNull(text);
        match = default;
        bool found = false;
        var first = text.NormOf(start);
        Span<StemCandidate> candidates = stackalloc StemCandidate[CliticSegmenter.MaxCandidates];
        Span<char> keyBuffer = first.Length <= 254 ? stackalloc char[256] : new char[first.Length + 2];
        int count = CliticSegmenter.Candidates(first, candidates, _allowEnclitics ? CliticSegmenter.ForToken(text, start, CliticOptions.All) : CliticOptions.Proclitics);
        foreach (var c in candidates[..count])
        {
            var node = _root.Lookup(c.NeedsKey ? CliticSegmenter.WriteKey(first, c, keyBuffer) : first.Slice(c.PrefixLength, c.StemLength(first.Length)));
            if (node is null)
            {
                continue;
            }

            if (c.SuffixLength > 0)
            {
                // An enclitic ends the phrase: a one-word match, taken only when nothing longer was found.
                if (node.HasValue && !found)
                {
                    var t = text.Tokens[start];
                    var span = text.Normalized.ToOriginal(t.NormStart + c.PrefixLength, t.NormEnd - c.SuffixLength);
                    match = new PhraseMatch<T>(start, start + 1, span, node.Value!, c.PrefixLength);
                    found = true;
                }

                continue;
            }

            int best = -1;
            T? value = default;
            int bestSuffix = 0;
            Walk(text, start, node, 1, ref best, ref value, ref bestSuffix, 0);
            if (best > 0 && (!found || best > match.TokenCount))
            {
                int end = start + best;
                var t0 = text.Tokens[start];
                var tl = text.Tokens[end - 1];
                var span = text.Normalized.ToOriginal(t0.NormStart + c.PrefixLength, tl.NormEnd - bestSuffix);
                match = new PhraseMatch<T>(start, end, span, value!, c.PrefixLength);
                found = true;
            }
        }

        return found;
    }

    /// <summary>All non-overlapping longest matches, left to right.</summary>
    public List<PhraseMatch<T>> FindAll(AnalyzedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<PhraseMatch<T>>();
        for (int i = 0; i < text.Tokens.Length; i++)
        {
            if (!text.Tokens[i].IsWord && text.Tokens[i].Kind != TokenKind.Number)
            {
                continue;
            }

            if (TryMatchAt(text, i, out var m))
            {
                result.Add(m);
                i = m.EndToken - 1;
            }
        }

        return result;
    }

    private void Walk(AnalyzedText text, int start, Node node, int length, ref int best, ref T? value, ref int suffix, int depth)
    {
        if (node.HasValue)
        {
            best = length;
            value = node.Value;
            suffix = 0;
        }

        int next = start + length;
        if (next < text.Tokens.Length && node.Children is not null)
        {
            var word = text.NormOf(next);
            var child = node.Lookup(word);
            if (child is not null)
            {
                Walk(text, start, child, length + 1, ref best, ref value, ref suffix, depth + 1);
            }
            else if (_allowEnclitics && best < length + 1)
            {
                TryEnclitic(node, word, CliticSegmenter.ForToken(text, next, CliticOptions.Enclitics), length + 1, ref best, ref value, ref suffix);
            }
        }
    }

    private static void TryEnclitic(Node node, ReadOnlySpan<char> word, CliticOptions options, int length, ref int best, ref T? value, ref int suffix)
    {
        Span<StemCandidate> candidates = stackalloc StemCandidate[CliticSegmenter.MaxCandidates];
        Span<char> keyBuffer = word.Length <= 254 ? stackalloc char[256] : new char[word.Length + 2];
        int count = CliticSegmenter.Candidates(word, candidates, options);
        foreach (var c in candidates[..count])
        {
            if (c.PrefixLength != 0 || c.SuffixLength == 0)
            {
                continue;
            }

            var child = node.Lookup(c.NeedsKey ? CliticSegmenter.WriteKey(word, c, keyBuffer) : word[..^c.SuffixLength]);
            if (child is { HasValue: true })
            {
                best = length;
                value = child.Value;
                suffix = c.SuffixLength;
                return;
            }
        }
    }

    private sealed class Node
    {
        private Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public Dictionary<string, Node>? Children { get; set; }

        public bool HasValue { get; set; }

        public T? Value { get; set; }

        public Node? Lookup(ReadOnlySpan<char> key) =>
            Children is not null && _lookup.TryGetValue(key, out var n) ? n : null;

        public void Freeze()
        {
            if (Children is null)
            {
                return;
            }

            _lookup = Children.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var c in Children.Values)
            {
                c.Freeze();
            }
        }
    }
}
