using Rasid.Arabic.Text;
using Rasid.Core;

namespace Rasid.Geo.Tests;

public sealed class PlaceFinderTests
{
    private static readonly PlaceFinder Finder = new(TestGazetteers.Fixture);

    private static IReadOnlyList<PlaceMention> Find(string text, string? hint = "SY") => Finder.Find(TextAnalyzer.Analyze(text), hint);

    private static PlaceMention Single(string text, string? hint = "SY")
    {
        var found = Find(text, hint);
        Assert.True(found.Count == 1, $"expected one mention in «{text}», got {found.Count}: {string.Join(", ", found.Select(m => m.Surface))}");
        return found[0];
    }

    [Theory]
    [InlineData("اشتباكات عنيفة في جسر الشغور أمس", "جسر الشغور", "t-jisr")]
    [InlineData("سيطرت القوات على رأس العين", "رأس العين", "t-ras-al-ain")]
    [InlineData("قصف مدفعي على دير الزور", "دير الزور", "t-deir-ez-zor")]
    [InlineData("وصلت التعزيزات إلى البو كمال", "البو كمال", "t-abu-kamal")]
    [InlineData("وصلت التعزيزات إلى أبو كمال", "أبو كمال", "t-abu-kamal")]
    public void Finds_the_longest_multiword_name(string text, string surface, string id)
    {
        var m = Single(text);
        Assert.Equal(surface, m.Surface);
        Assert.Equal(id, m.Place!.Id);
        Assert.Equal(GeoPrecision.Town, m.Precision);
    }

    [Theory]
    [InlineData("غارات بالرقة", "الرقة", "t-raqqa")]
    [InlineData("في إدلب وحلب", "حلب", "t-aleppo")]
    [InlineData("توجه رتل لدير الزور", "دير الزور", "t-deir-ez-zor")]
    [InlineData("انفجار في الرقة", "الرقة", "t-raqqa")]
    [InlineData("قصف على الرّقّة", "الرّقّة", "t-raqqa")]
    public void Strips_proclitics_and_diacritics_and_keeps_the_span_on_the_name(string text, string surface, string id)
    {
        var m = Find(text).Single(x => x.Place?.Id == id);
        Assert.Equal(surface, m.Surface);
        Assert.Equal(surface, m.Span.Slice(text));
    }

    [Theory]
    [InlineData("وقال حسن إن الوضع هادئ")]
    [InlineData("التقى الوزير حسن بالوفد")]
    [InlineData("وصل عمر إلى الاجتماع")]
    [InlineData("قال الناطق إن النظام يقصف المدنيين")]
    public void A_person_name_or_common_word_equal_to_a_village_is_not_a_place(string text)
    {
        Assert.DoesNotContain(Find(text), m => m.Place?.Id == "t-hasan");
        Assert.All(Find(text), m => Assert.NotEqual(PlaceKind.Village, m.Place?.Kind));
    }

    [Theory]
    [InlineData("قصف الطيران قرية حسن في ريف حلب")]
    [InlineData("اشتباكات شمال حسن")]
    public void A_person_name_after_a_trigger_or_relation_is_a_place(string text)
    {
        Assert.Contains(Find(text), m => m.Place?.Id == "t-hasan");
    }

    [Theory]
    [InlineData("وقع خراب كبير في المنطقة", false)]
    [InlineData("سقطت قذائف في خراب", true)]
    [InlineData("نزح الأهالي من الرقة وخراب", true)]
    public void A_small_imported_place_needs_a_locative_cue(string text, bool expected)
    {
        Assert.Equal(expected, Find(text).Any(m => m.Place?.Id == "t-kharab"));
    }

    [Theory]
    [InlineData("IQ", "t-ramadi-iq")]
    [InlineData(null, "t-ramadi-iq")]
    public void Country_hint_and_population_pick_among_homonyms(string? hint, string id)
    {
        Assert.Equal(id, Single("هجوم في الرمادي", hint).Place!.Id);
    }

