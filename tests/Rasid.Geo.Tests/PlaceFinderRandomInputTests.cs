using Rasid.Arabic.Text;

namespace Rasid.Geo.Tests;

/// <summary>STYLE.md §11: on random text built from place names, cue words and noise, Find never throws and its spans are sane.</summary>
public sealed class PlaceFinderRandomInputTests
{
    private static readonly string[] Pieces =
    [
        "في", "قرية", "مدينة", "محافظة", "ريف", "شمال", "جنوب شرق", "على بعد", "20", "كم", "قرب", "حي", "و", "،", ".", "\n",
        "حلب", "بالرقة", "دير الزور", "جسر الشغور", "حسن", "الرمادي", "تعز", "خراب", "الغربي", "من", "(", ")", "ً", "ـ",
        "قال", "غارة", "المزيرعة", "تل", "abc", "٣٠", "كيلومترا", "بمحافظة", "إدلب", "أطراف", "x", " ", "  ",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Find_never_throws_and_keeps_spans_inside_the_text(int seed)
    {
        var random = new Random(seed);
        var finder = new PlaceFinder(TestGazetteers.Fixture);
        for (int n = 0; n < 200; n++)
        {
            var text = string.Join(random.Next(4) == 0 ? "" : " ", Enumerable.Range(0, random.Next(0, 30)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            var analysis = TextAnalyzer.Analyze(text);
            var found = finder.Find(analysis, random.Next(3) == 0 ? null : "SY");
            int lastStart = -1;
            foreach (var m in found)
            {
                Assert.InRange(m.EvidenceSpan.End, 0, text.Length);
                Assert.Equal(m.Surface, m.Span.Slice(text));
                Assert.True(m.Span.Start >= lastStart, $"mentions out of order in «{text}»");
                Assert.InRange(m.FirstToken, 0, analysis.Tokens.Length - 1);
                Assert.InRange(m.EndToken, m.FirstToken + 1, analysis.Tokens.Length);
                Assert.InRange(m.Latitude, -90, 90);
                Assert.InRange(m.Longitude, -180, 180);
                lastStart = m.Span.Start;
            }
        }
    }
}
