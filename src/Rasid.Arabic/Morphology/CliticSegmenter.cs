using Rasid.Arabic.Data;
using Rasid.Arabic.Text;
using Rasid.Core;

namespace Rasid.Arabic.Morphology;

/// <summary>Which clitics <see cref="CliticSegmenter"/> may strip.</summary>
[Flags]
public enum CliticOptions
{
    None = 0,
    Proclitics = 1,
    Enclitics = 2,
    All = Proclitics | Enclitics,

    /// <summary>
    /// The word's last letter is written ة in the original (normalization folds it to ه): that ه is not the enclitic
    /// pronoun. Set it with <see cref="CliticSegmenter.ForToken"/>.
    /// </summary>
    FinalTehMarbuta = 4,
}

/// <summary>
/// Proposes readings of a normalized Arabic word with clitics split off, for dictionary lookup. It does not decide:
/// the caller looks each stem up and keeps the first that a lexicon knows (whole word first, then readings that strip
/// less). Every reading keeps the surface: it is a pair of lengths into the word (<see cref="StemCandidate"/>).
/// </summary>
/// <remarks>
/// The clitic inventory is data (data/arabic/clitics.tsv). Readings follow the slot order
/// conjunction (و ف) → preposition (ب ل ك) or future (س) → article (ال; ل + ال is written لل) → stem → enclitic pronoun
/// (ه ها هم هما هن ك كم كما كن نا ني ي), with these constraints: a stem keeps at least <see cref="MinStem"/> letters;
/// no enclitic after the article; no article after the future marker; before an enclitic a stem ending in ت is also read
/// with its ta marbuta restored (مدينته → مدينه). The allocation-free overload writes into a caller's span.
/// </remarks>
public static class CliticSegmenter
{
    public const int MinStem = 2;

    /// <summary>Upper bound on the readings of one word; size spans passed to <see cref="Candidates(ReadOnlySpan{char}, Span{StemCandidate}, CliticOptions)"/> with it.</summary>
    public const int MaxCandidates = 64;

    private static readonly Inventory Clitics = Inventory.Load(
        DataFile.LoadEmbedded(typeof(CliticSegmenter).Assembly, "rasid/arabic/clitics.tsv", "form", "slot"));

    // The article's two letters (the data file must give a two-letter article), compared directly on the hot path.
    private static readonly char Article0 = Clitics.Article[0];
    private static readonly char Article1 = Clitics.Article[1];

    /// <summary>Conjunction proclitics (و ف).</summary>
    public static ReadOnlySpan<char> Conjunctions => Clitics.Conjunctions;

    /// <summary>Prepositional proclitics (ب ل ك).</summary>
    public static ReadOnlySpan<char> Prepositions => Clitics.Prepositions;

    /// <summary>Enclitic pronouns, longest first.</summary>
    public static IReadOnlyList<string> Enclitics => Clitics.Enclitics;

    /// <summary>Candidate readings, whole word first, then by increasing amount stripped. Normalized input expected.</summary>
    public static List<StemCandidate> Candidates(ReadOnlySpan<char> word, bool withEnclitics = false)
    {
        Span<StemCandidate> buffer = stackalloc StemCandidate[MaxCandidates];
        int n = Candidates(word, buffer, withEnclitics ? CliticOptions.All : CliticOptions.Proclitics);
        var result = new List<StemCandidate>(n);
        result.AddRange(buffer[..n]);

        return result;
    }