    [Fact]
    public void A_governorate_named_in_the_same_sentence_picks_among_homonyms()
    {
        var m = Find("قصف قرية الرمادي بمحافظة دير الزور", null).First(x => x.Surface == "الرمادي");
        Assert.Equal("t-ramadi-sy", m.Place!.Id);
    }

    [Fact]
    public void A_distance_and_direction_give_near_precision_at_the_offset_point_with_the_phrase_as_evidence()
    {
        const string text = "تقع البلدة على بعد 20 كم شرق مدينة حلب";
        var m = Single(text);
        Assert.Equal("t-aleppo", m.Place!.Id);
        Assert.Equal(GeoPrecision.Near, m.Precision);
        Assert.Equal(PlaceRelation.Direction, m.Relation);
        Assert.Equal(90, m.BearingDegrees);
        Assert.Equal(20, m.DistanceKm);
        Assert.Equal("على بعد 20 كم شرق", m.RelationSpan!.Value.Slice(text));
        Assert.Equal("على بعد 20 كم شرق مدينة حلب", m.EvidenceSpan.Slice(text));
        Assert.InRange(GeoMath.DistanceKm(m.Place.Latitude, m.Place.Longitude, m.Latitude, m.Longitude), 19.5, 20.5);
        Assert.True(m.Longitude > m.Place.Longitude);
    }

    [Fact]
    public void A_compound_direction_offsets_along_its_bearing()
    {
        var m = Single("وتقع القاعدة 130 كم جنوب شرق مدينة دير الزور");
        Assert.Equal(135, m.BearingDegrees);
        Assert.True(m.Latitude < m.Place!.Latitude && m.Longitude > m.Place.Longitude);
        Assert.InRange(GeoMath.DistanceKm(m.Place.Latitude, m.Place.Longitude, m.Latitude, m.Longitude), 129, 131);
    }

    [Theory]
    [InlineData("اشتباكات في ريف حلب الغربي", PlaceRelation.Countryside, "ريف", "الغربي")]
    [InlineData("قصف على أطراف الرقة", PlaceRelation.Near, "أطراف", null)]
    [InlineData("غارات قرب الطبقة", PlaceRelation.Near, "قرب", null)]
    [InlineData("معارك شمال الرقة", PlaceRelation.Direction, "شمال", null)]
    [InlineData("هجوم بالقرب من مدينة الرقة", PlaceRelation.Near, "بالقرب من", null)]
    public void Relative_locations_give_near_precision_at_the_reference_place(string text, PlaceRelation relation, string cue, string? after)
    {
        var m = Single(text);
        Assert.Equal(GeoPrecision.Near, m.Precision);
        Assert.Equal(relation, m.Relation);
        Assert.StartsWith(cue, m.RelationSpan!.Value.Slice(text), StringComparison.Ordinal);
        if (after is not null)
        {
            Assert.EndsWith(after, m.RelationSpan.Value.Slice(text), StringComparison.Ordinal);
        }

        Assert.Equal(m.Place!.Latitude, m.Latitude);
    }

    [Theory]
    [InlineData("قصف جوي على مناطق بمحافظة تعز", "Taizz", "YE")]
    [InlineData("تعزيزات عسكرية إلى محافظة دير الزور", "Deir ez-Zor", "SY")]
    public void A_governorate_alone_gives_province_precision_at_its_label_point(string text, string admin1, string hint)
    {
        var m = Single(text, hint);
        Assert.Equal(PlaceKind.Admin1, m.Place!.Kind);
        Assert.Equal(admin1, m.Place.Admin1);
        Assert.Equal(GeoPrecision.Province, m.Precision);
    }

    [Fact]
    public void An_unknown_village_after_a_trigger_is_located_at_the_context_place_with_lower_precision()
    {
        const string text = "قصفت الطائرات قرية المزيرعة في ريف الرقة";
        var m = Find(text).Single(x => x.IsUnknownName);
        Assert.Equal("المزيرعة", m.Surface);
        Assert.Equal("t-raqqa", m.Place!.Id);
        Assert.Equal(GeoPrecision.Near, m.Precision);
        Assert.Equal(PlaceRelation.Context, m.Relation);
        Assert.Equal("قرية", m.TriggerSpan!.Value.Slice(text));
    }

