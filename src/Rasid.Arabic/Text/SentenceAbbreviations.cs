using Rasid.Arabic.Data;

namespace Rasid.Arabic.Text;

/// <summary>
/// Words that a full stop follows without ending the sentence (data/arabic/abbreviations.tsv), as normalized keys.
/// Multi-part entries (ص.ب) contribute every part, so each dot inside them is recognised.
/// </summary>
public sealed class SentenceAbbreviations
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private SentenceAbbreviations(HashSet<string> words)
    {
        Count = words.Count;
        _lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static SentenceAbbreviations Default { get; } =
        Load(DataFile.LoadEmbedded(typeof(SentenceAbbreviations).Assembly, "rasid/arabic/abbreviations.tsv", "abbreviation"));

    public int Count { get; }

    public static SentenceAbbreviations Load(DataFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in file.Rows)
        {
            foreach (var part in ArabicNormalizer.NormalizeKey(row["abbreviation"]).Split('.', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                words.Add(part);
            }
        }

        return new SentenceAbbreviations(words);
    }

    public bool Contains(ReadOnlySpan<char> normalizedWord) => _lookup.Contains(normalizedWord);
}
