using Rasid.Core;

namespace Rasid.Extraction.Tests;

/// <summary>
/// Conflict words in a non-event sense (sports and fiction talk, idioms, lists of kinds of violence, court charges,
/// anniversaries, old incidents) make no counted event, while the same words reporting an incident still do. Sentences
/// written for these tests.
/// </summary>
public sealed class NonEventTests
{
    private static readonly ArabicEventExtractor Extractor = new();

    private static List<ConflictEvent> Counted(string text, string country = "SY") =>
        Extractor.Extract(new Document("t", text, new DateOnly(2015, 7, 21)) { CountryHint = country })
            .Where(e => e.Modality.Counts()).ToList();

    [Theory]
    [InlineData("خطف الهلال الفوز من النصر في الدقائق الأخيرة من المباراة.")]
    [InlineData("تظاهر لاعبو المنتخب احتجاجا على قرار الحكم بعد نهاية المباراة.")]
    [InlineData("قاد المدرب فريقه إلى هجوم كاسح على مرمى الخصم في الشوط الأول من المباراة وقتل الوقت بعد الهدف.")]
    public void Conflict_words_in_sports_talk_make_no_event(string text)
    {
        Assert.Empty(Counted(text, "SA"));
    }

    [Theory]
    [InlineData("تدور أحداث الفيلم حول اغتيال رئيس وزراء على يد مسلحين في عاصمة أوروبية.")]
    [InlineData("يروي المسلسل قصة ضابط في الجيش يختطف ابنة وزير ويطلق النار على حراسها.")]
    public void A_film_or_series_plot_makes_no_event(string text)
    {
        Assert.Empty(Counted(text, "SA"));
    }

    [Theory]
    [InlineData("خطفت الطفلة الأنظار في حفل الافتتاح الذي حضره قائد الجيش.")]
    [InlineData("لقي قرار الجيش ترحيبا واسعا من السكان.")]
    [InlineData("يلقي قائد الجيش كلمة أمام السكان في ذكرى التأسيس.")]
    [InlineData("نفذت قوات الأمن ضربات استباقية ناجحة ضد الخلايا النائمة.")]
    [InlineData("أعلنت الشرطة إعدام كميات من الأغذية الفاسدة في المستودع.")]
    [InlineData("تمكنت الشرطة والدفاع المدني من السيطرة على الحريق في المستودع.")]
    [InlineData("أدى انفجار أسطوانة غاز في مطعم إلى مقتل عامل.")]
    [InlineData("خطفه الموت وهو في ريعان شبابه.")]
    [InlineData("يعمل ضابط في الجيش على ترجمة الكتاب إلى الإنجليزية.")]
    [InlineData("سلمت وزارة الخارجية السفير مذكرة احتجاج على تصريحات الوزير.")]
    [InlineData("تشهد المدينة تظاهرة ثقافية كبرى بمناسبة العيد.")]
    public void An_idiom_with_a_conflict_word_makes_no_event(string text)
    {
        Assert.Empty(Counted(text, "SA"));
    }

    [Theory]
    [InlineData("يمارس التنظيم القتل والخطف والتفجير في كل مكان يدخله.")]
    [InlineData("يستخدم مسلحو التنظيم سيارات مفخخة أو أحزمة ناسفة في هجماتهم.")]
    public void A_list_of_kinds_of_violence_makes_no_event(string text)
    {
        Assert.Empty(Counted(text, "IQ"));
    }

    [Theory]
    [InlineData("نظرت المحكمة أمس في قضية المتهمين باغتيال ضابط الشرطة.")]
    [InlineData("في مثل هذا اليوم قصفت الطائرات الحربية المدينة.")]
    [InlineData("تتقدم قوات الجيش ببطء حتى لا تكون هدفا للقناصة والعبوات الناسفة.")]
    [InlineData("هاجم مسلحون مجهولون حاجزا للجيش في 4 مارس في بعقوبة.")]
    public void Charges_anniversaries_precautions_and_old_incidents_make_no_counted_event(string text)
    {
        Assert.Empty(Counted(text, "IQ"));
    }

