using Rasid.Arabic.Text;

namespace Rasid.Arabic.Tests;

public class ArabicNormalizerTests
{
    // One row per folding rule, Lucene style (TestArabicNormalizationFilter: "آجن" → "اجن").
    [Theory]
    [InlineData("آجن", "اجن")] // alef madda
    [InlineData("أحمد", "احمد")] // alef hamza above
    [InlineData("إدلب", "ادلب")] // alef hamza below
    [InlineData("ٱلله", "الله")] // alef wasla
    [InlineData("\u0672\u0673\u0675", "ااا")] // alef with wavy/high hamza
    [InlineData("مستشفى", "مستشفي")] // alef maksura
    [InlineData("مدينة", "مدينه")] // ta marbuta
    [InlineData("مؤتمر", "موتمر")] // waw hamza
    [InlineData("رئيس", "رييس")] // yeh hamza
    [InlineData("\u0676\u0678", "وي")] // high hamza waw/yeh
    [InlineData("قـــتـل", "قتل")] // tatweel
    [InlineData("قُتِلَ", "قتل")] // fatha, damma, kasra
    [InlineData("مُدَّةٌ", "مده")] // shadda, tanween
    [InlineData("سْ", "س")] // sukun
    [InlineData("رَحْمَٰن", "رحمن")] // superscript alef
    [InlineData("عَلَيۡهِۦ", "عليه")] // Quranic sukun and small waw
    [InlineData("الصَّلَوٰةَ ۖ", "الصلوه ")] // Quranic pause mark
    [InlineData("\u06DD\u0661", "1")] // end-of-ayah sign
    [InlineData("٢٦/٤/٢٠١٧", "26/4/2017")] // Arabic-Indic digits
    [InlineData("۱۲۳", "123")] // Persian digits
    [InlineData("\uFF12\uFF10", "20")] // full-width digits
    [InlineData("٣٫٥", "3.5")] // Arabic decimal separator
    [InlineData("١٬٢٠٠", "1,200")] // Arabic thousands separator
    [InlineData("٥٠٪", "50%")] // Arabic percent sign
    [InlineData("نعم،", "نعم,")] // Arabic comma
    [InlineData("لا؛", "لا;")] // Arabic semicolon
    [InlineData("لماذا؟", "لماذا?")] // Arabic question mark
    [InlineData("ختم۔", "ختم.")] // Urdu full stop
    [InlineData("حل\u200Cب", "حلب")] // zero-width non-joiner
    [InlineData("حل\u200Db", "حلb")] // zero-width joiner
    [InlineData("\u200Bحلب", "حلب")] // zero-width space
    [InlineData("حلب\u200F", "حلب")] // right-to-left mark
    [InlineData("\u202Bحلب\u202C", "حلب")] // bidi embedding
    [InlineData("\u2067حلب\u2069", "حلب")] // bidi isolate
    [InlineData("\u061Cحلب", "حلب")] // Arabic letter mark
    [InlineData("حل\u00ADب", "حلب")] // soft hyphen
    [InlineData("\uFEFFحلب", "حلب")] // byte order mark inside text
    [InlineData("a\u00A0b", "a b")] // no-break space
    [InlineData("a\u2028b", "a\nb")] // line separator
    [InlineData("کرکوک", "كركوك")] // keheh (Persian kaf)
    [InlineData("ایران", "ايران")] // Farsi yeh
    [InlineData("کوردستانە", "كوردستانه")] // ae (Kurdish heh)
    [InlineData("\u06C0", "ه")] // heh with yeh above
    [InlineData("\u06C1\u06BE", "هه")] // Urdu heh goal, heh doachashmee
    [InlineData("\u06D2", "ي")] // yeh barree
    [InlineData("ISIS", "isis")] // Latin upper case
    [InlineData("\uFF29\uFF33", "is")] // full-width Latin
    [InlineData("\uFEFB", "لا")] // lam-alef ligature
    [InlineData("\uFEF5", "لا")] // lam-alef madda ligature
    [InlineData("\uFE8D\uFEDF\uFEE4\uFEEE\uFEBB\uFEDE", "الموصل")] // presentation forms B
    [InlineData("\uFB8E\uFBFC", "كي")] // presentation forms A (keheh, Farsi yeh)
    [InlineData("\uFE94", "ه")] // ta marbuta final form
    [InlineData("\uFDF2", "الله")] // word ligature
    [InlineData("\uFDFA", "صلياللهعليهوسلم")] // phrase ligature: inner spaces dropped, one token
    [InlineData("\uFE7Cب", "ب")] // isolated shadda form
    [InlineData("a\u0007b", "ab")] // C0 control
    [InlineData("x\uFFFEy", "x\uFFFDy")] // noncharacter U+FFFE (the fold table's marker)
    public void Folds_one_rule(string input, string expected)
    {
        Assert.Equal(expected, ArabicNormalizer.Normalize(input).Text);
    }

