using System.Text;
using Rasid.Arabic.Data;
using Rasid.Arabic.Text;

namespace Rasid.Arabic.Tests;

/// <summary>Lints the number and date data files (STYLE.md §6): they load, are NFC, carry no presentation forms or tatweel, and no key repeats after normalization.</summary>
public class NumberDateDataTests
{
    public static TheoryData<string, string> Files => new()
    {
        { "numbers.tsv", "phrase" },
        { "numbers-ordinals.tsv", "phrase" },
        { "numbers-ranges.tsv", "phrase" },
        { "number-qualifiers.tsv", "phrase" },
        { "months.tsv", "name" },
        { "date-weekdays.tsv", "name" },
        { "date-parts-of-day.tsv", "name" },
        { "date-relative.tsv", "phrase" },
        { "date-units.tsv", "word" },
        { "date-cues.tsv", "word" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Data_file_is_clean_arabic_without_duplicate_keys(string file, string keyColumn)
    {
        var data = DataFile.LoadEmbedded(typeof(TextAnalyzer).Assembly, "rasid/arabic/" + file, keyColumn);
        Assert.NotEmpty(data.Rows);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in data.Rows)
        {
            var key = row[keyColumn];
            Assert.True(key.IsNormalized(NormalizationForm.FormC), $"{file}:{row.Line} '{key}' is not NFC");
            Assert.DoesNotContain(key, c => c is (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF'));
            Assert.DoesNotContain(ArabicLetters.Tatweel, key);
            var normalized = ArabicNormalizer.NormalizeKey(key);
            Assert.False(seen.TryGetValue(normalized, out int line), $"{file}:{row.Line} '{key}' repeats line {line} after normalization");
            seen[normalized] = row.Line;
        }
    }
}
