using Rasid.Arabic.Morphology;
using Rasid.Tests;
using Xunit.Abstractions;

namespace Rasid.Arabic.Tests;

public class CliticCoverageTests(ITestOutputHelper output)
{
    [Fact]
    public void Counts_entities_found_only_through_clitic_readings_and_spurious_matches()
    {
        (string, string)[] corpus =
        [
            ("وبيروت", "B-LOC"), ("قال", "O"), ("بالأمم", "B-ORG"), ("المتحدة", "I-ORG"), ("بيروت", "B-LOC"),
            ("لبيروت", "O"), ("عمانها", "B-LOC"), ("كتب", "O"),
        ];
        (string, string)[] gazetteer = [("بيروت", "LOC"), ("الأمم المتحدة", "ORG"), ("عمان", "LOC"), ("====", "LOC")];
        var r = CliticCoverage.Measure(corpus, gazetteer);
        Assert.Equal(3, r.GazetteerEntries);
        Assert.Equal(4, r.Entities);
        Assert.Equal(1, r.EntitiesFoundBefore);
        Assert.Equal(3, r.EntitiesFoundAfterProclitics);
        Assert.Equal(4, r.EntitiesFoundAfterAll);
        Assert.Equal(3, r.OtherTokens);
        Assert.Equal(0, r.OtherMatchedBefore);
        Assert.Equal(1, r.OtherMatchedAfterProclitics);
    }

    [SkippableFact]
    public void On_anercorp_segmentation_finds_more_entities_in_the_gazetteer()
    {
        var folder = SharedData.Require("nlp", "anercorp");
        SharedData.Require("nlp", "anercorp", CliticCoverage.CorpusFile);
        var r = CliticCoverage.Measure(folder);
        output.WriteLine(r.ToString());
        Assert.True(r.Entities > 5000, $"only {r.Entities} entities read");
        Assert.True(r.EntitiesFoundAfterProclitics > r.EntitiesFoundBefore);
        Assert.True(r.EntitiesFoundAfterAll >= r.EntitiesFoundAfterProclitics);
        Assert.True(r.OtherMatchedAfterAll >= r.OtherMatchedBefore);
    }
}
