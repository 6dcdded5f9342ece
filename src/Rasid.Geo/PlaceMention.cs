using Rasid.Core;

namespace Rasid.Geo;

/// <summary>
/// A place named in a text: the name's span (without a glued proclitic: بالرقة → الرقة) and tokens, the place the
/// geocoder chose (for an unknown name after a trigger word: the known place of its context), ACLED geo precision, the
/// relation words that place it relative to the named place ("20 كم شرق", "ريف … الغربي"), and the candidates weighed.
/// <see cref="Place"/> is null only for an unknown name with no usable context (no known place in the text, no country hint).
/// </summary>
public sealed record PlaceMention(
    TextSpan Span,
    int FirstToken,
    int EndToken,
    Place? Place,
    GeoPrecision Precision,
    TextSpan? RelationSpan,
    IReadOnlyList<PlaceCandidate> Candidates)
{
    /// <summary>The name as written (the original text of <see cref="Span"/>).</summary>
    public required string Surface { get; init; }

    /// <summary>Where the event is put: the place's point, or the offset point of "N كم DIRECTION X".</summary>
    public double Latitude { get; init; }

    public double Longitude { get; init; }

    public PlaceRelation Relation { get; init; }

    /// <summary>Compass bearing of a direction relation (0 = north).</summary>
    public double? BearingDegrees { get; init; }

    /// <summary>Distance of an "N كم" relation, in km.</summary>
    public double? DistanceKm { get; init; }

    /// <summary>The trigger word before the name (مدينة، قرية، محافظة …) and what it announces.</summary>
    public TextSpan? TriggerSpan { get; init; }

    public PlaceKind? TriggerKind { get; init; }

    /// <summary>True when the name is not in the gazetteer and <see cref="Place"/> is the fallback of its context.</summary>
    public bool IsUnknownName { get; init; }

    /// <summary>The country's English name as ACLED writes it.</summary>
    public string? CountryName { get; init; }

    /// <summary>The chosen candidate's score (higher is surer); 0 for fallbacks.</summary>
    public double Score { get; init; }

    /// <summary>Name, trigger and relation words together: the evidence for the location.</summary>
    public TextSpan EvidenceSpan
    {
        get
        {
            var s = Span;
            if (TriggerSpan is { } t)
            {
                s = s.Union(t);
            }

            if (RelationSpan is { } r)
            {
                s = s.Union(r);
            }

            return s;
        }
    }

    /// <summary>The location in ACLED terms (admin1/admin2 of the chosen place, its English name, the point, the precision).</summary>
    public EventLocation ToEventLocation()
    {
        if (Place is null)
        {
            return new EventLocation { CountryCode = string.Empty, Name = Surface, NameArabic = Surface, Precision = GeoPrecision.Province };
        }

        var p = Place;
        return new EventLocation
        {
            CountryCode = p.CountryCode,
            Country = CountryName,
            Admin1 = p.Kind == PlaceKind.Country ? null : p.Admin1,
            Admin2 = p.Admin2,
            Admin3 = p.Kind == PlaceKind.Admin3 ? p.NameEn : null,
            Name = p.NameEn,
            NameArabic = IsUnknownName ? Surface : p.NameAr,
            Latitude = Latitude,
            Longitude = Longitude,
            Precision = Precision,
        };
    }
}
