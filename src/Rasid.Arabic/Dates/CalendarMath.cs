using System.Globalization;
using Rasid.Core;

namespace Rasid.Arabic.Dates;

/// <summary>Calendar arithmetic for date resolution: Gregorian and Hijri days, weeks, periods and ACLED precision.</summary>
internal static class CalendarMath
{
    /// <summary>Weeks start on Saturday (السبت أول أيام الأسبوع), as in Levantine and Gulf usage.</summary>
    public const DayOfWeek WeekStart = DayOfWeek.Saturday;

    /// <summary>A day-month without a year more than this many days after publication is last year's.</summary>
    public const int FutureToleranceDays = 3;

    private static readonly UmAlQuraCalendar UmAlQura = new();
    private static readonly HijriCalendar Tabular = new();

    public static bool TryDate(bool hijri, int year, int month, int day, out DateOnly date) =>
        hijri ? TryHijri(year, month, day, out date) : TryGregorian(year, month, day, out date);

    public static bool TryGregorian(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>A Hijri date by Umm al-Qura (1318–1500 AH), else by the tabular Hijri calendar; false when impossible.</summary>
    public static bool TryHijri(int year, int month, int day, out DateOnly date)
    {
        date = default;
        Calendar? cal = year is >= 1318 and <= 1500 ? UmAlQura : year is >= 1 and < 9666 ? Tabular : null;
        if (cal is null || month is < 1 or > 12 || day < 1)
        {
            return false;
        }

        try
        {
            if (day > cal.GetDaysInMonth(year, month))
            {
                return false;
            }

            date = DateOnly.FromDateTime(cal.ToDateTime(year, month, day, 0, 0, 0, 0));
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    public static int DaysInMonth(bool hijri, int year, int month)
    {
        if (!hijri)
        {
            return DateTime.DaysInMonth(year, month);
        }

        Calendar cal = year is >= 1318 and <= 1500 ? UmAlQura : Tabular;
        return cal.GetDaysInMonth(year, month);
    }

    /// <summary>The year of <paramref name="date"/> in the Gregorian or Hijri calendar.</summary>
    public static int YearOf(DateOnly date, bool hijri) => hijri ? HijriOf(date).Year : date.Year;

    public static (int Year, int Month, int Day) HijriOf(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        Calendar cal = dt >= UmAlQura.MinSupportedDateTime && dt <= UmAlQura.MaxSupportedDateTime ? UmAlQura : Tabular;
        return (cal.GetYear(dt), cal.GetMonth(dt), cal.GetDayOfMonth(dt));
    }

    public static DateOnly WeekStartOf(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek - (int)WeekStart + 7) % 7));

    /// <summary>ACLED precision of a span of days: Day for one, Week for up to ten, Month beyond.</summary>
    public static TimePrecision PrecisionOf(DateOnly start, DateOnly end)
    {
        int days = end.DayNumber - start.DayNumber + 1;
        return days <= 1 ? TimePrecision.Day : days <= 10 ? TimePrecision.Week : TimePrecision.Month;
    }

    /// <summary>The calendar week, month or year that is <paramref name="offset"/> periods from the one containing <paramref name="pub"/>.</summary>
    public static (DateOnly Start, DateOnly End) Period(DateOnly pub, TimeUnit unit, int offset)
    {
        switch (unit)
        {
            case TimeUnit.Week:
            {
                var s = WeekStartOf(pub).AddDays(7 * offset);
                return (s, s.AddDays(6));
            }

            case TimeUnit.Month:
            {
                var s = new DateOnly(pub.Year, pub.Month, 1).AddMonths(offset);
                return (s, s.AddMonths(1).AddDays(-1));
            }

            case TimeUnit.Year:
            {
                var s = new DateOnly(pub.Year + offset, 1, 1);
                return (s, new DateOnly(pub.Year + offset, 12, 31));
            }

            default:
            {
                var d = pub.AddDays(offset);
                return (d, d);
            }
        }
    }

    /// <summary>Early, middle or late part of a period: thirds of a month (1–10, 11–20, 21–end), of a year (Jan–Apr, May–Aug, Sep–Dec), of a week (days 1–3, 3–5, 5–7).</summary>
    public static (DateOnly Start, DateOnly End) Part(DateOnly start, DateOnly end, TimeUnit unit, CueRole part)
    {
        int third = part switch { CueRole.Early => 0, CueRole.Mid => 1, _ => 2 };
        switch (unit)
        {
            case TimeUnit.Year:
                return (start.AddMonths(4 * third), third == 2 ? end : start.AddMonths(4 * (third + 1)).AddDays(-1));
            case TimeUnit.Week:
                return (start.AddDays(2 * third), start.AddDays(Math.Min(6, (2 * third) + 2)));
            default:
                int days = end.DayNumber - start.DayNumber + 1;
                return third switch
                {
                    0 => (start, start.AddDays(Math.Min(9, days - 1))),
                    1 => (start.AddDays(Math.Min(10, days - 1)), start.AddDays(Math.Min(19, days - 1))),
                    _ => (start.AddDays(Math.Min(20, days - 1)), end),
                };
        }
    }

    public static DateOnly AddUnits(DateOnly pub, TimeUnit unit, long count)
    {
        try
        {
            return unit switch
            {
                TimeUnit.Hour => pub.AddDays(-(int)Math.Min(count / 24, 3_650_000)),
                TimeUnit.Day => pub.AddDays(-(int)Math.Min(count, 3_650_000)),
                TimeUnit.Week => pub.AddDays(-(int)Math.Min(count * 7, 3_650_000)),
                TimeUnit.Month => pub.AddMonths(-(int)Math.Min(count, 100_000)),
                _ => pub.AddYears(-(int)Math.Min(count, 9_000)),
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return DateOnly.MinValue;
        }
    }
}
