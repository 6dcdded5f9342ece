using Rasid.Core;

namespace Rasid.Extraction.Tests;

/// <summary>
/// One incident told twice in a report is one event: under a district and its city, as a toll re-telling it, in an
/// undated lead and a dated body, as a town taken, or as a region's summary of a town's fight. Sentences written for
/// these tests.
/// </summary>
public sealed class MergeRuleTests
{
    private static readonly ArabicEventExtractor Extractor = new();

    private static List<ConflictEvent> Counted(string text, string country) =>
        Extractor.Extract(new Document("t", text, new DateOnly(2015, 7, 21)) { CountryHint = country })
            .Where(e => e.Modality.Counts()).ToList();

    [Theory]
    [InlineData("قصف الحوثيون مديرية دار سعد في عدن يوم الأحد ما أدى إلى مقتل 10 مدنيين. وقالت مصادر طبية إن قصف الحوثيين لأحياء شمال مدينة عدن يوم الأحد أوقع عشرات الجرحى.", "YE")]
    public void A_city_district_and_its_city_on_one_day_are_one_event(string text, string country)
    {
        var events = Counted(text, country);
        Assert.Single(events);
        Assert.Equal("Dar Sad", events[0].Location?.Name); // the more precise place is kept
    }

    [Fact]
    public void A_toll_re_telling_an_event_joins_it_and_keeps_the_event_day()
    {
        var events = Counted("أفادت مصادر طبية أمس الاثنين بارتفاع حصيلة القتلى جراء قصف الحوثيين لحي كريتر في عدن إلى 40 قتيلا. وكان الحوثيون قد قصفوا حي كريتر يوم السبت الماضي بقذائف الهاون.", "YE");
        var e = Assert.Single(events);
        Assert.Equal(new DateOnly(2015, 7, 18), e.EventDate);
    }

    [Fact]
    public void An_undated_lead_joins_the_dated_strike_at_its_place()
    {
        var events = Counted("قتل قيادي في تنظيم القاعدة في غارة جوية أمريكية قرب بلدة سرمدا. وقال متحدث عسكري إن الغارة استهدفت القيادي قرب سرمدا في العاشر من الشهر الجاري.", "SY");
        var e = Assert.Single(events);
        Assert.Equal(new DateOnly(2015, 7, 10), e.EventDate);
    }

    [Fact]
    public void A_town_taken_is_taken_once_within_the_week()
    {
        var takeovers = Counted("خطف تنظيم داعش عشرات المدنيين بعد استيلائه على بلدة القريتين، حسب ما أفاد المرصد أمس. وكان التنظيم قد استولى على القريتين يوم الأربعاء بعد معارك مع قوات النظام.", "SY")
            .Where(e => e.SubEventType == SubEventType.NonStateActorOvertakesTerritory).ToList();
        var e = Assert.Single(takeovers);
        Assert.Equal(new DateOnly(2015, 7, 15), e.EventDate); // the earlier, named day
    }

    [Fact]
    public void A_regions_clashes_told_town_by_town_are_the_towns_events()
    {
        var events = Counted("قال مسؤولون أمس إن العشرات قتلوا في اشتباكات قبلية في الجنوب الليبي. وقال عميد بلدية سبها إن الاشتباكات بين الطوارق والتبو اندلعت قبل أربعة أيام في سبها وقتل فيها 20 مسلحا.", "LY");
        var e = Assert.Single(events);
        Assert.Equal("Sabha", e.Location?.Name);
    }

    [Fact]
    public void Two_days_each_named_at_one_place_stay_two_events()
    {
        var events = Counted("قصف الطيران بلدة سرمدا يوم الأحد. وقصف الطيران بلدة سرمدا مجددا يوم الاثنين.", "SY");
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public void A_fight_in_a_towns_neighbourhood_and_the_towns_fight_are_one_event()
    {
        var clashes = Counted("قتل خمسة جنود خلال قتال مع جماعات إسلامية في مدينة بنغازي أمس. وقال متحدث عسكري إن القوات الخاصة تصدت لهجوم عنيف للمسلحين في محور بوعطني أمس.", "LY")
            .Where(e => e.SubEventType == SubEventType.ArmedClash).ToList();
        var e = Assert.Single(clashes);
        Assert.Equal("Bu Atni", e.Location?.Name);
    }
}
