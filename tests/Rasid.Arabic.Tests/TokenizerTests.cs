using Rasid.Arabic.Text;

namespace Rasid.Arabic.Tests;

public class TokenizerTests
{
    private static string Render(string text)
    {
        var a = TextAnalyzer.Analyze(text);
        return string.Join(" | ", a.Tokens.Select((t, i) => $"{Kind(t.Kind)}:{a.Surface(i)}"));
    }

    private static string Kind(TokenKind k) => k switch
    {
        TokenKind.ArabicWord => "A",
        TokenKind.LatinWord => "L",
        TokenKind.Number => "N",
        TokenKind.Punctuation => "P",
        TokenKind.Url => "U",
        _ => "S",
    };

    [Theory]
    [InlineData("قتل خمسة", "A:قتل | A:خمسة")]
    [InlineData("وبالرقة", "A:وبالرقة")]
    [InlineData("قُتِلَ", "A:قُتِلَ")]
    [InlineData("حلـــب", "A:حلـــب")]
    [InlineData("Reuters news", "L:Reuters | L:news")]
    [InlineData("F16 al-Qaeda don't", "L:F16 | L:al-Qaeda | L:don't")]
    [InlineData("café", "L:café")]
    [InlineData("cafe\u0301", "L:cafe\u0301")]
    public void Splits_words(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("1,200 قتيل", "N:1,200 | A:قتيل")]
    [InlineData("1,200,000", "N:1,200,000")]
    [InlineData("3.5 كم", "N:3.5 | A:كم")]
    [InlineData("٢٠١٧", "N:٢٠١٧")]
    [InlineData("٣٫٥", "N:٣٫٥")]
    [InlineData("١٬٢٠٠", "N:١٬٢٠٠")]
    [InlineData("2017،2018", "N:2017 | P:، | N:2018")]
    [InlineData("5، 6", "N:5 | P:، | N:6")]
    [InlineData("1,2", "N:1 | P:, | N:2")]
    [InlineData("10-15", "N:10 | P:- | N:15")]
    [InlineData("50%", "N:50 | P:%")]
    [InlineData("26/4/2017", "N:26 | P:/ | N:4 | P:/ | N:2017")]
    [InlineData("انتهى 5.", "A:انتهى | N:5 | P:.")]
    public void Keeps_numbers_with_their_separators_whole(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("٢٠١٧م", "N:٢٠١٧ | A:م")]
    [InlineData("الـISIS", "A:الـ | L:ISIS")]
    [InlineData("داعشISIS", "A:داعش | L:ISIS")]
    [InlineData("ISISداعش", "L:ISIS | A:داعش")]
    [InlineData("و5", "A:و | N:5")]
    [InlineData("F16s", "L:F16s")]
    public void Splits_arabic_glued_to_digits_or_latin(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("راجع https://example.com/a?b=1.", "A:راجع | U:https://example.com/a?b=1 | P:.")]
    [InlineData("(www.sana.sy)", "P:( | U:www.sana.sy | P:)")]
    [InlineData("http://x.org/ar/حلب", "U:http://x.org/ar/حلب")]
    [InlineData("where", "L:where")]
    public void Keeps_urls_whole(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("حلب 👍 دمشق", "A:حلب | S:👍 | A:دمشق")]
    [InlineData("❤️حلب", "S:❤️ | A:حلب")]
    [InlineData("👨\u200D👩", "S:👨 | S:👩")]
    [InlineData("«حلب»", "P:« | A:حلب | P:»")]
    [InlineData("שלום حلب", "S:שלום | A:حلب")]
    [InlineData("حلب$", "A:حلب | S:$")]
    public void Handles_symbols_emoji_and_other_scripts(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("انفجارعبوة ناسفة", "A:انفجار | A:عبوة | A:ناسفة")]
    [InlineData("وانفجارقنبلة", "A:وانفجار | A:قنبلة")]
    [InlineData("بتفجيرسيارة", "A:بتفجير | A:سيارة")]
    [InlineData("القوات الأمنيةبعد الهجوم", "A:القوات | A:الأمنية | A:بعد | A:الهجوم")]
    [InlineData("علىالحدود", "A:على | A:الحدود")]
    [InlineData("المدينةالقديمةفي", "A:المدينة | A:القديمة | A:في")]
    public void Splits_words_typed_without_the_space_after_a_letter_that_does_not_join(string text, string expected) => Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("انفجارات")]
    [InlineData("الانفجار")]
    [InlineData("تفجيرهم")]
    [InlineData("تفجيرات")]
    [InlineData("انفجاري")]
    [InlineData("شاطىء")] // an old spelling of ئ: ى before ء is inside the word
    [InlineData("الطوارىء")]
    [InlineData("مدرستها")]
    [InlineData("مستشفى")]
    public void Keeps_a_word_whole_when_what_follows_the_head_is_a_suffix(string word) => Assert.Equal("A:" + word, Render(word));

    [Fact]
    public void Glued_words_keep_spans_into_the_original()
    {
        const string text = "في انفجارعبوةٍ";
        var a = TextAnalyzer.Analyze(text);
        Assert.Equal(3, a.Tokens.Length);
        Assert.Equal("انفجار", a.Tokens[1].Span.Slice(text));
        Assert.Equal("عبوةٍ", a.Tokens[2].Span.Slice(text));
        Assert.Equal(a.Tokens[1].Span.End, a.Tokens[2].Span.Start);
    }

    [Fact]
    public void A_lone_surrogate_is_one_symbol()
    {
        Assert.Equal("S:\uD83D | A:حلب | S:\uDC4D", Render("\uD83D حلب\uDC4D"));
    }

    [Fact]
    public void Token_spans_cover_the_original_surface_including_trailing_marks()
    {
        var text = "قُتِلَ\u200F ٥ أشخاصٍ";
        var a = TextAnalyzer.Analyze(text);
        Assert.Equal(["قُتِلَ", "٥", "أشخاصٍ"], a.Tokens.Select((_, i) => a.Surface(i)));
        Assert.Equal(["قتل", "5", "اشخاص"], a.Tokens.Select((_, i) => a.NormString(i)));
    }
}
