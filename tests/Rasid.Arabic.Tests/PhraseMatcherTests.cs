using Rasid.Arabic.Matching;
using Rasid.Arabic.Text;

namespace Rasid.Arabic.Tests;

public class PhraseMatcherTests
{
    private static readonly PhraseMatcher<string> Places = PhraseMatcher<string>.Build(
    [
        ("دير الزور", "Deir ez-Zor"),
        ("الرقة", "Raqqa"),
        ("حلب", "Aleppo"),
        ("رأس العين", "Ras al-Ain"),
        ("جسر الشغور", "Jisr al-Shughur"),
    ]);

    [Theory]
    [InlineData("قصف على دير الزور أمس", "Deir ez-Zor", "دير الزور")]
    [InlineData("غارات بالرقة", "Raqqa", "الرقة")]
    [InlineData("وصلوا للرقة", "Raqqa", "رقة")]
    [InlineData("في حلب وحماة", "Aleppo", "حلب")]
    [InlineData("وحلب", "Aleppo", "حلب")]
    [InlineData("مدينة رأس العين", "Ras al-Ain", "رأس العين")]
    [InlineData("لدير الزور", "Deir ez-Zor", "دير الزور")]
    [InlineData("في جسر الشغور", "Jisr al-Shughur", "جسر الشغور")]
    public void Finds_longest_phrase_through_clitics_and_points_at_the_name(string text, string value, string surface)
    {
        var analysis = TextAnalyzer.Analyze(text);
        var m = Assert.Single(Places.FindAll(analysis));
        Assert.Equal(value, m.Value);
        Assert.Equal(surface, m.Span.Slice(text));
    }

    [Fact]
    public void Does_not_match_inside_unrelated_words()
    {
        var analysis = TextAnalyzer.Analyze("الديرة والزور الحلبي");
        Assert.Empty(Places.FindAll(analysis));
    }

    [Theory]
    [InlineData("قوات حكومته انسحبت", "حكومته", "حكومت")]
    [InlineData("قصف مدينتها", "مدينتها", "مدينت")]
    [InlineData("في حلبهم", "حلبهم", "حلب")]
    public void Last_word_may_carry_an_enclitic_when_allowed(string text, string word, string surface)
    {
        var matcher = PhraseMatcher<string>.Build([("حكومة", "government"), ("مدينة", "city"), ("في حلب", "in Aleppo")], allowEnclitics: true);
        var analysis = TextAnalyzer.Analyze(text);
        var m = Assert.Single(matcher.FindAll(analysis));
        Assert.Contains(word, text);
        Assert.EndsWith(surface, m.Span.Slice(text));
    }
}
