using Rasid.Arabic.Text;

namespace Rasid.Geo.Tests;

/// <summary>Definite place nouns point back to places already told; they introduce no new unknown name.</summary>
public sealed class PlaceAnaphorTests
{
    private static readonly PlaceFinder Finder = new(Gazetteer.LoadBuiltIn());

    [Fact]
    public void The_town_after_a_relation_word_is_the_last_settlement_not_a_site_named_after_it()
    {
        const string text = "وصلت القوات إلى مدينة درنة قرب ميناء البريقة ثم قصفت مواقع جنوبي المدينة.";
        var found = Finder.Find(TextAnalyzer.Analyze(text), "LY");
        var anaphor = Assert.Single(found, p => p.Surface == "المدينة");
        Assert.Equal("Darnah", anaphor.Place?.NameEn);
    }

    [Theory]
    [InlineData("وشنت الجماعة هجوما في المنطقة الليلة الماضية.")]
    [InlineData("وقصفت الطائرات مخيما للنازحين.")]
    public void Definite_place_noun_or_a_for_the_word_is_no_unknown_name(string text)
    {
        var found = Finder.Find(TextAnalyzer.Analyze(text), "SY");
        Assert.DoesNotContain(found, p => p.IsUnknownName);
    }
}
