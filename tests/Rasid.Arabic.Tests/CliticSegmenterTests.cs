using Rasid.Arabic.Morphology;
using Rasid.Arabic.Text;

namespace Rasid.Arabic.Tests;

public class CliticSegmenterTests
{
    private static string[] Readings(string word, CliticOptions options = CliticOptions.All)
    {
        var w = ArabicNormalizer.NormalizeKey(word);
        Span<StemCandidate> buffer = stackalloc StemCandidate[CliticSegmenter.MaxCandidates];
        int n = CliticSegmenter.Candidates(w, buffer, options);
        var result = new string[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = CliticSegmenter.Describe(w, buffer[i]);
        }

        return result;
    }

    [Theory]
    [InlineData("وحلب", "و+حلب")] // conjunction و
    [InlineData("فقتل", "ف+قتل")] // conjunction ف
    [InlineData("بحلب", "ب+حلب")] // preposition ب
    [InlineData("لحلب", "ل+حلب")] // preposition ل
    [InlineData("كالعادة", "ك+ال+عاده")] // preposition ك + article
    [InlineData("سيقتلون", "س+يقتلون")] // future س
    [InlineData("وسيقتلون", "و+س+يقتلون")] // conjunction + future
    [InlineData("الرقة", "ال+رقه")] // article
    [InlineData("بالرقة", "ب+ال+رقه")] // preposition + article
    [InlineData("وبالرقة", "و+ب+ال+رقه")] // conjunction + preposition + article
    [InlineData("للرقة", "ل+الرقه")] // لل: article restored
    [InlineData("وللرقة", "و+ل+الرقه")] // و + لل
    [InlineData("كتابه", "كتاب+ه")] // enclitic ه
    [InlineData("قيادتها", "قياده+ها")] // enclitic ها, ta marbuta restored
    [InlineData("مقاتليهم", "مقاتلي+هم")] // enclitic هم
    [InlineData("بلديهما", "بلدي+هما")] // enclitic هما
    [InlineData("أرضهن", "ارض+هن")] // enclitic هن
    [InlineData("بلدك", "بلد+ك")] // enclitic ك
    [InlineData("أرضكم", "ارض+كم")] // enclitic كم
    [InlineData("أرضكما", "ارض+كما")] // enclitic كما
    [InlineData("أرضكن", "ارض+كن")] // enclitic كن
    [InlineData("أرضنا", "ارض+نا")] // enclitic نا
    [InlineData("أعطاني", "اعطا+ني")] // enclitic ني
    [InlineData("بيتي", "بيت+ي")] // enclitic ي
    [InlineData("وبمدينتهم", "و+ب+مدينه+هم")] // proclitics + enclitic + restored ta marbuta
    public void Proposes_the_reading(string word, string expected)
    {
        Assert.Contains(expected, Readings(word));
    }

    [Theory]
    [InlineData("الكتابه")] // no enclitic after the article
    [InlineData("سالرقة")] // no article after the future marker
    public void Does_not_propose_ungrammatical_readings(string word)
    {
        foreach (var r in Readings(word))
        {
            Assert.False(r.Contains("ال+", StringComparison.Ordinal) && (r.EndsWith("+ه", StringComparison.Ordinal) || r.StartsWith("س+", StringComparison.Ordinal)), r);
        }
    }

    [Theory]
    [InlineData("مدينة", "مدين+ه")] // written ة: not the pronoun
    [InlineData("بالرقة", "بالرق+ه")]
    [InlineData("بالرقه", "ب+الرق+ه")] // no enclitic after the article
    public void Does_not_read_a_final_ta_marbuta_or_an_article_stem_with_an_enclitic(string word, string unexpected)
    {
        var w = ArabicNormalizer.NormalizeKey(word);
        Span<StemCandidate> buffer = stackalloc StemCandidate[CliticSegmenter.MaxCandidates];
        int n = CliticSegmenter.Candidates(w, buffer, CliticSegmenter.ForWord(word, CliticOptions.All));
        for (int i = 0; i < n; i++)
        {
            Assert.NotEqual(unexpected, CliticSegmenter.Describe(w, buffer[i]));
        }
    }

