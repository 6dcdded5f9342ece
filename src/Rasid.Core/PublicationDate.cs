namespace Rasid.Core;

/// <summary>
/// The publication dates relative dates can be resolved against. Date arithmetic (weeks, months, Hijri conversion)
/// near the ends of the calendar overflows, and no report is published in year 1 or 9999: a date outside this range
/// is refused with a coded error naming the document instead of crashing the pipeline.
/// </summary>
public static class PublicationDate
{
    public static DateOnly Earliest { get; } = new(1000, 1, 1);

    public static DateOnly Latest { get; } = new(9000, 12, 31);

    public static bool IsSupported(DateOnly published) => published >= Earliest && published <= Latest;

    /// <summary>The problem to report for an unsupported date (null when it is supported).</summary>
    public static string? Problem(DateOnly published) => IsSupported(published)
        ? null
        : FormattableString.Invariant($"publication date {published:yyyy-MM-dd} is outside {Earliest:yyyy-MM-dd}..{Latest:yyyy-MM-dd}; relative dates cannot be resolved against it");
}
