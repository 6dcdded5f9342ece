using Rasid.Arabic.Text;

namespace Rasid.Arabic.Tests;

public class ArabicNormalizerTests
{
    [Theory]
    [InlineData("أحمد", "احمد")]
    [InlineData("إدلب", "ادلب")]
    [InlineData("آذار", "اذار")]
    [InlineData("ٱلله", "الله")]
    [InlineData("مستشفى", "مستشفي")]
    [InlineData("مدينة", "مدينه")]
    [InlineData("مؤتمر", "موتمر")]
    [InlineData("رئيس", "رييس")]
    [InlineData("قـــتـل", "قتل")]
    [InlineData("قُتِلَ", "قتل")]
    [InlineData("٢٦/٤/٢٠١٧", "26/4/2017")]
    [InlineData("۱۲۳", "123")]
    [InlineData("نعم، لا؛ لماذا؟", "نعم, لا; لماذا?")]
    [InlineData("حل\u200Cب\u200F", "حلب")]
    [InlineData("کرکوک", "كركوك")]
    [InlineData("ISIS", "isis")]
    [InlineData("\uFEFB", "لا")]
    [InlineData("\uFE8D\uFEDF\uFEE4\uFEEE\uFEBB\uFEDE", "الموصل")]
    public void Folds_for_matching(string input, string expected)
    {
        Assert.Equal(expected, ArabicNormalizer.Normalize(input).Text);
    }

    [Fact]
    public void Offset_map_takes_normalized_spans_back_to_the_original_word_with_its_marks()
    {
        var original = "قُتِلَ في حلـــب";
        var n = ArabicNormalizer.Normalize(original);
        Assert.Equal("قتل في حلب", n.Text);
        var word = n.ToOriginal(0, 3);
        Assert.Equal("قُتِلَ", word.Slice(original));
        var city = n.ToOriginal(7, 10);
        Assert.Equal("حلـــب", city.Slice(original));
    }

    [Fact]
    public void Expanded_ligature_maps_both_letters_to_the_one_original_character()
    {
        var n = ArabicNormalizer.Normalize("x\uFEFBy");
        Assert.Equal("xلاy", n.Text);
        Assert.Equal(1, n.ToOriginalIndex(1));
        Assert.Equal(1, n.ToOriginalIndex(2));
        Assert.Equal("\uFEFB", n.ToOriginal(1, 3).Slice(n.Original));
    }

    [Fact]
    public void Text_that_needs_no_folding_shares_the_original_string()
    {
        var s = "قتل 5 في حلب";
        var n = ArabicNormalizer.Normalize(s);
        Assert.True(n.IsIdentity);
        Assert.Same(s, n.Text);
    }
}
