using Rasid.Arabic.Dates;
using Rasid.Arabic.Text;
using Rasid.Core;

namespace Rasid.Arabic.Tests;

public class DateFinderTests
{
    // Tuesday 2 May 2017, the seed report's publication date.
    private const string Pub = "2017-05-02";

    private static DateMention Single(string text, string published = Pub)
    {
        var found = DateFinder.Find(TextAnalyzer.Analyze(text), DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture));
        return Assert.Single(found);
    }

    private static void AssertDates(DateMention m, string start, string end)
    {
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), m.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), m.End);
    }

    [Theory]
    [InlineData("في 26 نيسان\\ أبريل، في منطقة البوكمال", "2017-04-26", "26 نيسان\\ أبريل")]
    [InlineData("في 26 نيسان/أبريل قتل", "2017-04-26", "26 نيسان/أبريل")]
    [InlineData("في 26 أبريل (نيسان) قتل", "2017-04-26", "26 أبريل (نيسان)")]
    [InlineData("في 26 أبريل قتل", "2017-04-26", "26 أبريل")]
    [InlineData("في 26 ابريل قتل", "2017-04-26", "26 ابريل")]
    [InlineData("في 26 أفريل قتل", "2017-04-26", "26 أفريل")]
    [InlineData("في 3 كانون الثاني قتل", "2017-01-03", "3 كانون الثاني")]
    [InlineData("في 3 جانفي قتل", "2017-01-03", "3 جانفي")]
    [InlineData("في 14 شباط قتل", "2017-02-14", "14 شباط")]
    [InlineData("في 14 فيفري قتل", "2017-02-14", "14 فيفري")]
    [InlineData("في 1 مايو قتل", "2017-05-01", "1 مايو")]
    [InlineData("في 1 ماي قتل", "2017-05-01", "1 ماي")]
    [InlineData("في 1 أيار قتل", "2017-05-01", "1 أيار")]
    [InlineData("في 5 حزيران قتل", "2016-06-05", "5 حزيران")]
    [InlineData("في 5 يونيو قتل", "2016-06-05", "5 يونيو")]
    [InlineData("في 5 جوان قتل", "2016-06-05", "5 جوان")]
    [InlineData("في 5 يوليو 2015 قتل", "2015-07-05", "5 يوليو 2015")]
    [InlineData("في 5 جويلية 2015 قتل", "2015-07-05", "5 جويلية 2015")]
    [InlineData("في 5 تموز عام 2015 قتل", "2015-07-05", "5 تموز عام 2015")]
    [InlineData("في 10 حزيران/يونيو من العام الماضي", "2016-06-10", "10 حزيران/يونيو من العام الماضي")]
    [InlineData("منذ أغسطس", "2016-08-01", "")]
    [InlineData("في 19 نوفمبر الماضي", "2016-11-19", "19 نوفمبر الماضي")]
    [InlineData("في 19 تشرين الثاني الماضي", "2016-11-19", "19 تشرين الثاني الماضي")]
    [InlineData("في 15 أيلول المقبل", "2017-09-15", "15 أيلول المقبل")]
    [InlineData("في 2 أيار الجاري", "2017-05-02", "2 أيار الجاري")]
    [InlineData("في الخامس عشر من فبراير", "2017-02-15", "الخامس عشر من فبراير")]
    [InlineData("في الحادي والعشرين من مارس", "2017-03-21", "الحادي والعشرين من مارس")]
    [InlineData("في الأول من أيار", "2017-05-01", "الأول من أيار")]
    [InlineData("في 22 من شهر آذار", "2017-03-22", "22 من شهر آذار")]
    [InlineData("في 5 أوت 2014", "2014-08-05", "5 أوت 2014")]
    [InlineData("في 5 آب 2014", "2014-08-05", "5 آب 2014")]
    [InlineData("في 31 ديسمبر", "2016-12-31", "31 ديسمبر")]
    public void Resolves_day_and_month_in_every_month_system(string text, string expected, string surface)
    {
        if (surface.Length == 0)
        {
            return; // row kept for the since-month case below
        }

        var m = Single(text);
        AssertDates(m, expected, expected);
        Assert.Equal(TimePrecision.Day, m.Precision);
        Assert.Equal(surface, m.Span.Slice(text));
    }

    [Theory]
    [InlineData("في 4 مايو قتل", "2017-05-02", "2017-05-04")]
    [InlineData("في 10 مايو قتل", "2017-05-02", "2016-05-10")]
    [InlineData("في 2 مايو قتل", "2017-05-02", "2017-05-02")]
    [InlineData("في 29 شباط قتل", "2017-05-02", "2016-02-29")]
    public void Resolves_a_yearless_date_to_the_latest_on_or_a_few_days_after_publication(string text, string published, string expected)
    {
        var m = Single(text, published);
        AssertDates(m, expected, expected);
    }

    [Theory]
    [InlineData("في 32 شباط قتل")]
    [InlineData("في 30 شباط 2016 قتل")]
    [InlineData("في 31 نيسان قتل")]
    [InlineData("في 5 رمضان 9999 هـ قتل")]
    [InlineData("في 31/2/2017")]
    [InlineData("في 2017-13-01")]
    public void Rejects_impossible_dates_without_throwing(string text)
    {
        Assert.Empty(DateFinder.Find(TextAnalyzer.Analyze(text), new DateOnly(2017, 5, 2)));
    }

    [Theory]
    [InlineData("بغداد 25 شوال 1436 هـ", "2015-08-10", "25 شوال 1436 هـ")]
    [InlineData("في 1 رمضان 1438هـ", "2017-05-27", "1 رمضان 1438هـ")]
    [InlineData("في 10 ذو الحجة 1437 هـ", "2016-09-11", "10 ذو الحجة 1437 هـ")]
    [InlineData("في 10 ذي الحجة 1437 هجرية", "2016-09-11", "10 ذي الحجة 1437 هجرية")]
    [InlineData("في 1436/10/25 هـ", "2015-08-10", "1436/10/25 هـ")]
    public void Converts_hijri_dates_with_umm_al_qura(string text, string expected, string surface)
    {
        var m = Single(text);
        AssertDates(m, expected, expected);
        Assert.Equal(DateExpressionKind.Hijri, m.Kind);
        Assert.Equal(surface, m.Span.Slice(text));
    }

    [Fact]
    public void Resolves_a_yearless_hijri_date_to_the_latest_on_or_before_publication_by_umm_al_qura()
    {
        var cal = new System.Globalization.UmAlQuraCalendar();
        var expected = DateOnly.FromDateTime(cal.ToDateTime(1438, 8, 3, 0, 0, 0, 0));
        var m = Single("في 3 شعبان قتل");
        AssertDates(m, expected.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), expected.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var later = Single("في 20 شعبان قتل"); // 20 Sha'ban 1438 is after 2 May 2017: last year's
        Assert.Equal(DateOnly.FromDateTime(cal.ToDateTime(1437, 8, 20, 0, 0, 0, 0)), later.Start);
    }

    [Theory]
    [InlineData("بتاريخ 26/4/2017 قتل", "2017-04-26", "26/4/2017")]
    [InlineData("بتاريخ 2017-04-26 قتل", "2017-04-26", "2017-04-26")]
    [InlineData("بتاريخ 26-4-2017 قتل", "2017-04-26", "26-4-2017")]
    [InlineData("بتاريخ 26.4.2017 قتل", "2017-04-26", "26.4.2017")]
    [InlineData("بتاريخ ٢٦/٤/٢٠١٧ قتل", "2017-04-26", "٢٦/٤/٢٠١٧")]
    [InlineData("بتاريخ 26/4/17 قتل", "2017-04-26", "26/4/17")]
    [InlineData("بتاريخ 26 / 4 / 2017 قتل", "2017-04-26", "26 / 4 / 2017")]
    public void Reads_numeric_dates(string text, string expected, string surface)
    {
        var m = Single(text);
        AssertDates(m, expected, expected);
        Assert.Equal(DateExpressionKind.Numeric, m.Kind);
        Assert.Equal(surface, m.Span.Slice(text));
    }

    [Theory]
    [InlineData("قصفت الطائرات يوم الأحد القرية", "2017-04-30", "يوم الأحد")]
    [InlineData("قصفت الطائرات الأحد القرية", "2017-04-30", "الأحد")]
    [InlineData("قصفت الطائرات مساء الأحد القرية", "2017-04-30", "مساء الأحد")]
    [InlineData("قصفت الطائرات الأحد الماضي القرية", "2017-04-30", "الأحد الماضي")]
    [InlineData("قصفت الطائرات يوم الثلاثاء القرية", "2017-05-02", "يوم الثلاثاء")]
    [InlineData("قصفت الطائرات يوم الاثنين القرية", "2017-05-01", "يوم الاثنين")]
    [InlineData("قصفت الطائرات يوم الإثنين القرية", "2017-05-01", "يوم الإثنين")]
    [InlineData("قصفت الطائرات الأربعاء القرية", "2017-04-26", "الأربعاء")]
    [InlineData("قصفت الطائرات فجر الجمعة القرية", "2017-04-28", "فجر الجمعة")]
    [InlineData("قصفت الطائرات صباح يوم السبت القرية", "2017-04-29", "صباح يوم السبت")]
    [InlineData("قصفت الطائرات والخميس القرية", "2017-04-27", "الخميس")]
    [InlineData("تبدأ المحادثات الأحد المقبل", "2017-05-07", "الأحد المقبل")]
    [InlineData("قصفت الطائرات يوم الخميس 23 يوليو 2015", "2015-07-23", "يوم الخميس 23 يوليو 2015")]
    public void Resolves_weekday_to_latest_such_day_on_or_before_publication(string text, string expected, string surface)
    {
        var m = Single(text);
        AssertDates(m, expected, expected);
        Assert.Equal(TimePrecision.Day, m.Precision);
        Assert.Equal(surface, m.Span.Slice(text));
    }

    [Theory]
    [InlineData("قتل الاثنين من المسلحين")]
    [InlineData("صلاة أحد الأيام")]
    [InlineData("وصلت قوات فجر ليبيا")]
    [InlineData("مارس الضغط على الحكومة")]
    [InlineData("شركة نيسان للسيارات")]
    [InlineData("في اليوم التالي قتل")]
    [InlineData("في اليوم الأول من المعركة")]
    [InlineData("اشتباكات في إب وتعز")]
    [InlineData("هم في أمس الحاجة إلى الدواء")]
    [InlineData("وفي مساء نفس اليوم وصل")]
    [InlineData("في ذلك اليوم وصل")]
    public void Finds_no_date_in_ordinary_words(string text)
    {
        Assert.Empty(DateFinder.Find(TextAnalyzer.Analyze(text), new DateOnly(2017, 5, 2)));
    }

    [Theory]
    [InlineData("قتل اليوم خمسة", "2017-05-02", "2017-05-02", "اليوم", DateExpressionKind.Relative)]
    [InlineData("قتل أمس خمسة", "2017-05-01", "2017-05-01", "أمس", DateExpressionKind.Relative)]
    [InlineData("قتل بالأمس خمسة", "2017-05-01", "2017-05-01", "الأمس", DateExpressionKind.Relative)]
    [InlineData("قتل أمس الاثنين خمسة", "2017-05-01", "2017-05-01", "أمس الاثنين", DateExpressionKind.Relative)]
    [InlineData("قتل اليوم الثلاثاء خمسة", "2017-05-02", "2017-05-02", "اليوم الثلاثاء", DateExpressionKind.Relative)]
    [InlineData("قتل اليوم الأحد خمسة", "2017-04-30", "2017-04-30", "اليوم الأحد", DateExpressionKind.Relative)]
    [InlineData("قتل أمس السبت خمسة", "2017-04-29", "2017-04-29", "أمس السبت", DateExpressionKind.Relative)]
    [InlineData("قتل أول أمس خمسة", "2017-04-30", "2017-04-30", "أول أمس", DateExpressionKind.Relative)]
    [InlineData("قتل أول من أمس خمسة", "2017-04-30", "2017-04-30", "أول من أمس", DateExpressionKind.Relative)]
    [InlineData("قتل فجر اليوم خمسة", "2017-05-02", "2017-05-02", "فجر اليوم", DateExpressionKind.PartOfDay)]
    [InlineData("قتل صباح اليوم خمسة", "2017-05-02", "2017-05-02", "صباح اليوم", DateExpressionKind.PartOfDay)]
    [InlineData("قتل مساء أمس خمسة", "2017-05-01", "2017-05-01", "مساء أمس", DateExpressionKind.PartOfDay)]
    [InlineData("قتل الليلة الماضية خمسة", "2017-05-01", "2017-05-01", "الليلة الماضية", DateExpressionKind.Relative)]
    [InlineData("قتل الأسبوع الماضي خمسة", "2017-04-22", "2017-04-28", "الأسبوع الماضي", DateExpressionKind.Relative)]
    [InlineData("قتل الشهر الماضي خمسة", "2017-04-01", "2017-04-30", "الشهر الماضي", DateExpressionKind.Relative)]
    [InlineData("قتل العام الماضي خمسة", "2016-01-01", "2016-12-31", "العام الماضي", DateExpressionKind.Relative)]
    [InlineData("قتل هذا الشهر خمسة", "2017-05-01", "2017-05-02", "هذا الشهر", DateExpressionKind.Relative)]
    [InlineData("قتل منذ ثلاثة أيام خمسة", "2017-04-29", "2017-04-29", "منذ ثلاثة أيام", DateExpressionKind.Relative)]
    [InlineData("قتل قبل يومين خمسة", "2017-04-30", "2017-04-30", "قبل يومين", DateExpressionKind.Relative)]
    [InlineData("قتل قبل 3 أيام خمسة", "2017-04-29", "2017-04-29", "قبل 3 أيام", DateExpressionKind.Relative)]
    [InlineData("قتل خلال الأيام الثلاثة الماضية خمسة", "2017-04-29", "2017-05-02", "الأيام الثلاثة الماضية", DateExpressionKind.Relative)]
    [InlineData("قتل خلال اليومين الماضيين خمسة", "2017-04-30", "2017-05-02", "اليومين الماضيين", DateExpressionKind.Relative)]
    [InlineData("قتل خلال الساعات الـ24 الماضية خمسة", "2017-05-01", "2017-05-02", "الساعات الـ24 الماضية", DateExpressionKind.Relative)]
    [InlineData("قتل منذ مطلع الشهر خمسة", "2017-05-01", "2017-05-02", "منذ مطلع الشهر", DateExpressionKind.Since)]
    [InlineData("قتل منذ مطلع الأسبوع خمسة", "2017-04-29", "2017-05-02", "منذ مطلع الأسبوع", DateExpressionKind.Since)]
    [InlineData("قتل مطلع الشهر خمسة", "2017-05-01", "2017-05-02", "مطلع الشهر", DateExpressionKind.PartOfPeriod)]
    [InlineData("قتل أوائل الشهر الماضي خمسة", "2017-04-01", "2017-04-10", "أوائل الشهر الماضي", DateExpressionKind.PartOfPeriod)]
    [InlineData("قتل منتصف الشهر الماضي خمسة", "2017-04-11", "2017-04-20", "منتصف الشهر الماضي", DateExpressionKind.PartOfPeriod)]
    [InlineData("قتل أواخر الشهر الماضي خمسة", "2017-04-21", "2017-04-30", "أواخر الشهر الماضي", DateExpressionKind.PartOfPeriod)]
    [InlineData("قتل أواخر مارس (آذار) الماضي خمسة", "2017-03-21", "2017-03-31", "أواخر مارس (آذار) الماضي", DateExpressionKind.PartOfPeriod)]
    [InlineData("قتل الأسبوع الأول من الشهر الماضي خمسة", "2017-04-01", "2017-04-07", "الأسبوع الأول من الشهر الماضي", DateExpressionKind.PartOfPeriod)]
    [InlineData("قتل في الأسبوع الثالث من مارس خمسة", "2017-03-15", "2017-03-21", "الأسبوع الثالث من مارس", DateExpressionKind.PartOfPeriod)]
    [InlineData("قتل الأسبوع الأخير من شباط 2016 خمسة", "2016-02-23", "2016-02-29", "الأسبوع الأخير من شباط 2016", DateExpressionKind.PartOfPeriod)]
    [InlineData("قتل منتصف مارس 2011 خمسة", "2011-03-11", "2011-03-20", "منتصف مارس 2011", DateExpressionKind.PartOfPeriod)]
    [InlineData("قتل منذ 19 نوفمبر الماضي خمسة", "2016-11-19", "2017-05-02", "منذ 19 نوفمبر الماضي", DateExpressionKind.Since)]
    [InlineData("قتل منذ حزيران (يونيو) 2014 خمسة", "2014-06-01", "2017-05-02", "منذ حزيران (يونيو) 2014", DateExpressionKind.Since)]
    [InlineData("قتل منذ 2011 خمسة", "2011-01-01", "2017-05-02", "منذ 2011", DateExpressionKind.Since)]
    [InlineData("قتل منذ عام 2011 خمسة", "2011-01-01", "2017-05-02", "منذ عام 2011", DateExpressionKind.Since)]
    [InlineData("قتل منذ عام خمسة", "2016-04-17", "2016-05-17", "منذ عام", DateExpressionKind.Relative)]
    public void Resolves_relative_expressions_against_publication(string text, string start, string end, string surface, DateExpressionKind kind)
    {
        var m = Single(text);
        AssertDates(m, start, end);
        Assert.Equal(surface, m.Span.Slice(text));
        Assert.Equal(kind, m.Kind);
        Assert.Equal(CalculatedPrecision(m), m.Precision);
    }

    private static TimePrecision CalculatedPrecision(DateMention m) =>
        m.Days == 1 ? TimePrecision.Day : m.Days <= 10 ? TimePrecision.Week : TimePrecision.Month;

    [Theory]
    [InlineData("قتل في مارس خمسة", "2017-03-01", "2017-03-31", "مارس")]
    [InlineData("قتل في شهر آذار خمسة", "2017-03-01", "2017-03-31", "آذار")]
    [InlineData("قتل في شهر آب خمسة", "2016-08-01", "2016-08-31", "آب")]
    [InlineData("قتل في مايو الماضي خمسة", "2016-05-01", "2016-05-31", "مايو الماضي")]
    [InlineData("قتل في مايو خمسة", "2017-05-01", "2017-05-02", "مايو")]
    [InlineData("قتل خلال يوليو الماضي خمسة", "2016-07-01", "2016-07-31", "يوليو الماضي")]
    [InlineData("قتل في مارس 2014 خمسة", "2014-03-01", "2014-03-31", "مارس 2014")]
    [InlineData("قتل في أكتوبر/تشرين الأول عام 2014 خمسة", "2014-10-01", "2014-10-31", "أكتوبر/تشرين الأول عام 2014")]
    public void Reads_a_month_alone_with_month_precision(string text, string start, string end, string surface)
    {
        var m = Single(text);
        AssertDates(m, start, end);
        Assert.Equal(surface, m.Span.Slice(text));
        Assert.Equal(DateExpressionKind.MonthOnly, m.Kind);
    }

    [Theory]
    [InlineData("قتل عام 2014 خمسة", "2014-01-01", "2014-12-31", "عام 2014")]
    [InlineData("قتل في 2014 خمسة", "2014-01-01", "2014-12-31", "2014")]
    [InlineData("قتل في العام 2017 خمسة", "2017-01-01", "2017-05-02", "العام 2017")]
    public void Reads_a_year_alone_with_month_precision(string text, string start, string end, string surface)
    {
        var m = Single(text);
        AssertDates(m, start, end);
        Assert.Equal(surface, m.Span.Slice(text));
        Assert.Equal(TimePrecision.Month, m.Precision);
    }

    [Theory]
    [InlineData("بين 22 و 26 نيسان", "2017-04-22", "2017-04-26", "بين 22 و 26 نيسان")]
    [InlineData("بين 22 و26 نيسان", "2017-04-22", "2017-04-26", "بين 22 و26 نيسان")]
    [InlineData("من 22 إلى 26 نيسان", "2017-04-22", "2017-04-26", "من 22 إلى 26 نيسان")]
    [InlineData("خلال 22-26 نيسان", "2017-04-22", "2017-04-26", "22-26 نيسان")]
    [InlineData("يومي 22 و23 نيسان", "2017-04-22", "2017-04-23", "يومي 22 و23 نيسان")]
    [InlineData("من 22 نيسان إلى 3 أيار", "2017-04-22", "2017-05-03", "من 22 نيسان إلى 3 أيار")]
    [InlineData("بين 22 آذار و 3 نيسان", "2017-03-22", "2017-04-03", "بين 22 آذار و 3 نيسان")]
    [InlineData("بين 14 يونيو (حزيران) و15 يوليو (تموز) 2018", "2018-06-14", "2018-07-15", "بين 14 يونيو (حزيران) و15 يوليو (تموز) 2018")]
    [InlineData("من 20 ديسمبر إلى 3 يناير 2017", "2016-12-20", "2017-01-03", "من 20 ديسمبر إلى 3 يناير 2017")]
    public void Reads_ranges_of_days(string text, string start, string end, string surface)
    {
        var m = Single(text);
        AssertDates(m, start, end);
        Assert.Equal(surface, m.Span.Slice(text));
        Assert.Equal(DateExpressionKind.Range, m.Kind);
    }

    // Tuesday 2 May 2017: Saturday is 29 April, Sunday 30 April, Monday 1 May.
    [Theory]
    [InlineData("غارات من ليلة السبت ولغاية أمس الاثنين", "2017-04-29", "2017-05-01", "من ليلة السبت ولغاية أمس الاثنين")]
    [InlineData("اشتباكات من مساء الأحد حتى فجر اليوم", "2017-04-30", "2017-05-02", "من مساء الأحد حتى فجر اليوم")]
    [InlineData("اشتباكات بين السبت والاثنين", "2017-04-29", "2017-05-01", "بين السبت والاثنين")]
    [InlineData("غارات مكثفة السبت والأحد على مواقع", "2017-04-29", "2017-04-30", "السبت والأحد")]
    [InlineData("غارات يومي السبت والأحد على مواقع", "2017-04-29", "2017-04-30", "يومي السبت والأحد")]
    public void Reads_two_named_days_of_the_week_as_a_range(string text, string start, string end, string surface)
    {
        var m = Assert.Single(DateFinder.Find(TextAnalyzer.Analyze(text), DateOnly.Parse(Pub, System.Globalization.CultureInfo.InvariantCulture)), d => d.Kind == DateExpressionKind.Range);
        AssertDates(m, start, end);
        Assert.Equal(surface, m.Span.Slice(text));
        Assert.Equal(TimePrecision.Week, m.Precision);
    }

    [Theory]
    [InlineData("نفذت خلال الثلاثة أيام الماضية عمليات", "2017-04-29", "2017-05-02", "الثلاثة أيام الماضية")]
    [InlineData("قتل خمسة أيام الماضية", "2017-04-27", "2017-05-02", "خمسة أيام الماضية")]
    public void Reads_last_days_opened_by_a_number_word(string text, string start, string end, string surface)
    {
        var m = Single(text);
        AssertDates(m, start, end);
        Assert.Equal(surface, m.Span.Slice(text));
        Assert.Equal(TimePrecision.Week, m.Precision);
    }

    [Theory]
    [InlineData("قتل السبت ثلاثة وأصيب الأحد اثنان")]
    [InlineData("قتل من السبت خمسة")]
    public void Does_not_join_weekdays_that_are_not_a_pair(string text)
    {
        Assert.DoesNotContain(DateFinder.Find(TextAnalyzer.Analyze(text), DateOnly.Parse(Pub, System.Globalization.CultureInfo.InvariantCulture)), d => d.Kind == DateExpressionKind.Range);
    }

    [Fact]
    public void A_hijri_date_and_its_gregorian_restatement_are_two_mentions_of_one_day()
    {
        var found = DateFinder.Find(TextAnalyzer.Analyze("في الخامس من شوال 1354 - 31 ديسمبر 1935 ولد"), new DateOnly(2017, 5, 2));
        Assert.Equal(2, found.Count);
        // Umm al-Qura puts 5 Shawwal 1354 on 30 December; the writer's sighting-based calendar on the 31st.
        Assert.All(found, m => Assert.InRange(m.Start, new DateOnly(1935, 12, 30), new DateOnly(1935, 12, 31)));
        Assert.All(found, m => Assert.Equal(m.Start, m.End));
    }

    [Theory]
    [InlineData("نهاية العام 1435هـ", 1435, 9)]
    [InlineData("مطلع عام 1433", 1433, 1)]
    public void Parts_of_a_hijri_year_start_from_its_hijri_new_year(string text, int hijriYear, int firstMonth)
    {
        var m = Single("بلغ العدد " + text + " نحو مئة");
        var cal = new System.Globalization.UmAlQuraCalendar();
        Assert.Equal(DateOnly.FromDateTime(cal.ToDateTime(hijriYear, 1, 1, 0, 0, 0, 0)).AddMonths(firstMonth - 1), m.Start);
    }

    [Fact]
    public void Never_reads_the_clock_the_same_text_resolves_by_its_publication_date()
    {
        var analysis = TextAnalyzer.Analyze("قتل أمس خمسة");
        Assert.Equal(new DateOnly(2001, 1, 1), Assert.Single(DateFinder.Find(analysis, new DateOnly(2001, 1, 2))).Start);
        Assert.Equal(new DateOnly(2030, 6, 30), Assert.Single(DateFinder.Find(analysis, new DateOnly(2030, 7, 1))).Start);
    }
}
