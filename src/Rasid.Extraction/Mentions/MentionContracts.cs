using Rasid.Arabic.Text;
using Rasid.Core;

namespace Rasid.Extraction.Mentions;

/// <summary>How a number is qualified in the text ("نحو 30" approximate, "30 على الأقل" lower bound, "عشرات" vague).</summary>
public enum CountQualifier
{
    Exact,
    Approximate,
    LowerBound,
    UpperBound,
    Vague,
}

/// <summary>A number in the text, tokens <c>[FirstToken, EndToken)</c>; <see cref="High"/> is the top of a stated range.</summary>
public sealed record NumberRef(int FirstToken, int EndToken, TextSpan Span, long Value, long? High, CountQualifier Qualifier);

/// <summary>A date expression resolved to an inclusive day range.</summary>
public sealed record DateRef(int FirstToken, int EndToken, TextSpan Span, DateOnly Start, DateOnly End, TimePrecision Precision)
{
    /// <summary>A vague span told relative to publication ("خلال الأيام الماضية", "الساعات الماضية", "الأسبوع الماضي"): it dates its own sentence only.</summary>
    public bool IsRelativeSpan { get; init; }
}

/// <summary>A place named in the text; <see cref="Location"/> is null when the name could not be resolved.</summary>
public sealed record PlaceRef(int FirstToken, int EndToken, TextSpan Span, EventLocation? Location, GeoPrecision Precision, IReadOnlyList<PlaceCandidate> Candidates)
{
    /// <summary>The span of a relative-location phrase ("20 كم شرق") that makes the place an anchor, when there is one.</summary>
    public TextSpan? RelationSpan { get; init; }

    /// <summary>The gazetteer id of the chosen place, when the source has one.</summary>
    public string? PlaceId { get; init; }

    /// <summary>An area of many towns: a region ("الجنوب الليبي") or the countryside of a town ("ريف إدلب").</summary>
    public bool Wide { get; init; }

    /// <summary>A quarter of a town: a neighbourhood, or a district that is a quarter of one city ("مديرية دار سعد" in Aden).</summary>
    public bool Quarter { get; init; }
}

/// <summary>The seam to the number layer (Rasid.Arabic.Numbers.NumberFinder once merged).</summary>
public interface INumberSource
{
    IReadOnlyList<NumberRef> Find(AnalyzedText text);
}

/// <summary>The seam to the date layer (Rasid.Arabic.Dates.DateFinder once merged).</summary>
public interface IDateSource
{
    IReadOnlyList<DateRef> Find(AnalyzedText text, DateOnly published);
}

/// <summary>The seam to the gazetteer (Rasid.Geo.PlaceFinder once merged).</summary>
public interface IPlaceSource
{
    IReadOnlyList<PlaceRef> Find(AnalyzedText text, string? countryHint);
}

/// <summary>A place source that knows no places (used when no gazetteer is wired in).</summary>
public sealed class NoPlaces : IPlaceSource
{
    public IReadOnlyList<PlaceRef> Find(AnalyzedText text, string? countryHint) => [];
}
