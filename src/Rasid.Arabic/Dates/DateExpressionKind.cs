namespace Rasid.Arabic.Dates;

/// <summary>How a date was written.</summary>
public enum DateExpressionKind
{
    /// <summary>A day and a month name, with or without a year: "26 نيسان\ أبريل"، "الخامس عشر من فبراير 2015".</summary>
    Absolute,

    /// <summary>Digits: 26/4/2017، 2017-04-26، 26.4.2017.</summary>
    Numeric,

    /// <summary>A day (or month) of the Hijri calendar: "25 شوال 1436 هـ".</summary>
    Hijri,

    /// <summary>A weekday: "يوم الأحد"، "مساء الخميس"، "الجمعة الماضي".</summary>
    Weekday,

    /// <summary>Relative to publication: "أمس"، "الأسبوع الماضي"، "منذ ثلاثة أيام"، "خلال الأيام الثلاثة الماضية".</summary>
    Relative,

    /// <summary>A span of days written as one: "بين 22 و26 نيسان"، "من 22 نيسان إلى 3 أيار"، "22-26 نيسان".</summary>
    Range,

    /// <summary>A month without a day: "في مارس"، "حزيران (يونيو) 2014"، "مايو الماضي".</summary>
    MonthOnly,

    /// <summary>A part of the day with a relative day: "فجر اليوم"، "مساء أمس"، "الليلة الماضية".</summary>
    PartOfDay,

    /// <summary>A year alone: "عام 2014"، "في 2011".</summary>
    YearOnly,

    /// <summary>Early/middle/late part of a month, week or year: "أواخر مارس (آذار) الماضي"، "مطلع الشهر"، "منتصف العام".</summary>
    PartOfPeriod,

    /// <summary>From a point up to publication: "منذ 19 نوفمبر الماضي"، "منذ مطلع الشهر"، "منذ 2011".</summary>
    Since,
}
