using Rasid.Arabic.Dates;
using Rasid.Arabic.Text;
using Rasid.Core;

namespace Rasid.Arabic.Tests;

/// <summary>"في الثامن من الشهر الجاري": an ordinal day of a month named relative to the publication date.</summary>
public class DayOfRelativeMonthTests
{
    private static readonly DateOnly Published = new(2015, 7, 24);

    [Theory]
    [InlineData("قتل في الثامن من الشهر الجاري", "2015-07-08")]
    [InlineData("قتل في الأول من الشهر الجاري", "2015-07-01")]
    [InlineData("قتل في العاشر من الشهر الماضي", "2015-06-10")]
    [InlineData("قتل في الحادي والعشرين من الشهر الجاري", "2015-07-21")]
    public void Ordinal_day_of_a_relative_month_is_that_day(string text, string expected)
    {
        var found = DateFinder.Find(TextAnalyzer.Analyze(text), Published);
        var m = Assert.Single(found);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), m.Start);
        Assert.Equal(m.Start, m.End);
        Assert.Equal(TimePrecision.Day, m.Precision);
    }

    [Fact]
    public void Day_of_the_current_month_after_publication_is_no_day()
    {
        var found = DateFinder.Find(TextAnalyzer.Analyze("في الثامن والعشرين من الشهر الجاري"), Published);
        Assert.DoesNotContain(found, d => d.Precision == TimePrecision.Day);
    }
}
