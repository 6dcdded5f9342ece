using Rasid.Arabic.Numbers;
using Rasid.Arabic.Text;

namespace Rasid.Arabic.Tests;

public class NumberFinderTests
{
    private static NumberMention Single(string text)
    {
        var analysis = TextAnalyzer.Analyze(text);
        var found = NumberFinder.Find(analysis);
        return Assert.Single(found);
    }

    [Theory]
    [InlineData("قتل 13 شخصا", 13, "13")]
    [InlineData("قتل ١٣ شخصا", 13, "١٣")]
    [InlineData("نزح 1,200 شخص", 1200, "1,200")]
    [InlineData("نزح ١٬٢٠٠ شخص", 1200, "١٬٢٠٠")]
    [InlineData("نزح 1.200.000 شخص", 1200000, "1.200.000")]
    [InlineData("نزح 1.5 مليون شخص", 1500000, "1.5 مليون")]
    [InlineData("نزح 3 آلاف شخص", 3000, "3 آلاف")]
    [InlineData("نزح 20 ألف شخص", 20000, "20 ألف")]
    [InlineData("نزح 5 ملايين شخص", 5000000, "5 ملايين")]
    public void Reads_digits_with_separators_and_multipliers(string text, long value, string surface)
    {
        var m = Single(text);
        Assert.Equal(value, m.Value);
        Assert.Equal(NumberQualifier.Exact, m.Qualifier);
        Assert.Null(m.High);
        Assert.Equal(surface, m.Span.Slice(text));
    }

    [Theory]
    [InlineData("قتل شخص واحد", 1)]
    [InlineData("قتلت امرأة واحدة", 1)]
    [InlineData("قتل اثنان من المسلحين", 2)]
    [InlineData("قتل اثنين من المسلحين", 2)]
    [InlineData("قتلت اثنتان من النساء", 2)]
    [InlineData("أعدم التنظيم أربعة من مقاتليه", 4)]
    [InlineData("قتل ثلاث نساء", 3)]
    [InlineData("مقتل خمسة أشخاص", 5)]
    [InlineData("مقتل ستة أشخاص", 6)]
    [InlineData("مقتل سبع نساء", 7)]
    [InlineData("مقتل ثمانية أشخاص", 8)]
    [InlineData("مقتل ثماني نساء", 8)]
    [InlineData("مقتل تسعة أشخاص", 9)]
    [InlineData("مقتل عشرة أشخاص", 10)]
    [InlineData("مقتل عشر نساء", 10)]
    [InlineData("مقتل أحد عشر شخصا", 11)]
    [InlineData("مقتل إحدى عشرة امرأة", 11)]
    [InlineData("مقتل اثني عشر شخصا", 12)]
    [InlineData("مقتل اثنتا عشرة امرأة", 12)]
    [InlineData("مقتل ثلاثة عشر شخصا", 13)]
    [InlineData("مقتل تسع عشرة امرأة", 19)]
    [InlineData("مقتل عشرين شخصا", 20)]
    [InlineData("مقتل عشرون شخصا", 20)]
    [InlineData("مقتل خمسة وعشرين شخصا", 25)]
    [InlineData("مقتل خمسة و عشرين شخصا", 25)]
    [InlineData("مقتل تسعة وتسعين شخصا", 99)]
    [InlineData("مقتل مئة شخص", 100)]
    [InlineData("مقتل مائة شخص", 100)]
    [InlineData("مقتل مئتين شخص", 200)]
    [InlineData("مقتل مائتي شخص", 200)]
    [InlineData("مقتل ثلاثمئة شخص", 300)]
    [InlineData("مقتل ثلاثمائة شخص", 300)]
    [InlineData("مقتل ثلاث مئة شخص", 300)]
    [InlineData("مقتل مئة وخمسة وعشرين شخصا", 125)]
    [InlineData("مقتل ألف شخص", 1000)]
    [InlineData("مقتل ألفين شخص", 2000)]
    [InlineData("مقتل ثلاثة آلاف شخص", 3000)]
    [InlineData("مقتل عشرة آلاف شخص", 10000)]
    [InlineData("مقتل أحد عشر ألفا", 11000)]
    [InlineData("مقتل خمسة وعشرين ألفا", 25000)]
    [InlineData("مقتل مئة ألف شخص", 100000)]
    [InlineData("مقتل ألف وخمسمئة وثلاثة وعشرين", 1523)]
    [InlineData("مقتل ألفين وثلاثمائة", 2300)]
    [InlineData("نزوح مليون شخص", 1000000)]
    [InlineData("نزوح مليونين شخص", 2000000)]
    [InlineData("نزوح ثلاثة ملايين شخص", 3000000)]
    [InlineData("نزوح مليون وخمسمئة ألف شخص", 1500000)]
    public void Reads_number_words_in_every_gender_and_case_form(string text, long value)
    {
        var m = Single(text);
        Assert.Equal(value, m.Value);
        Assert.Equal(NumberQualifier.Exact, m.Qualifier);
    }

