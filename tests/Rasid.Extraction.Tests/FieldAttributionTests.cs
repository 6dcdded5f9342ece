using Rasid.Core;

namespace Rasid.Extraction.Tests;

/// <summary>
/// The fields of an event that the rules attach beside its type: date and time precision carried through a story,
/// second actors, fatalities over sentences, geo precision. Snippets written for these tests; published Tuesday 21 July 2015.
/// </summary>
public sealed class FieldAttributionTests
{
    private static readonly ArabicEventExtractor Extractor = new();

    private static List<ConflictEvent> Run(string text, string country = "IQ") =>
        [.. Extractor.Extract(new Document("t", text, new DateOnly(2015, 7, 21)) { CountryHint = country }).Where(e => e.Modality.Counts())];

    private static ConflictEvent At(IEnumerable<ConflictEvent> events, string place) =>
        Assert.Single(events, e => e.Location?.Name == place);

    [Fact]
    public void A_story_keeps_the_day_it_named_into_the_next_sentence_of_the_same_source()
    {
        var events = Run("قتل خمسة جنود أمس الاثنين في هجوم لتنظيم داعش على حاجز في الرمادي. وقال المصدر إن قوات الجيش قصفت بالمدفعية مواقع داعش في الفلوجة.");
        var shelling = At(events, "Fallujah");
        Assert.Equal(TimePrecision.Day, shelling.TimePrecision);
        Assert.Equal(new DateOnly(2015, 7, 20), shelling.EventDate);
    }

    [Theory]
    [InlineData("من جهة أخرى،")]
    [InlineData("على صعيد آخر،")]
    [InlineData("وفي تطور آخر،")]
    public void A_sentence_that_turns_to_another_story_does_not_take_the_day_told_before(string shift)
    {
        var events = Run($"قتل خمسة جنود أمس الاثنين في هجوم لتنظيم داعش على حاجز في الرمادي. {shift} قصفت قوات الجيش بالمدفعية مواقع داعش في الفلوجة.");
        Assert.Equal(TimePrecision.Day, At(events, "Ramadi").TimePrecision);
        Assert.Equal(TimePrecision.Week, At(events, "Fallujah").TimePrecision);
    }

    [Fact]
    public void Named_days_of_a_range_are_carried_with_week_precision()
    {
        var events = Run("قال الناطق إن طيران التحالف نفذ ضربات من ليلة الخميس ولغاية أمس الاثنين. وأضاف أن غارة جوية للتحالف قتلت 21 من عناصر داعش في الرمادي.");
        var strike = At(events, "Ramadi");
        Assert.Equal(TimePrecision.Week, strike.TimePrecision);
        Assert.InRange(strike.EventDate, new DateOnly(2015, 7, 16), new DateOnly(2015, 7, 20));
    }

    [Fact]
    public void A_vague_recent_span_dates_only_its_own_sentence()
    {
        var events = Run("شنت طائرات التحالف أمس غارات على مواقع داعش في الرمادي. وأضاف المصدر أن التنظيم عزز مواقعه خلال الأيام الماضية. وقصفت قوات الجيش بالمدفعية مواقع داعش في الفلوجة.");
        Assert.Equal(TimePrecision.Day, At(events, "Fallujah").TimePrecision);
    }

    [Fact]
    public void A_pluperfect_background_sentence_does_not_lend_its_day_to_the_story_after_it()
    {
        var events = Run("وكانت قوات الجيش قد قصفت أمس بالمدفعية مواقع داعش في الرمادي. وقصفت طائرات التحالف مواقع التنظيم في الفلوجة.");
        Assert.Equal(TimePrecision.Day, At(events, "Ramadi").TimePrecision);
        Assert.Equal(TimePrecision.Week, At(events, "Fallujah").TimePrecision);
    }

    [Fact]
    public void An_air_force_after_a_genitive_lam_strikes_and_the_killed_group_is_hit()
    {
        var e = Assert.Single(Run("قتل ثمانية من عناصر تنظيم داعش في غارة جوية لطيران التحالف الدولي في الرمادي."));
        Assert.Equal("International coalition (US-led)", e.Actor1?.Name);
        Assert.Equal("Islamic State", e.Actor2?.Name);
    }

    [Fact]
    public void Residents_who_tell_of_a_strike_are_a_source_not_its_victims()
    {
        var e = Assert.Single(Run("وذكرت مصادر عسكرية وسكان أن تسعة من الحوثيين قتلوا في غارة جوية لطيران التحالف العربي على خور مكسر في عدن.", "YE"));
        Assert.Equal("Houthis and Saleh forces", e.Actor2?.Name);
    }

    [Fact]
    public void A_residential_quarter_shelled_just_after_the_clause_makes_civilians_the_second_actor()
    {
        var e = Assert.Single(Run("وقصفت ميليشيا الحوثي، السبت، حي الجمهوري السكني في تعز.", "YE"));
        Assert.Equal("Civilians (Yemen)", e.Actor2?.Name);
    }

    [Fact]
    public void The_rebels_of_a_yemeni_report_are_the_houthis()
    {
        var events = Run("شنت طائرات التحالف العربي غارات على مواقع في عدن. وذكرت مصادر أن تسعة متمردين قتلوا ليلا في غارة جوية على خور مكسر.", "YE");
        Assert.Equal("Houthis and Saleh forces", At(events, "Khur Maksar").Actor2?.Name);
    }

    [Fact]
    public void A_bombing_with_no_perpetrator_named_is_the_claimants_when_the_story_says_who_claimed()
    {
        var events = Run("قتل 30 شخصا في تفجيرات في بغداد تبنى بعضها تنظيم داعش. وانفجرت سيارة مفخخة في الزعفرانية ما أدى إلى مقتل أربعة أشخاص.");
        Assert.Equal("Islamic State", At(events, "Baghdad - Zafaraniya").Actor1?.Name);
    }

    [Fact]
    public void A_bombing_stays_unidentified_when_nobody_claims()
    {
        var events = Run("قتل 30 شخصا في تفجيرات في بغداد. وانفجرت سيارة مفخخة في الزعفرانية ما أدى إلى مقتل أربعة أشخاص.");
        Assert.Equal("Unidentified Armed Group (Iraq)", At(events, "Baghdad - Zafaraniya").Actor1?.Name);
    }

    [Fact]
    public void An_attack_with_no_one_named_as_hit_has_civilians_as_its_second_actor()
    {
        var e = Assert.Single(Run("اغتال مسلحون مجهولون قياديا في حزب المؤتمر بجوار منزله في مدينة البيضاء.", "YE"));
        Assert.Equal("Attack", e.SubEventType.Name());
        Assert.Equal("Civilians (Yemen)", e.Actor2?.Name);
    }
}
