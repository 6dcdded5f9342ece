namespace Rasid.Arabic.Morphology;

/// <summary>
/// Proposes readings of a normalized Arabic word with clitics split off, for dictionary lookup. It does not decide:
/// the caller looks each stem up and keeps the first that a lexicon knows (whole word first, then shorter stems).
/// </summary>
/// <remarks>
/// Proclitics, outermost first: conjunction و or ف; then a preposition ب ل ك or the future marker س; then the article
/// ال (ل + ال is written لل). Enclitic pronouns: ه ها هم هما هن ك كم كما كن نا ني ي. A stem keeps at least two letters.
/// </remarks>
public static class CliticSegmenter
{
    private const int MinStem = 2;

    private static readonly string[] Enclitics = ["هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ني", "ه", "ك", "ي"];

    /// <summary>Candidate readings, whole word first, then by increasing amount stripped. Normalized input expected.</summary>
    public static List<StemCandidate> Candidates(ReadOnlySpan<char> word, bool withEnclitics = false)
    {
        var result = new List<StemCandidate>(8) { new(0, 0, false) };
        AddProclitics(word, 0, result);
        if (withEnclitics)
        {
            foreach (var e in Enclitics)
            {
                if (word.Length - e.Length >= MinStem && word.EndsWith(e, StringComparison.Ordinal))
                {
                    result.Add(new StemCandidate(0, e.Length, false));
                    var stem = word[..^e.Length];
                    var inner = new List<StemCandidate>();
                    AddProclitics(stem, e.Length, inner);
                    result.AddRange(inner);
                }
            }
        }

        return result;
    }

    /// <summary>The proclitic readings only (no enclitics), appended to <paramref name="into"/>.</summary>
    public static void AddProclitics(ReadOnlySpan<char> word, int suffix, List<StemCandidate> into)
    {
        int p = 0;
        if (p < word.Length && word[p] is 'و' or 'ف' && word.Length - (p + 1) >= MinStem)
        {
            p++;
            into.Add(new StemCandidate(p, suffix, false));
        }

        if (p < word.Length && word[p] is 'ب' or 'ل' or 'ك' or 'س' && word.Length - (p + 1) >= MinStem)
        {
            // لل: ل + ال with the alef dropped.
            if (word[p] == 'ل' && p + 1 < word.Length && word[p + 1] == 'ل' && word.Length - (p + 2) >= MinStem)
            {
                into.Add(new StemCandidate(p + 2, suffix, true));
                into.Add(new StemCandidate(p + 2, suffix, false));
            }

            into.Add(new StemCandidate(p + 1, suffix, false));
            p++;
        }

        // The article, after any conjunction/preposition: (و)(ب)ال + stem.
        if (p + 1 < word.Length && word[p] == 'ا' && word[p + 1] == 'ل' && word.Length - (p + 2) >= MinStem)
        {
            into.Add(new StemCandidate(p + 2, suffix, false));
        }
    }

    /// <summary>The lookup key a candidate names (allocates).</summary>
    public static string Key(ReadOnlySpan<char> word, StemCandidate c)
    {
        var stem = word.Slice(c.PrefixLength, c.StemLength(word.Length));
        return c.RestoredArticle ? string.Concat("ال", stem) : stem.ToString();
    }
}
