using Rasid.Arabic.Text;
using Rasid.Tests;

namespace Rasid.Arabic.Tests;

public class SeedCorpusTests
{
    [SkippableFact]
    public void Every_token_of_the_seed_report_maps_back_to_its_own_surface()
    {
        var path = SharedData.Require("corpus", "seed", "deir-ez-zor-2017-05.txt");
        var text = File.ReadAllText(path);
        var analysis = TextAnalyzer.Analyze(text);
        Assert.True(analysis.Tokens.Length > 500);
        int previousEnd = 0;
        foreach (var t in analysis.Tokens)
        {
            Assert.True(t.Span.Start >= previousEnd, $"token {t} overlaps the previous one");
            previousEnd = t.Span.End;
            var surface = ArabicNormalizer.Normalize(t.Span.Slice(text)).Text;
            Assert.Equal(analysis.Normalized.Text.Substring(t.NormStart, t.NormLength), surface);
        }
    }
}