    [Theory]
    [InlineData("قتل رجل وثلاثة أطفال", 3, "ثلاثة")]
    [InlineData("مررت بخمسة حواجز", 5, "خمسة")]
    [InlineData("المقاتلين الأربعة الذين أعدمهم", 4, "الأربعة")]
    [InlineData("وللخمسة منهم", 5, "لخمسة")]
    [InlineData("فعشرون قتيلا", 20, "عشرون")]
    public void Reads_number_words_through_proclitics_and_points_at_the_word(string text, long value, string surface)
    {
        var m = Single(text);
        Assert.Equal(value, m.Value);
        Assert.Equal(surface, m.Span.Slice(text));
    }

    [Theory]
    [InlineData("ارتفع عدد القتلى إلى نحو 100 شخص", 100, NumberQualifier.Approximate, "نحو 100")]
    [InlineData("قتل زهاء 100 شخص", 100, NumberQualifier.Approximate, "زهاء 100")]
    [InlineData("قتل قرابة خمسين", 50, NumberQualifier.Approximate, "قرابة خمسين")]
    [InlineData("قتل حوالي 30 مدنيا", 30, NumberQualifier.Approximate, "حوالي 30")]
    [InlineData("قتل حوالى 30 مدنيا", 30, NumberQualifier.Approximate, "حوالى 30")]
    [InlineData("قتل ما يقارب 40 مدنيا", 40, NumberQualifier.Approximate, "ما يقارب 40")]
    [InlineData("قتل ما يقرب من 40 مدنيا", 40, NumberQualifier.Approximate, "ما يقرب من 40")]
    [InlineData("قتل 40 تقريبا", 40, NumberQualifier.Approximate, "40 تقريبا")]
    [InlineData("قتل أكثر من عشرين", 20, NumberQualifier.LowerBound, "أكثر من عشرين")]
    [InlineData("قتل ما لا يقل عن 12 شخصا", 12, NumberQualifier.LowerBound, "ما لا يقل عن 12")]
    [InlineData("قتل ما يزيد عن 12 شخصا", 12, NumberQualifier.LowerBound, "ما يزيد عن 12")]
    [InlineData("قتل ما يزيد على 12 شخصا", 12, NumberQualifier.LowerBound, "ما يزيد على 12")]
    [InlineData("قتل أزيد من 12 شخصا", 12, NumberQualifier.LowerBound, "أزيد من 12")]
    [InlineData("قتل 12 على الأقل", 12, NumberQualifier.LowerBound, "12 على الأقل")]
    [InlineData("قتل 20 شخصا على الأقل", 20, NumberQualifier.LowerBound, "20")]
    [InlineData("قتل أقل من 10 أشخاص", 10, NumberQualifier.UpperBound, "أقل من 10")]
    [InlineData("عدد لا يتجاوز 10 أشخاص", 10, NumberQualifier.UpperBound, "لا يتجاوز 10")]
    [InlineData("قرابة نحو ألف مقاتل", 1000, NumberQualifier.Approximate, "قرابة نحو ألف")]
    public void Reads_qualifiers_before_and_after_the_number(string text, long value, NumberQualifier q, string surface)
    {
        var m = Single(text);
        Assert.Equal(value, m.Value);
        Assert.Equal(q, m.Qualifier);
        Assert.Equal(surface, m.Span.Slice(text));
    }

    [Theory]
    [InlineData("سقط عشرات القتلى", 12, "عشرات")]
    [InlineData("قتل العشرات من داعش", 12, "العشرات")]
    [InlineData("اعتقل مئات الشباب", 100, "مئات")]
    [InlineData("هجر المئات من الأهالي", 100, "المئات")]
    [InlineData("نزح آلاف المدنيين", 1000, "آلاف")]
    [InlineData("نزح عشرات الآلاف من المدنيين", 12000, "عشرات الآلاف")]
    [InlineData("نزح مئات الآلاف من المدنيين", 100000, "مئات الآلاف")]
    [InlineData("أنفقت مئات المليارات", 100000000000, "مئات المليارات")]
    [InlineData("قتل عدة أشخاص", 10, "عدة")]
    [InlineData("قتل بضعة أشخاص", 10, "بضعة")]
    [InlineData("قتل بضع نساء", 10, "بضع")]
    [InlineData("سقوط عدد من القتلى", 10, "عدد من")]
    [InlineData("سقوط العديد من القتلى", 10, "العديد من")]
    public void Reads_vague_quantities_with_acled_stand_in_values(string text, long value, string surface)
    {
        var m = Single(text);
        Assert.Equal(value, m.Value);
        Assert.Equal(NumberQualifier.Vague, m.Qualifier);
        Assert.Equal(surface, m.Span.Slice(text));
    }

