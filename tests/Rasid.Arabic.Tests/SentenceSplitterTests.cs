using Rasid.Arabic.Text;

namespace Rasid.Arabic.Tests;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text)
    {
        var a = TextAnalyzer.Analyze(text);
        return a.Sentences.Select(s => s.Span.Slice(text)).ToArray();
    }

    [Theory]
    [InlineData("قتل خمسة. وأصيب عشرة.", new[] { "قتل خمسة.", "وأصيب عشرة." })]
    [InlineData("هل قتل أحد؟ نعم!", new[] { "هل قتل أحد؟", "نعم!" })]
    [InlineData("ماذا؟! لا أعرف", new[] { "ماذا؟!", "لا أعرف" })]
    [InlineData("انتظر... ثم ذهب", new[] { "انتظر...", "ثم ذهب" })]
    [InlineData("قال «انتهى الأمر.» ثم غادر", new[] { "قال «انتهى الأمر.»", "ثم غادر" })]
    [InlineData("قال \"انتهى.\" ثم غادر", new[] { "قال \"انتهى.\"", "ثم غادر" })]
    [InlineData("عنوان الخبر\nنص الخبر هنا", new[] { "عنوان الخبر", "نص الخبر هنا" })]
    [InlineData("سطر\r\nسطر آخر", new[] { "سطر", "سطر آخر" })]
    [InlineData("خبر\u2028آخر", new[] { "خبر", "آخر" })]
    [InlineData("انتهى عام 2017م. وقال", new[] { "انتهى عام 2017م.", "وقال" })]
    public void Splits_at_stops_and_line_breaks(string text, string[] expected) => Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("قتل 3.5 كم شرق حلب.")]
    [InlineData("المصدر www.sana.sy/news.html اليوم")]
    [InlineData("قال د. محمد إن الوضع سيئ")]
    [InlineData("قالت وكالة أ.ف.ب إن الوضع سيئ")]
    [InlineData("said Dr. Smith of the U.S. army")]
    [InlineData("J. Smith arrived")]
    [InlineData("ص.ب 1234 دمشق")]
    public void Does_not_split_inside_numbers_urls_or_abbreviations(string text) => Assert.Single(Sentences(text));

    [Fact]
    public void A_stop_after_an_abbreviation_at_a_line_end_still_ends_the_sentence()
    {
        Assert.Equal(2, Sentences("قال د.\nثم ذهب").Length);
    }
}

public class SentenceAbbreviationsTests
{
    [Fact]
    public void Abbreviations_load_normalized_with_every_dotted_part()
    {
        var a = SentenceAbbreviations.Load(Rasid.Arabic.Data.DataFile.Parse("abbr.tsv",
            new StringReader("# source: test\n# normalized: no\nabbreviation\tmeaning\nأ.د\tx\nMr\ty\n")));
        Assert.True(a.Contains("ا"));
        Assert.True(a.Contains("د"));
        Assert.True(a.Contains("mr"));
        Assert.False(a.Contains("Mr"));
        Assert.True(SentenceAbbreviations.Default.Count > 20);
    }
}
