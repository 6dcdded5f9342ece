using System.Text;
using Rasid.Arabic.Data;
using Rasid.Arabic.Text;

namespace Rasid.Geo.Tests;

/// <summary>STYLE.md §6: the Arabic in data/geo is NFC, has no presentation forms or tatweel, and no duplicates after normalization.</summary>
public sealed class GeoDataLintTests
{
    public static TheoryData<string> DataFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(Rasid.Tests.SharedData.RepoRoot, "data", "geo"), "*.tsv").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DataFiles))]
    public void Arabic_is_nfc_without_presentation_forms_or_tatweel(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Rasid.Tests.SharedData.RepoRoot, "data", "geo", file));
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            Assert.True(line.IsNormalized(NormalizationForm.FormC), $"{file}:{i + 1} is not NFC");
            Assert.False(line.Any(c => c is >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF'), $"{file}:{i + 1} has presentation forms");
            Assert.False(line.Contains('\u0640', StringComparison.Ordinal), $"{file}:{i + 1} has tatweel");
        }
    }

    [Theory]
    [InlineData("place-triggers.tsv", "trigger")]
    [InlineData("place-relations.tsv", "phrase")]
    [InlineData("place-homographs.tsv", "word")]
    [InlineData("place-name-heads.tsv", "head")]
    public void Cue_lexicons_have_no_duplicates_after_normalization(string file, string column)
    {
        var rows = DataFile.LoadFile(Path.Combine(Rasid.Tests.SharedData.RepoRoot, "data", "geo", file), column).Rows;
        var dups = rows.GroupBy(r => ArabicNormalizer.NormalizeKey(r[column])).Where(g => g.Count() > 1).Select(g => $"{g.Key} (lines {string.Join(",", g.Select(r => r.Line))})").ToList();
        Assert.True(dups.Count == 0, $"{file}: {string.Join("; ", dups)}");
    }

    [Fact]
    public void Cue_lexicons_load()
    {
        var cues = PlaceCues.Default;
        Assert.True(cues.Triggers.Count > 30);
        Assert.True(cues.Relations.Count > 40);
        Assert.Equal(HomographKind.Person, cues.Homographs["حسن"]);
        Assert.Equal(HomographKind.Function, cues.Homographs["في"]);
    }
}
