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