    [Fact]
    public void Final_ta_marbuta_is_read_from_the_original_of_a_token()
    {
        var a = TextAnalyzer.Analyze("مدينة كتابه مدينةٌ");
        Assert.Equal(CliticOptions.All | CliticOptions.FinalTehMarbuta, CliticSegmenter.ForToken(a, 0, CliticOptions.All));
        Assert.Equal(CliticOptions.All, CliticSegmenter.ForToken(a, 1, CliticOptions.All));
        Assert.Equal(CliticOptions.All | CliticOptions.FinalTehMarbuta, CliticSegmenter.ForToken(a, 2, CliticOptions.All));
    }

    [Theory]
    [InlineData("وه")]
    [InlineData("به")]
    [InlineData("ال")]
    [InlineData("")]
    public void Keeps_at_least_two_letters_of_stem(string word)
    {
        Assert.Equal([ArabicNormalizer.NormalizeKey(word)], Readings(word));
    }

    [Fact]
    public void Whole_word_comes_first_and_readings_strip_more_as_they_go()
    {
        var w = ArabicNormalizer.NormalizeKey("وبمدينتهم");
        Span<StemCandidate> buffer = stackalloc StemCandidate[CliticSegmenter.MaxCandidates];
        int n = CliticSegmenter.Candidates(w, buffer, CliticOptions.All);
        Assert.True(buffer[0].IsWholeWord);
        for (int i = 1; i < n; i++)
        {
            Assert.True(buffer[i].Stripped >= buffer[i - 1].Stripped);
        }
    }

    [Fact]
    public void Proclitic_only_readings_have_no_suffix()
    {
        var list = CliticSegmenter.Candidates(ArabicNormalizer.NormalizeKey("وبمدينتهم"));
        Assert.All(list, c => Assert.Equal(0, c.SuffixLength));
        Assert.Contains(list, c => c.PrefixLength == 2);
    }

    [Theory]
    [InlineData("غارات وبالرَّقّة أمس", 2, "الرَّقّة")]
    [InlineData("غارات وبالرَّقّة أمس", 4, "رَّقّة")]
    [InlineData("قيادتُها", 0, "قيادتُ")]
    public void Stem_span_points_at_the_stem_in_the_original(string text, int prefix, string expected)
    {
        var a = TextAnalyzer.Analyze(text);
        int token = a.Tokens.Length == 1 ? 0 : 1;
        var word = a.NormOf(token);
        var c = CliticSegmenter.Candidates(word, withEnclitics: true).First(c => c.PrefixLength == prefix && (prefix > 0 || c.SuffixLength > 0));
        Assert.Equal(expected, CliticSegmenter.StemSpan(a, token, c).Slice(text));
    }

    [Fact]
    public void Clitic_inventory_comes_from_the_data_file()
    {
        Assert.Equal("وف", new string(CliticSegmenter.Conjunctions));
        Assert.Equal("بلك", new string(CliticSegmenter.Prepositions));
        Assert.Equal(12, CliticSegmenter.Enclitics.Count);
    }

    [Fact]
    public void Span_overload_does_not_allocate()
    {
        var w = ArabicNormalizer.NormalizeKey("وبمدينتهم");
        Span<StemCandidate> buffer = stackalloc StemCandidate[CliticSegmenter.MaxCandidates];
        Span<char> key = stackalloc char[64];
        CliticSegmenter.Candidates(w, buffer, CliticOptions.All);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            int n = CliticSegmenter.Candidates(w, buffer, CliticOptions.All);
            for (int k = 0; k < n; k++)
            {
                CliticSegmenter.WriteKey(w, buffer[k], key);
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
