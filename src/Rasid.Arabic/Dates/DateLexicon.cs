using Rasid.Arabic.Data;
using Rasid.Arabic.Numbers;

namespace Rasid.Arabic.Dates;

/// <summary>Calendar a month name belongs to.</summary>
internal enum MonthSystem
{
    Gregorian,
    Levantine,
    Maghrebi,
    Hijri,
}

internal readonly record struct MonthName(int Month, MonthSystem System, bool Ambiguous, bool NeedsYearOrMonthWord)
{
    public bool IsHijri => System == MonthSystem.Hijri;
}

internal readonly record struct WeekdayName(DayOfWeek Day, bool NeedsCue);

internal enum RelativeKind
{
    Day,
    Period,
    LastDays,
}

internal enum TimeUnit
{
    Hour,
    Day,
    Week,
    Month,
    Year,
}

internal readonly record struct RelativeCue(RelativeKind Kind, TimeUnit Unit, int Offset);

internal readonly record struct UnitWord(TimeUnit Unit, int Count);

internal enum CueRole
{
    Past,
    Current,
    Next,
    Ago,
    Since,
    During,
    Between,
    From,
    To,
    Early,
    Mid,
    Late,
    Year,
    EraHijri,
    EraGregorian,
    MonthWord,
    DayWord,
    In,
    NotToday,
    SameDay,
    Last,
}

/// <summary>The date data files (months.tsv, date-*.tsv), loaded once and compiled into word tables.</summary>
internal static class DateLexicon
{
    private static readonly Lazy<Tables> Loaded = new(Load);

    public static WordTable<MonthName> Months => Loaded.Value.Months;

    public static WordTable<WeekdayName> Weekdays => Loaded.Value.Weekdays;

    public static WordTable<string> PartsOfDay => Loaded.Value.PartsOfDay;

    public static WordTable<RelativeCue> Relative => Loaded.Value.Relative;

    public static WordTable<UnitWord> Units => Loaded.Value.Units;

    public static WordTable<CueRole> Cues => Loaded.Value.Cues;

    /// <summary>
    /// Every phrase a date expression can start with (the phrases of every table, ordinals included; not the cues that
    /// only follow or precede one: في، الماضي، إلى، هـ). Whole phrases, so that common first words (في غضون، هذا الأسبوع،
    /// ذي القعدة) open the gate only when the rest follows.
    /// </summary>
    public static WordTable<bool> Starts => Loaded.Value.Starts;

    private static Tables Load()
    {
        var months = NumberLexicon.LoadData("months.tsv", "name", "system", "month", "ambiguous");
        var monthTable = WordTable<MonthName>.Build(months.Rows.Select(r =>
        {
            var system = Enum.TryParse<MonthSystem>(r["system"], true, out var s) && Enum.IsDefined(s) ? s : throw r.Error($"system '{r["system"]}' is unknown");
            int m = r.Int("month");
            var ambiguous = r["ambiguous"] switch
            {
                "no" => 0,
                "yes" => 1,
                "strong" => 2,
                var v => throw r.Error($"ambiguous is '{v}', not no, yes or strong"),
            };
            return m is >= 1 and <= 12 ? (r["name"], new MonthName(m, system, ambiguous > 0, ambiguous > 1)) : throw r.Error($"month {m} is not 1..12");
        }));
        var weekdays = NumberLexicon.LoadData("date-weekdays.tsv", "name", "weekday", "needs_cue");
        var weekdayTable = WordTable<WeekdayName>.Build(weekdays.Rows.Select(r =>
            r.Int("weekday") is >= 0 and <= 6 ? (r["name"], new WeekdayName((DayOfWeek)r.Int("weekday"), YesNo(r, "needs_cue"))) : throw r.Error("weekday is not 0..6")));
        var parts = NumberLexicon.LoadData("date-parts-of-day.tsv", "name", "part");
        var partTable = WordTable<string>.Build(parts.Rows.Select(r => (r["name"], r["part"])));
        var relative = NumberLexicon.LoadData("date-relative.tsv", "phrase", "kind", "unit", "offset");
        var relativeTable = WordTable<RelativeCue>.Build(relative.Rows.Select(r =>
            (r["phrase"], new RelativeCue(Parse<RelativeKind>(r, r["kind"] == "lastdays" ? "LastDays" : r["kind"]), Parse<TimeUnit>(r, r["unit"]), r.Int("offset")))));
        var units = NumberLexicon.LoadData("date-units.tsv", "word", "unit", "count");
        var unitTable = WordTable<UnitWord>.Build(units.Rows.Select(r => (r["word"], new UnitWord(Parse<TimeUnit>(r, r["unit"]), r.Int("count")))));
        var cues = NumberLexicon.LoadData("date-cues.tsv", "word", "role");
        var cueTable = WordTable<CueRole>.Build(cues.Rows.Select(r => (r["word"], Parse<CueRole>(r, r["role"].Replace("-", string.Empty, StringComparison.Ordinal)))));
        var ordinals = NumberLexicon.LoadData("numbers-ordinals.tsv", "phrase");

        var firstWords = months.Rows.Select(r => r["name"])
            .Concat(weekdays.Rows.Select(r => r["name"]))
            .Concat(parts.Rows.Select(r => r["name"]))
            .Concat(relative.Rows.Select(r => r["phrase"]))
            .Concat(units.Rows.Select(r => r["word"]))
            .Concat(cues.Rows.Where(r => r["role"] is not ("in" or "past" or "current" or "next" or "nottoday" or "to" or "era-hijri" or "era-gregorian")).Select(r => r["word"]))
            .Concat(ordinals.Rows.Select(r => r["phrase"]))
            .Select(p => (p, true));
        return new Tables(monthTable, weekdayTable, partTable, relativeTable, unitTable, cueTable, WordTable<bool>.Build(firstWords));
    }

    private static bool YesNo(DataRow r, string column) => r[column] switch
    {
        "yes" => true,
        "no" => false,
        var v => throw r.Error($"column '{column}' is '{v}', not yes or no"),
    };

    private static T Parse<T>(DataRow r, string value)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, true, out var v) && Enum.IsDefined(v) ? v : throw r.Error($"'{value}' is not a {typeof(T).Name}");

    private sealed record Tables(
        WordTable<MonthName> Months,
        WordTable<WeekdayName> Weekdays,
        WordTable<string> PartsOfDay,
        WordTable<RelativeCue> Relative,
        WordTable<UnitWord> Units,
        WordTable<CueRole> Cues,
        WordTable<bool> Starts);
}