    [Fact]
    public void An_unknown_two_word_name_after_a_trigger_takes_its_head_word()
    {
        var m = Find("اشتباكات في قرية تل جديد قرب الطبقة").Single(x => x.IsUnknownName);
        Assert.Equal("تل جديد", m.Surface);
        Assert.Equal("t-tabqa", m.Place!.Id);
    }

    [Fact]
    public void An_unknown_neighbourhood_is_placed_in_its_town()
    {
        var m = Find("انفجار سيارة مفخخة في حي التأميم بمدينة الرمادي", "IQ").Single(x => x.IsUnknownName);
        Assert.Equal("t-ramadi-iq", m.Place!.Id);
        Assert.Equal(GeoPrecision.Town, m.Precision);
    }

    [Theory]
    [InlineData("سيطرت القوات على الرقة. وتدور اشتباكات على أطراف المدينة", "t-raqqa")]
    [InlineData("دخل الجيش بلدة العشارة، ثم قصف شمال البلدة", "t-ashara")]
    public void The_city_after_a_relation_word_is_the_town_named_before(string text, string id)
    {
        var found = Find(text);
        var m = found[^1];
        Assert.Equal(id, m.Place!.Id);
        Assert.Equal(GeoPrecision.Near, m.Precision);
        Assert.True(m.IsUnknownName);
    }

    [Theory]
    [InlineData("قرية شمالية")]
    [InlineData("منطقة سكنية")]
    [InlineData("محافظة الأكثر تضررا")]
    public void A_trigger_followed_by_an_adjective_names_no_place(string text)
    {
        Assert.DoesNotContain(Find(text), m => m.IsUnknownName);
    }

    [Fact]
    public void A_site_found_by_its_own_name_keeps_town_precision()
    {
        var m = Single("استهدف التحالف سد الطبقة");
        Assert.Equal("t-tabqa-dam", m.Place!.Id);
        Assert.Equal(GeoPrecision.Town, m.Precision);
    }

    [Fact]
    public void A_site_known_only_by_its_town_is_near_the_town()
    {
        var m = Single("قصف مطار الرقة");
        Assert.Equal("t-raqqa", m.Place!.Id);
        Assert.Equal(GeoPrecision.Near, m.Precision);
    }

    [Fact]
    public void Mention_spans_point_at_the_original_text()
    {
        const string text = "قُتل 5 مدنيين بقصف على بلدة العشارة، و20 كم شرق مدينة دير الزور، وفي محافظة تعز.";
        foreach (var m in Find(text))
        {
            Assert.Equal(m.Surface, m.Span.Slice(text));
            Assert.True(m.EvidenceSpan.Contains(m.Span));
            Assert.InRange(m.FirstToken, 0, m.EndToken - 1);
        }
    }

    [Fact]
    public void ToEventLocation_carries_acled_fields()
    {
        var loc = Single("قصف مدفعي على العشارة").ToEventLocation();
        Assert.Equal("SY", loc.CountryCode);
        Assert.Equal("Syria", loc.Country);
        Assert.Equal("Deir ez-Zor", loc.Admin1);
        Assert.Equal("Al Mayadin", loc.Admin2);
        Assert.Equal("Al Asharah", loc.Name);
        Assert.Equal("العشارة", loc.NameArabic);
        Assert.Equal(GeoPrecision.Town, loc.Precision);
        Assert.Equal(34.9215, loc.Latitude, 4);
    }

    [Fact]
    public void Candidates_are_kept_best_first_for_the_analyst()
    {
        var m = Single("هجوم في الرمادي", "IQ");
        Assert.True(m.Candidates.Count >= 1);
        Assert.Equal("Ramadi", m.Candidates[0].Name);
        Assert.True(m.Candidates.Zip(m.Candidates.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public void Text_without_places_gives_no_mentions()
    {
        Assert.Empty(Find("قال المتحدث إن الاجتماع سيعقد غدا لبحث الأوضاع الاقتصادية", null));
        Assert.Empty(Find(string.Empty, null));
    }
}