    /// <summary>
    /// Writes the readings of <paramref name="word"/> into <paramref name="into"/> (whole word first, then by increasing
    /// amount stripped) and returns their number. Allocation-free; <paramref name="into"/> should hold <see cref="MaxCandidates"/>.
    /// </summary>
    public static int Candidates(ReadOnlySpan<char> word, Span<StemCandidate> into, CliticOptions options)
    {
        int n = 0;
        Add(into, ref n, new StemCandidate(0, 0, false));
        if ((options & CliticOptions.Proclitics) != 0)
        {
            AddProclitics(word, 0, into, ref n, allowArticle: true);
        }

        // Most words end in a letter no enclitic ends with: skip the suffix loop for them.
        if ((options & CliticOptions.Enclitics) != 0 && word.Length > MinStem && Clitics.EncliticLastLetters.Contains(word[^1]))
        {
            foreach (var e in Clitics.Enclitics)
            {
                if (word.Length - e.Length < MinStem || !word.EndsWith(e, StringComparison.Ordinal))
                {
                    continue;
                }

                if ((options & CliticOptions.FinalTehMarbuta) != 0 && e.Length == 1 && e[0] == ArabicLetters.Heh)
                {
                    continue;
                }

                var stem = word[..^e.Length];
                if (HasArticleAt(stem, 0))
                {
                    continue; // no enclitic after the article
                }

                bool teh = stem[^1] == ArabicLetters.Teh;
                Add(into, ref n, new StemCandidate(0, e.Length, false));
                if (teh)
                {
                    Add(into, ref n, new StemCandidate(0, e.Length, false, RestoredTehMarbuta: true));
                }

                if ((options & CliticOptions.Proclitics) != 0)
                {
                    int before = n;
                    AddProclitics(stem, e.Length, into, ref n, allowArticle: false);
                    if (teh)
                    {
                        for (int k = before, end = n; k < end; k++)
                        {
                            Add(into, ref n, into[k] with { RestoredTehMarbuta = true });
                        }
                    }
                }
            }
        }

        // Stable insertion sort by amount stripped (n is small); a restored reading goes after the plain one of equal length.
        for (int i = 1; i < n; i++)
        {
            var x = into[i];
            int j = i - 1;
            while (j >= 0 && Order(into[j]) > Order(x))
            {
                into[j + 1] = into[j];
                j--;
            }

            into[j + 1] = x;
        }

        return n;
    }

    /// <summary>
    /// <paramref name="options"/> plus what the original spelling of token <paramref name="tokenIndex"/> tells:
    /// <see cref="CliticOptions.FinalTehMarbuta"/> when its last letter is written ة.
    /// </summary>
    public static CliticOptions ForToken(AnalyzedText text, int tokenIndex, CliticOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Tokens[tokenIndex];
        if (t.NormLength == 0 || text.Normalized.Text[t.NormEnd - 1] != ArabicLetters.Heh)
        {
            return options;
        }

        return IsTehMarbuta(text.Original[text.Normalized.ToOriginalIndex(t.NormEnd - 1)]) ? options | CliticOptions.FinalTehMarbuta : options;
    }

    /// <summary><paramref name="options"/> plus <see cref="CliticOptions.FinalTehMarbuta"/> when an unnormalized word ends in ة (marks ignored).</summary>
    public static CliticOptions ForWord(ReadOnlySpan<char> original, CliticOptions options)
    {
        for (int i = original.Length - 1; i >= 0; i--)
        {
            char c = original[i];
            if (ArabicLetters.IsArabicMark(c) || c == ArabicLetters.Tatweel)
            {
                continue;
            }

            return IsTehMarbuta(c) ? options | CliticOptions.FinalTehMarbuta : options;
        }

        return options;
    }

    private static bool IsTehMarbuta(char c) => c is ArabicLetters.TehMarbuta or '\uFE93' or '\uFE94' or '\u06C3';

    /// <summary>The proclitic readings only (no enclitics), appended to <paramref name="into"/>.</summary>
    public static void AddProclitics(ReadOnlySpan<char> word, int suffix, List<StemCandidate> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        Span<StemCandidate> buffer = stackalloc StemCandidate[MaxCandidates];
        int n = 0;
        AddProclitics(word, suffix, buffer, ref n, allowArticle: true);
        foreach (var c in buffer[..n])
        {
            into.Add(c);
        }
    }

    /// <summary>The lookup key a candidate names (allocates).</summary>
    public static string Key(ReadOnlySpan<char> word, StemCandidate c)
    {
        Span<char> buffer = word.Length <= 254 ? stackalloc char[256] : new char[word.Length + 2];
        return WriteKey(word, c, buffer).ToString();
    }

