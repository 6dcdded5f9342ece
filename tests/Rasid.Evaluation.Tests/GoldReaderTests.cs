using Rasid.Core;
using Rasid.Evaluation;

namespace Rasid.Evaluation.Tests;

public class GoldReaderTests
{
    [Fact]
    public void Reads_every_field_scoring_needs()
    {
        var c = Fixtures.Load("places");
        Assert.Equal("fixture-places", c.Gold.Id);
        Assert.Equal(new DateOnly(2024, 4, 20), c.Gold.Published);
        Assert.Equal("SY", c.Gold.CountryHint);
        var p3 = c.Gold.Events.Single(e => e.Id == "P3");
        Assert.Equal(3, p3.Place.GeoPrecision);
        Assert.Equal("Deir ez-Zor", p3.Place.Admin1);
        Assert.Equal(["Battles"], p3.EventTypes);
        Assert.Contains("واندلعت مواجهات", c.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_date_ranges_optional_events_and_actors_with_aliases()
    {
        var o3 = Fixtures.Load("optional").Gold.Events.Single(e => e.Id == "O3");
        Assert.False(o3.Required);
        Assert.Equal((new DateOnly(2024, 4, 28), new DateOnly(2024, 5, 5)), o3.DateRange);
        Assert.Null(o3.Date);
        var a1 = Fixtures.Load("actors").Gold.Events.Single(e => e.Id == "A1");
        Assert.Contains("الحوثيين", a1.Actor1!.Aliases);
        Assert.Equal(4, a1.Fatalities);
    }

    [Fact]
    public void Every_gold_evidence_and_must_not_statement_is_an_exact_substring_of_its_text()
    {
        foreach (var file in GoldReader.FindGoldFiles(Fixtures.GoldFolder))
        {
            var c = GoldReader.Load(file);
            foreach (var s in c.Gold.Events.Select(e => e.Evidence).Concat(c.Gold.MustNot.Select(m => m.Evidence)))
            {
                Assert.Contains(s, c.Text, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("{", "E202")]
    [InlineData("[]", "E203")]
    [InlineData("{\"format\":\"gold/2\",\"doc\":{}}", "E203")]
    [InlineData("{\"doc\":{\"id\":\"x\",\"file\":\"x.txt\"}}", "E203")]
    [InlineData("{\"doc\":{\"id\":\"x\",\"file\":\"x.txt\",\"published\":\"21/07/2015\"}}", "E204")]
    [InlineData("{\"doc\":{\"id\":\"x\",\"file\":\"x.txt\",\"published\":\"2015-07-21\"},\"events\":[{\"id\":\"E1\",\"event_type\":[\"Battles\"],\"sub_event_type\":[\"Armed clash\"],\"date\":\"2015-07-20\"}]}", "E203")]
    public void A_file_that_is_not_gold_1_is_refused_with_a_coded_error_naming_it(string json, string code)
    {
        var ex = Assert.Throws<RasidException>(() => GoldReader.Parse(json, "bad.gold.json"));
        Assert.Equal(code, ex.Code);
        Assert.Equal("bad.gold.json", ex.Input);
    }

    [Fact]
    public void Gold_files_are_listed_in_ordinal_order()
    {
        var names = GoldReader.FindGoldFiles(Fixtures.GoldFolder).Select(GoldReader.NameOf).ToList();
        Assert.Equal(["actors", "dates", "modality", "optional", "places"], names);
    }
}
