using Rasid.Core;

namespace Rasid.Extraction.Tests;

/// <summary>
/// Which named place an event happened at, when a sentence names others beside it: the seat of a speaker or body, where
/// people or forces came from, where people fled to. Snippets written for these tests; published Tuesday 21 July 2015.
/// </summary>
public sealed class EventPlaceChoiceTests
{
    private static readonly ArabicEventExtractor Extractor = new();

    private static List<ConflictEvent> Run(string text, string country) =>
        [.. Extractor.Extract(new Document("t", text, new DateOnly(2015, 7, 21)) { CountryHint = country }).Where(e => e.Modality.Counts())];

    [Theory]
    [InlineData("قال متحدث باسم الهيئة التي يوجد مقرها في طرابلس إن طائرات حربية قصفت أمس ميناء في درنة.", "LY", "Darnah", "Tripoli")]
    [InlineData("قصفت طائرات التحالف أمس تعزيزات للحوثيين قادمة من صنعاء في مأرب.", "YE", "Marib", "Sanaa")]
    [InlineData("قصف مسلحون أمس بقذائف الهاون مخيما يؤوي عائلات نازحي الرمادي في بغداد.", "IQ", "Baghdad", "Ramadi")]
    public void A_seat_or_an_origin_named_beside_the_event_is_not_its_place(string text, string country, string place, string notPlace)
    {
        var events = Run(text, country);
        Assert.NotEmpty(events);
        Assert.Contains(events, e => e.Location?.Name == place);
        Assert.DoesNotContain(events, e => e.Location?.Name == notPlace);
    }

    [Fact]
    public void Every_place_listed_after_an_origin_word_is_an_origin()
    {
        var events = Run("قصفت طائرات التحالف أمس في مأرب تعزيزات قادمة من صنعاء وذمار.", "YE");
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal("Marib", e.Location?.Name));
    }

    [Theory]
    [InlineData("قصفت طائرات التحالف أمس مواقع الحوثيين في محافظة لحج جنوب اليمن.", "Lahij")]
    [InlineData("تمكنت المقاومة بمحافظة تعز في جنوب غرب اليمن أمس من التقدم بعد اشتباكات عنيفة مع الحوثيين.", "Taizz")]
    [InlineData("قتل ثلاثة مسلحين أمس في اشتباكات في مدينة درنة شرقي ليبيا.", "Darnah")]
    public void A_part_of_the_country_named_after_a_place_only_locates_it(string text, string place)
    {
        var events = Run(text, text.Contains("ليبيا", StringComparison.Ordinal) ? "LY" : "YE");
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal(place, e.Location?.Name));
    }
}
