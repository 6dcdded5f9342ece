using Rasid.Arabic.Text;
using Rasid.Core;

namespace Rasid.Geo.Tests;

/// <summary>Place rules that depend on the built-in data (Aden's districts, Saudi border places, homonyms abroad), on sentences written for these tests.</summary>
public sealed class PlaceRulesOnBuiltInGazetteerTests
{
    private static readonly PlaceFinder Finder = new(Gazetteer.LoadBuiltIn());

    private static IReadOnlyList<PlaceMention> Find(string text, string hint) => Finder.Find(TextAnalyzer.Analyze(text), hint);

    private static PlaceMention On(string text, string hint, string surface) =>
        Find(text, hint).FirstOrDefault(m => m.Surface.Contains(surface, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"no mention over «{surface}» in «{text}»: {string.Join(", ", Find(text, hint).Select(m => m.Surface))}");

    [Theory]
    [InlineData("قصف المتمردون مديرية دار سعد بقذائف الهاون", "دار سعد", "ye-dar-sad-district")]
    [InlineData("غارات على مواقع المسلحين في التواهي", "التواهي", "ye-at-tawahi-district")]
    [InlineData("انفجار سيارة في مديرية شعوب", "شعوب", "ye-shu-aub-district")]
    public void A_district_that_is_a_quarter_of_a_city_is_located_as_a_part_of_the_town(string text, string surface, string id)
    {
        var m = On(text, "YE", surface);
        Assert.Equal(id, m.Place!.Id);
        Assert.Equal(GeoPrecision.Town, m.Precision);
    }

    [Theory]
    [InlineData("أطلق مسلحون النار من سوريا على مركز حدودي في كلس", "كلس", "tr-kilis")]
    [InlineData("قتل شرطي في هجوم في مدينة مديات جنوب شرق تركيا", "مديات", "tr-midyat")]
    [InlineData("تفجير انتحاري في بلدة سروج الحدودية", "سروج", "tr-suruc")]
    public void A_Turkish_border_town_is_found_in_Turkey_under_a_Syrian_hint(string text, string surface, string id)
    {
        var m = On(text, "SY", surface);
        Assert.Equal(id, m.Place!.Id);
        Assert.Equal("TR", m.Place.CountryCode);
    }

    [Fact]
    public void A_district_named_after_its_seat_is_placed_at_the_seat()
    {
        // ACLED codes an event told only by district at the district's seat; the centroid of a desert district lies far off.
        var m = On("قصف جوي على منزل في قضاء الرطبة غرب الأنبار", "IQ", "الرطبة");
        Assert.InRange(m.Place!.Latitude, 33.0, 33.1);
        Assert.InRange(m.Place.Longitude, 40.2, 40.35);
    }

    [Fact]
    public void A_rural_district_stays_near()
    {
        var m = On("اشتباكات عنيفة في مديرية صبر الموادم", "YE", "صبر الموادم");
        Assert.Equal(PlaceKind.Admin2, m.Place!.Kind);
        Assert.Equal(GeoPrecision.Near, m.Precision);
    }

    [Theory]
    [InlineData("تصدت المقاومة لهجوم في جبهة صرواح", "صرواح")]
    [InlineData("تبادل الطرفان القصف على جبهتي البلق والجدعان", "البلق")]
    [InlineData("سيطر المسلحون على حاجز مطل على بلدة بلودان", "بلودان")]
    public void A_front_or_a_position_overlooking_a_place_is_near_it(string text, string surface)
    {
        Assert.Equal(GeoPrecision.Near, On(text, text.Contains("بلودان", StringComparison.Ordinal) ? "SY" : "YE", surface).Precision);
    }

    [Theory]
    [InlineData("استهدفت الضربات مواقع بالقرب من حلب والحسكة", "الحسكة")]
    [InlineData("اشتباكات في محيط بلدتي الفوعة وكفريا", "كفريا")]
    public void A_relation_covers_every_place_of_its_coordinated_list(string text, string second)
    {
        var m = On(text, "SY", second);
        Assert.Equal(GeoPrecision.Near, m.Precision);
        Assert.Equal(PlaceRelation.Near, m.Relation);
    }

    [Fact]
    public void Dual_countryside_is_no_town()
    {
        var m = On("قصفت المعارضة بلدات موالية بريفي إدلب وحلب", "SY", "إدلب");
        Assert.NotEqual(GeoPrecision.Town, m.Precision);
    }

    [Fact]
    public void A_town_abroad_named_like_a_quarter_at_home_yields_to_the_home_places_of_the_sentence()
    {
        var m = On("كان المسلحون ينوون تفجيرها في منطقة السيدة زينب وسط قضاء سنجار", "IQ", "السيدة زينب");
        Assert.Equal("IQ", m.Place!.CountryCode);
    }

    [Fact]
    public void The_same_town_abroad_named_alone_is_still_found()
    {
        var m = On("قصف مدفعي على بلدة السيدة زينب جنوب دمشق", "SY", "السيدة زينب");
        Assert.Equal("sy-sayyidah-zaynab", m.Place!.Id);
    }

    [Fact]
    public void An_operations_command_named_after_a_governorate_is_no_place()
    {
        Assert.DoesNotContain(Find("أعلنت قيادة عمليات الأنبار مقتل عشرة مسلحين", "IQ"), m => m.Place?.Id == "iq-ramadi-anbar-operations-command");
    }

    [Theory]
    [InlineData("سقط مقذوف على منزل بمحافظة الحرث من داخل الأراضي اليمنية", "الحرث", "Jazan")]
    [InlineData("قصفت الميليشيات مدينة نجران بالصواريخ", "نجران", "Najran")]
    [InlineData("سقطت قذائف على محافظة الطوال الحدودية", "الطوال", "Jazan")]
    [InlineData("استهدفت قذيفة منزلا في مدينة صامطة", "صامطة", "Jazan")]
    [InlineData("سقوط صاروخ على ظهران الجنوب", "ظهران الجنوب", "Asir")]
    public void Saudi_border_places_are_in_the_gazetteer(string text, string surface, string admin1)
    {
        var m = On(text, "YE", surface);
        Assert.Equal("SA", m.Place!.CountryCode);
        Assert.Equal(admin1, m.Place.Admin1);
    }

    [Fact]
    public void Near_a_quarter_is_still_in_its_town()
    {
        var m = On("قتل شخص قرب حي واحد حزيران جنوبي مدينة كركوك", "IQ", "واحد حزيران");
        Assert.Equal(GeoPrecision.Town, m.Precision);
    }

    [Fact]
    public void A_quoted_name_keeps_the_trigger_before_the_quote()
    {
        var m = On("قال السكان إن المقاومة سيطرت على منطقة « ذيمرين» في جبل صبر", "YE", "ذيمرين");
        Assert.Equal("ye-taizz-dhimrin", m.Place!.Id);
    }

    [Fact]
    public void A_name_that_begins_with_its_trigger_word_is_cued_by_it()
    {
        var m = On("وقصفت المليشيات السبت حي الجمهوري السكني", "YE", "الجمهوري");
        Assert.Equal("ye-taizz-al-jumhuri", m.Place!.Id);
        Assert.Equal(GeoPrecision.Town, m.Precision);
    }

    [Fact]
    public void An_unknown_quarter_inside_an_urban_district_is_in_the_town()
    {
        var m = On("قصف المتمردون بقذائف الهاون حي الدمينة بمنطقة دار سعد", "YE", "الدمينة");
        Assert.Equal(GeoPrecision.Town, m.Precision);
    }
}
