using Rasid.Core;

namespace Rasid.Arabic.Dates;

/// <summary>
/// A date expression resolved against the publication date: the inclusive days [<see cref="Start"/>, <see cref="End"/>]
/// (a single day has Start == End and precision Day) and ACLED's time precision (Day for one day, Week for up to ten
/// days, Month for anything vaguer). The span covers the whole expression, including its part of day and weekday
/// ("مساء الأحد"، "يوم الخميس 23 يوليو").
/// </summary>
public sealed record DateMention(TextSpan Span, int FirstToken, int EndToken, DateOnly Start, DateOnly End, TimePrecision Precision, DateExpressionKind Kind)
{
    /// <summary>The number of days the expression covers.</summary>
    public int Days => End.DayNumber - Start.DayNumber + 1;
}