    [Theory]
    [InlineData("خطف مسلحون مجهولون ثلاثة موظفين في المدينة.", "Abduction/forced disappearance")]
    [InlineData("تظاهر مئات المحتجين أمام مبنى المحافظة للمطالبة بالرواتب.", "Peaceful protest")]
    [InlineData("قتل لاعب كرة قدم في غارة جوية شنتها طائرات التحالف على المدينة.", "Air/drone strike")]
    [InlineData("انفجرت سيارة مفخخة في السوق ما أدى إلى مقتل خمسة مدنيين.", "Remote explosive/landmine/IED")]
    [InlineData("شنت الطائرات الحربية غارات وقصفا صاروخيا على مواقع داعش.", "Air/drone strike")]
    [InlineData("هاجم مسلحون مجهولون حاجزا للجيش أمس في بعقوبة.", "Armed clash")]
    [InlineData("لقي ثلاثة جنود حتفهم في هجوم شنه مسلحون على حاجز للجيش في بعقوبة.", null)]
    public void The_same_words_reporting_an_incident_still_make_an_event(string text, string? subEventType)
    {
        var events = Counted(text, "IQ");
        Assert.NotEmpty(events);
        if (subEventType is not null)
        {
            Assert.Contains(events, e => e.SubEventType.Name() == subEventType);
        }
    }
}

/// <summary>Parts and summaries of an incident fold into it instead of making events of their own (sentences written for these tests).</summary>
public sealed class IncidentPartTests
{
    private static readonly ArabicEventExtractor Extractor = new();

    private static List<ConflictEvent> Counted(string text, string country = "IQ") =>
        Extractor.Extract(new Document("t", text, new DateOnly(2015, 7, 21)) { CountryHint = country })
            .Where(e => e.Modality.Counts()).ToList();

    [Theory]
    [InlineData("شنت القوات الأمنية هجوما على مواقع داعش في الرمادي أسفر عن مقتل عشرة مسلحين وتدمير سيارة مفخخة.", "Disrupted weapons use")]
    [InlineData("شن طيران التحالف غارات على مواقع داعش في بيجي ودمر سيارة مفخخة بقصف جوي.", "Disrupted weapons use")]
    [InlineData("نصبت المقاومة كمينا لدورية الحوثيين في رداع وأحرقت عربة لهم.", "Looting/property destruction")]
    public void An_outcome_of_a_strike_or_fight_is_no_event_of_its_own(string text, string absentSubType)
    {
        var events = Counted(text, text.Contains("رداع", StringComparison.Ordinal) ? "YE" : "IQ");
        Assert.NotEmpty(events);
        Assert.DoesNotContain(events, e => e.SubEventType.Name() == absentSubType);
    }

    [Fact]
    public void A_destroyed_car_bomb_on_its_own_is_disrupted_weapons_use()
    {
        Assert.Contains(Counted("دمرت القوات الأمنية ثلاث سيارات مفخخة قرب الرمادي."), e => e.SubEventType.Name() == "Disrupted weapons use");
    }

    [Fact]
    public void Towns_named_after_baad_are_not_where_the_takeover_happened()
    {
        const string text = "سيطرت المقاومة الشعبية اليوم على مدينة الحوطة. وقالت مصادر إن المقاومة حررت ثالث مدينة من الحوثيين بعد مدينتي الضالع وعدن.";
        var events = Counted(text, "YE");
        Assert.NotEmpty(events);
        Assert.DoesNotContain(events, e => e.Location?.Name is "Aden" or "Ad Dali");
    }

    [Fact]
    public void A_provincial_tally_of_killings_folds_into_the_located_incident()
    {
        const string text = "قتل خمسة مدنيين في أعمال عنف بمحافظة الأنبار أمس. وقال مصدر أمني إن مسلحين من داعش قصفوا بقذائف الهاون حيا سكنيا في الفلوجة أمس.";
        var events = Counted(text);
        var e = Assert.Single(events);
        Assert.Equal("Shelling/artillery/missile attack", e.SubEventType.Name());
    }
}

/// <summary>Places that a sentence names without the event happening there (sentences written for these tests).</summary>
public sealed class EventPlaceTests
{
    private static readonly ArabicEventExtractor Extractor = new();