    /// <summary>Writes the lookup key a candidate names into <paramref name="buffer"/> (length ≥ word + 2) and returns it.</summary>
    public static ReadOnlySpan<char> WriteKey(ReadOnlySpan<char> word, StemCandidate c, Span<char> buffer)
    {
        var stem = word.Slice(c.PrefixLength, c.StemLength(word.Length));
        int n = 0;
        if (c.RestoredArticle)
        {
            buffer[n++] = ArabicLetters.Alef;
            buffer[n++] = ArabicLetters.Lam;
        }

        stem.CopyTo(buffer[n..]);
        n += stem.Length;
        if (c.RestoredTehMarbuta)
        {
            buffer[n - 1] = ArabicLetters.Heh;
        }

        return buffer[..n];
    }

    /// <summary>The original span of a reading's stem in token <paramref name="tokenIndex"/> (without the stripped clitics).</summary>
    public static TextSpan StemSpan(AnalyzedText text, int tokenIndex, StemCandidate c)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Tokens[tokenIndex];
        return text.Normalized.ToOriginal(t.NormStart + c.PrefixLength, t.NormEnd - c.SuffixLength);
    }

    /// <summary>A reading written out with '+' between clitics and stem (و+ب+ال+رقه), for display.</summary>
    public static string Describe(ReadOnlySpan<char> word, StemCandidate c)
    {
        var parts = new List<string>(5);
        var prefix = word[..c.PrefixLength];
        int i = 0;
        if (i < prefix.Length && Clitics.Conjunctions.Contains(prefix[i]))
        {
            parts.Add(prefix.Slice(i++, 1).ToString());
        }

        if (i < prefix.Length && (Clitics.Prepositions.Contains(prefix[i]) || Clitics.Future.Contains(prefix[i])))
        {
            parts.Add(prefix.Slice(i++, 1).ToString());
        }

        // The rest is the article, or (restored reading) the ل that stands for it, which the key shows as ال.
        if (i < prefix.Length && !c.RestoredArticle)
        {
            parts.Add(prefix[i..].ToString());
        }

        parts.Add(Key(word, c));
        if (c.SuffixLength > 0)
        {
            parts.Add(word[^c.SuffixLength..].ToString());
        }

        return string.Join('+', parts);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int Order(StemCandidate c) => (c.Stripped * 4) + (c.RestoredArticle ? 1 : 0) + (c.RestoredTehMarbuta ? 2 : 0);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void Add(Span<StemCandidate> into, ref int n, StemCandidate c)
    {
        if (n < into.Length)
        {
            into[n++] = c;
        }
    }

    private static void AddProclitics(ReadOnlySpan<char> word, int suffix, Span<StemCandidate> into, ref int n, bool allowArticle)
    {
        int len = word.Length;
        int maxConj = len > 0 && Inventory.In(Clitics.ConjunctionMask, word[0]) ? 1 : 0;
        for (int conj = 0; conj <= maxConj; conj++)
        {
            if (conj > 0 && len - conj >= MinStem)
            {
                AddStem(word, conj, suffix, into, ref n, allowArticle);
            }

            int p = conj;
            bool future = false;
            if (p < len && len - (p + 1) >= MinStem)
            {
                if (Inventory.In(Clitics.PrepositionMask, word[p]))
                {
                    // لل: ل + ال with the alef dropped.
                    if (allowArticle && word[p] == ArabicLetters.Lam && p + 1 < len && word[p + 1] == ArabicLetters.Lam
                        && len - (p + 2) >= MinStem)
                    {
                        Add(into, ref n, new StemCandidate(p + 2, suffix, true));
                        Add(into, ref n, new StemCandidate(p + 2, suffix, false));
                    }

                    AddStem(word, p + 1, suffix, into, ref n, allowArticle);
                    AddArticle(word, p + 1, suffix, into, ref n, allowArticle);
                }
                else if (Inventory.In(Clitics.FutureMask, word[p]))
                {
                    future = true;
                    Add(into, ref n, new StemCandidate(p + 1, suffix, false));
                }
            }

            if (!future)
            {
                AddArticle(word, p, suffix, into, ref n, allowArticle);
            }
        }
    }

    // A stem that still starts with the article takes no enclitic (allowArticle is false on the enclitic path).
    private static void AddStem(ReadOnlySpan<char> word, int p, int suffix, Span<StemCandidate> into, ref int n, bool allowArticle)
    {
        if (allowArticle || !HasArticleAt(word, p))
        {
            Add(into, ref n, new StemCandidate(p, suffix, false));
        }
    }

    // The article, after any conjunction/preposition: (و)(ب)ال + stem.
    private static void AddArticle(ReadOnlySpan<char> word, int p, int suffix, Span<StemCandidate> into, ref int n, bool allowArticle)
    {
        if (allowArticle && HasArticleAt(word, p) && word.Length - (p + 2) >= MinStem)
        {
            Add(into, ref n, new StemCandidate(p + 2, suffix, false));
        }
    }

    private static bool HasArticleAt(ReadOnlySpan<char> word, int p) =>
        (uint)(p + 1) < (uint)word.Length && word[p] == Article0 && word[p + 1] == Article1;

    private sealed class Inventory
    {
        public required char[] Conjunctions { get; init; }

        public required char[] Prepositions { get; init; }

        public required char[] Future { get; init; }

        public required string Article { get; init; }

        public required string[] Enclitics { get; init; }

        // Membership bitmasks over U+0620–065F, so the hot path tests a letter with one shift instead of a search.
        public ulong ConjunctionMask { get; init; }

        public ulong PrepositionMask { get; init; }

        public ulong FutureMask { get; init; }

        public static ulong Mask(IEnumerable<char> letters) =>
            letters.Aggregate(0UL, (m, c) => c is >= '\u0620' and < '\u0660' ? m | (1UL << (c - '\u0620')) : throw new RasidException("E206", "clitics.tsv", $"proclitic U+{(int)c:X4} is outside U+0620–065F"));

        public static bool In(ulong mask, char c) => (uint)(c - '\u0620') < 64u && ((mask >> (c - '\u0620')) & 1) != 0;

        public required string EncliticLastLetters { get; init; }

        public static Inventory Load(DataFile file)
        {
            var conj = new List<char>();
            var prep = new List<char>();
            var future = new List<char>();
            var enclitics = new List<string>();
            string? article = null;
            foreach (var row in file.Rows)
            {
                var form = ArabicNormalizer.NormalizeKey(row["form"]);
                var slot = row["slot"];
                switch (slot)
                {
                    case "conjunction":
                        conj.Add(Single(row, form));
                        break;
                    case "preposition":
                        prep.Add(Single(row, form));
                        break;
                    case "future":
                        future.Add(Single(row, form));
                        break;
                    case "article":
                        article = form;
                        break;
                    case "lam-article":
                        if (form != "\u0644\u0644")
                        {
                            throw row.Error($"lam-article must be لل, not '{form}'");
                        }

                        break;
                    case "enclitic":
                        enclitics.Add(form);
                        break;
                    default:
                        throw row.Error($"unknown slot '{slot}' (conjunction, preposition, future, article, lam-article, enclitic)");
                }
            }

            return new Inventory
            {
                Conjunctions = [.. conj],
                Prepositions = [.. prep],
                Future = [.. future],
                Article = article is { Length: 2 } ? article : throw new RasidException("E206", file.Name, "the article row must give a two-letter article (ال)"),
                Enclitics = [.. enclitics.OrderByDescending(e => e.Length)],
                EncliticLastLetters = new string(enclitics.Select(e => e[^1]).Distinct().ToArray()),
                ConjunctionMask = Mask(conj),
                PrepositionMask = Mask(prep),
                FutureMask = Mask(future),
            };
        }

        private static char Single(DataRow row, string form) =>
            form.Length == 1 ? form[0] : throw row.Error($"a {row["slot"]} proclitic is one letter, not '{form}'");
    }
}
