using Rasid.Arabic.Data;

namespace Rasid.Arabic.Text;

/// <summary>
/// Where a run of Arabic letters is two words typed without the space between them. Arabic letters that do not join
/// the next one (ة ى ا د ذ ر ز و) look the same with and without the space after them, so news text often drops it:
/// "الأمنيةبعد", "علىالحدود", "انفجارعبوة". A taa marbuta or an alef maqsura inside a run always ends a word (neither
/// is written word-internally; "ىء" is an old spelling of ئ and stays); other heads are split off only when listed in
/// data/arabic/glued-heads.tsv and what follows cannot be their suffix.
/// </summary>
public sealed class GluedWords
{
    private const int MinTail = 3;

    private readonly string[] _heads;

    private GluedWords(string[] heads) => _heads = heads;

    public static GluedWords Default { get; } =
        Load(DataFile.LoadEmbedded(typeof(GluedWords).Assembly, "rasid/arabic/glued-heads.tsv", "head", "why"));

    public static GluedWords Load(DataFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new GluedWords(file.Rows.Select(r => ArabicNormalizer.NormalizeKey(r["head"])).Distinct(StringComparer.Ordinal).ToArray());
    }

    /// <summary>
    /// The first split point inside the normalized run [start, end) of <paramref name="text"/> (an index where a second
    /// word begins), or -1.
    /// </summary>
    public int FirstSplit(NormalizedText text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Text;
        for (int k = start; k < end - 1; k++)
        {
            // Normalization folds ة to ه and ى to ي: only the original letter tells a word end.
            if (s[k] is 'ه' or 'ي')
            {
                char original = text.Original[text.ToOriginalIndex(k)];
                if (original == '\u0629' || (original == '\u0649' && s[k + 1] != '\u0621'))
                {
                    return k + 1;
                }
            }
        }

        var run = s.AsSpan(start, end - start);
        int p = ProcliticLength(run);
        foreach (var head in _heads)
        {
            foreach (int q in p == 0 ? [0] : (int[])[0, p])
            {
                var rest = run[q..];
                if (rest.StartsWith(head, StringComparison.Ordinal) && rest.Length - head.Length >= MinTail
                    && !IsSuffixStart(rest[head.Length]))
                {
                    return start + q + head.Length;
                }
            }
        }

        return -1;
    }

    // و ف ب ل, then ال: "وانفجار", "بالتفجير".
    private static int ProcliticLength(ReadOnlySpan<char> run)
    {
        int p = 0;
        if (run.Length > p && run[p] is 'و' or 'ف')
        {
            p++;
        }

        if (run.Length > p && run[p] is 'ب' or 'ل')
        {
            p++;
        }

        if (run.Length > p + 1 && run[p] == 'ا' && run[p + 1] == 'ل')
        {
            p += 2;
        }

        return p;
    }

    // Letters that begin the suffixes of a noun or verb (ات ان ين ون ي ية ه ها هم ت تا كم نا ما).
    private static bool IsSuffixStart(char c) => c is 'ا' or 'ي' or 'و' or 'ت' or 'ه' or 'ن' or 'ك' or 'م';
}