    [Theory]
    [InlineData("قتل بين 10 و15 شخصا", 10, 15, "بين 10 و15")]
    [InlineData("قتل بين 10 و 15 شخصا", 10, 15, "بين 10 و 15")]
    [InlineData("قتل ما بين 10 و15 شخصا", 10, 15, "ما بين 10 و15")]
    [InlineData("قتل من 10 إلى 15 شخصا", 10, 15, "من 10 إلى 15")]
    [InlineData("قتل 10 إلى 15 شخصا", 10, 15, "10 إلى 15")]
    [InlineData("قتل 10-15 شخصا", 10, 15, "10-15")]
    [InlineData("قتل ثلاثة أو أربعة أشخاص", 3, 4, "ثلاثة أو أربعة")]
    [InlineData("قتل بين خمسة وعشرة أشخاص", 5, 10, "بين خمسة وعشرة")]
    public void Reads_ranges_as_low_value_and_high(string text, long low, long high, string surface)
    {
        var m = Single(text);
        Assert.Equal(low, m.Value);
        Assert.Equal(high, m.High);
        Assert.Equal(surface, m.Span.Slice(text));
    }

    [Theory]
    [InlineData("اتجهت القوات نحو صنعاء")]
    [InlineData("لم يصب أحد بأذى")]
    [InlineData("وصل يوم الاثنين")]
    [InlineData("جهزوا العدة للمعركة")]
    [InlineData("المسافة 3.5 كم")]
    [InlineData("التقى الرئيس بالوفد")]
    [InlineData("تناول كميات كبيرة")]
    [InlineData("وبعده وصل الوفد")]
    public void Finds_no_count_in_ordinary_words(string text)
    {
        Assert.Empty(NumberFinder.Find(TextAnalyzer.Analyze(text)));
    }

    [Fact]
    public void Reads_percent_as_the_number_before_it_not_a_hundred()
    {
        var found = NumberFinder.Find(TextAnalyzer.Analyze("ارتفع بنسبة 50 في المائة أو أكثر وعشرة بالمئة"));
        Assert.Equal([50L, 10L], found.Select(m => m.Value));
    }

    [Fact]
    public void Keeps_separate_counts_apart()
    {
        var text = "قتل خمسة واثنان جرحى و3 مفقودين";
        var found = NumberFinder.Find(TextAnalyzer.Analyze(text));
        Assert.Equal([5L, 2L, 3L], found.Select(m => m.Value));
    }

    [Theory]
    [InlineData("قتيلان", "قتيل", false, true)]
    [InlineData("قتيلين", "قتيل", false, true)]
    [InlineData("والقتيلين", "قتيل", false, true)]
    [InlineData("طائرتين", "طائرة", false, true)]
    [InlineData("جريحان", "جريح", false, true)]
    [InlineData("مقاتلين", "مقاتل", true, false)]
    [InlineData("مقاتلان", "مقاتل", true, true)]
    [InlineData("قتيل", "قتيل", false, false)]
    [InlineData("مستقتيلين", "قتيل", false, false)]
    public void Recognizes_the_dual_of_a_known_counted_noun(string word, string singular, bool soundPlural, bool dual)
    {
        var analysis = TextAnalyzer.Analyze(word);
        Assert.Equal(dual, NumberFinder.IsDualOf(analysis, 0, singular, soundPlural));
    }

    [Theory]
    [InlineData("الأول من مايو", 1)]
    [InlineData("الخامس عشر من فبراير", 15)]
    [InlineData("الحادي والعشرين من مايو", 21)]
    [InlineData("الحادي عشر من مايو", 11)]
    [InlineData("الثلاثين من مايو", 30)]
    [InlineData("في الثاني من مايو", 2)]
    public void Reads_ordinals_as_days_are_written(string text, int value)
    {
        var analysis = TextAnalyzer.Analyze(text);
        int start = analysis.NormString(0) == "في" ? 1 : 0;
        Assert.True(NumberFinder.TryOrdinalAt(analysis, start, out int v, out _));
        Assert.Equal(value, v);
        if (!text.StartsWith("الثلاثين", StringComparison.Ordinal))
        {
            Assert.Empty(NumberFinder.Find(analysis));
        }
    }
}