    private static List<ConflictEvent> Counted(string text, string country) =>
        Extractor.Extract(new Document("t", text, new DateOnly(2015, 8, 9)) { CountryHint = country })
            .Where(e => e.Modality.Counts()).ToList();

    [Fact]
    public void A_street_named_after_a_town_is_not_that_town()
    {
        var events = Counted("قتل ثلاثة مدنيين أمس جراء سقوط قذائف هاون أطلقتها فصائل المعارضة على شارع بغداد في دمشق.", "SY");
        Assert.NotEmpty(events);
        Assert.DoesNotContain(events, e => e.Location?.Name == "Baghdad");
    }

    [Fact]
    public void The_base_a_strike_came_from_is_not_where_it_fell()
    {
        var events = Counted("قصفت طائرة حربية تابعة لسلاح الجو الليبي من قاعدة طبرق الجوية مواقع للتنظيم في مدينة درنة أمس.", "LY");
        Assert.NotEmpty(events);
        Assert.DoesNotContain(events, e => e.Location?.Name == "Tobruk");
    }
}

/// <summary>
/// Events a report names only as background: the point the news is dated from, a month's tally, an undated background
/// sentence, a habit or a biography, a declared stance, a flight from fighting. Sentences written for these tests.
/// </summary>
public sealed class BackgroundMentionTests
{
    private static readonly ArabicEventExtractor Extractor = new();

    private static List<ConflictEvent> Counted(string text, string country) =>
        Extractor.Extract(new Document("t", text, new DateOnly(2015, 7, 21)) { CountryHint = country })
            .Where(e => e.Modality.Counts()).ToList();

    [Theory]
    [InlineData("دخلت القوات مدينة الحوطة أمس بعد يومين من معارك عنيفة مع المسلحين في بلدة صبر.", "Armed clash")]
    [InlineData("سيطرت المقاومة على حي التواهي أمس بعد ثلاثة أيام على إعلان الحكومة تحرير مدينة عدن.", null)]
    public void An_event_the_news_is_dated_from_is_no_event_of_the_report(string text, string? absentSubEventType)
    {
        var events = Counted(text, "YE");
        Assert.DoesNotContain(events, e => absentSubEventType is null ? e.Location?.Name == "Aden" : e.SubEventType.Name() == absentSubEventType);
    }

    [Theory]
    [InlineData("ألقت مروحيات النظام أكثر من ألف برميل متفجر على ريف دمشق خلال الشهر الجاري.")]
    [InlineData("قتل 300 شخص في غارات الطيران على ريف دمشق طوال شهر يوليو.")]
    public void A_months_tally_is_no_event(string text)
    {
        Assert.Empty(Counted(text, "SY"));
    }

    [Theory]
    [InlineData("يشار إلى أن المنظمة وثقت مقتل 200 لاجئ في القصف بالبراميل المتفجرة على المخيم.")]
    [InlineData("يذكر أن المدينة تتعرض لقصف عنيف من قوات النظام منذ أسابيع.")]
    public void An_undated_background_sentence_is_no_event(string text)
    {
        Assert.Empty(Counted(text, "SY"));
    }

    [Theory]
    [InlineData("استعادت المقاومة التلال التي كانت الميليشيات تستخدمها في إطلاق قذائف الهاون على الأحياء.", "Shelling/artillery/missile attack")]
    [InlineData("وقال قائد المقاومة الشعبية الذي أشرف على تحرير مدينة عدن إن قواته تتقدم نحو تعز.", "Government regains territory")]
    public void A_habit_or_a_biography_is_no_event(string text, string absentSubEventType)
    {
        Assert.DoesNotContain(Counted(text, "YE"), e => e.SubEventType.Name() == absentSubEventType);
    }

    [Theory]
    [InlineData("أصدر شباب المحافظة بيانا أعلنوا فيه التصدي لميليشيات الحوثي.")]
    [InlineData("قال شهود إن عشرات من مسلحي الحوثي فروا من المعارك في جبهة الفيوش.")]
    public void A_declared_stance_or_a_flight_from_fighting_is_no_clash(string text)
    {
        Assert.DoesNotContain(Counted(text, "YE"), e => e.SubEventType == SubEventType.ArmedClash);
    }
}
