using Rasid.Tests;

namespace Rasid.Arabic.Tests;

public class DataLintTests
{
    public static TheoryData<string> DataFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in DataLint.RepositoryDataFiles(SharedData.RepoRoot))
        {
            data.Add(f);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DataFiles))]
    public void Data_file_follows_the_data_rules(string relativePath)
    {
        var content = File.ReadAllText(Path.Combine(SharedData.RepoRoot, relativePath));
        var problems = DataLint.Check(relativePath, content);
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s):\n{DataLint.Describe(problems)}");
    }

    [Fact]
    public void The_lint_finds_the_repository_data_files()
    {
        Assert.Contains("data/arabic/clause-cues.tsv", DataLint.RepositoryDataFiles(SharedData.RepoRoot));
    }

    private const string Header = "# source: test\n# normalized: yes\nword\tvalue\n";

    [Theory]
    [InlineData(Header + "حلب\tAleppo\n", null)]
    [InlineData("# source: test\n# normalized: no\nword\tvalue\nحلـب\tx\n", "tatweel")]
    [InlineData(Header + "\uFEEA\tx\n", "presentation form U+FEEA")]
    [InlineData(Header + "\u0627\u0653\tx\n", "not in Unicode NFC")]
    [InlineData("# normalized: yes\nword\n", "E204")]
    [InlineData("# source: test\nword\n", "E204")]
    [InlineData("# source: test\n# normalized: maybe\nword\n", "must be yes or no")]
    [InlineData(Header + "إدلب\tIdlib\n", "declared normalized but has U+0625")]
    [InlineData(Header + "مدينة\tx\n", "declared normalized but has U+0629")]
    [InlineData(Header + "٥\tx\n", "declared normalized but has U+0665")]
    [InlineData("# source: test\n# normalized: no\nword\tvalue\nإدلب\tIdlib\n", null)]
    [InlineData("# source: test\n# normalized: no\nword\tvalue\nإدلب\ta\nادلب\tb\n", "duplicates line 4")]
    [InlineData("# source: test\n# normalized: no\n# duplicates: allowed\nword\tvalue\nإدلب\ta\nادلب\tb\n", null)]
    public void Lint_reports_each_rule(string content, string? expected)
    {
        var problems = DataLint.Check("t.tsv", content);
        if (expected is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
        }
    }
}