    [Theory]
    [InlineData("مدينة", "مدينة")]
    [InlineData("\uFE94", "ة")]
    [InlineData("\u06C3", "ة")]
    [InlineData("أسرةٌ", "اسرة")]
    public void Keeps_ta_marbuta_when_asked(string input, string expected)
    {
        Assert.Equal(expected, ArabicNormalizer.Normalize(input, NormalizationOptions.KeepTehMarbuta).Text);
    }

    [Theory]
    [InlineData(NormalizationOptions.None)]
    [InlineData(NormalizationOptions.KeepTehMarbuta)]
    public void Every_character_folds_to_a_fixed_point(NormalizationOptions options)
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            var once = ArabicNormalizer.Normalize(((char)c).ToString(), options).Text;
            var twice = ArabicNormalizer.Normalize(once, options).Text;
            Assert.True(once == twice, $"U+{c:X4} folds to '{once}' and then to '{twice}'");
        }
    }

    [Fact]
    public void No_presentation_form_or_tatweel_survives()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            foreach (char o in ArabicNormalizer.Normalize(((char)c).ToString()).Text)
            {
                bool presentationLetter = o is (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF')
                    && ((char)c).ToString().Normalize(System.Text.NormalizationForm.FormKC) != ((char)c).ToString();
                Assert.False(presentationLetter, $"U+{c:X4} leaves presentation form U+{(int)o:X4}");
                Assert.NotEqual(ArabicLetters.Tatweel, o);
            }
        }
    }

    [Theory]
    [InlineData("قتل 5 في حلب", true)]
    [InlineData("قتل ٥ في حلب", false)]
    [InlineData("مدينة", false)]
    public void Reports_whether_text_is_already_normal(string text, bool expected)
    {
        Assert.Equal(expected, ArabicNormalizer.IsNormalized(text));
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
    public void A_lone_high_surrogate_does_not_swallow_the_next_character_in_its_span()
    {
        var n = ArabicNormalizer.Normalize("\uD83Dب\u0640");
        Assert.Equal("\uD83D", n.ToOriginal(0, 1).Slice(n.Original));
    }

    [Fact]
    public void Text_that_needs_no_folding_shares_the_original_string()
    {
        var s = "قتل 5 في حلب";
        var n = ArabicNormalizer.Normalize(s);
        Assert.True(n.IsIdentity);
        Assert.Same(s, n.Text);
    }

    [Fact]
    public void In_place_normalization_agrees_with_the_mapped_one_on_text_without_ligatures()
    {
        var s = "وقُتِلَ ٥ أشخاص في مدينـــة الرقّة\u200F، أمس؟";
        var buffer = s.ToCharArray();
        int n = ArabicNormalizer.NormalizeInPlace(buffer);
        Assert.Equal(ArabicNormalizer.Normalize(s).Text, new string(buffer, 0, n));
    }

    // Found by the fuzzer (tests/Rasid.Fuzz.Tests): a NUL was dropped when another character changed before it and kept
    // otherwise, so a token's surface did not renormalize to the token.
    [Theory]
    [InlineData("م\0ن")]
    [InlineData("آ م\0ن")]
    [InlineData("\0")]
    public void A_nul_character_is_kept_whether_or_not_the_text_around_it_changes(string text)
    {
        var n = ArabicNormalizer.Normalize(text);
        Assert.Equal(text.Count(c => c == '\0'), n.Text.Count(c => c == '\0'));
        var buffer = text.ToCharArray();
        Assert.Equal(n.Text, new string(buffer, 0, ArabicNormalizer.NormalizeInPlace(buffer)));
    }
}
