namespace Rasid.Geo;

/// <summary>
/// One gazetteer entry: its names (Arabic forms first-preferred, the English spelling ACLED uses, other Latin spellings),
/// kind, WGS84 point (for admin units: the label point where ACLED codes a province-only event), admin names as ACLED
/// writes them, population, and where the entry comes from.
/// </summary>
public sealed record Place(
    string Id,
    PlaceKind Kind,
    string NameEn,
    IReadOnlyList<string> NamesAr,
    string CountryCode,
    string? Admin1,
    string? Admin2,
    double Latitude,
    double Longitude,
    long Population,
    string Source,
    string? SourceId)
{
    /// <summary>Other Latin spellings.</summary>
    public IReadOnlyList<string> NamesEnAlt { get; init; } = [];

    /// <summary>Code of the governorate (ISO 3166-2 for built-in data, GeoNames admin1 code for imports).</summary>
    public string? Admin1Code { get; init; }

    public string? Admin2Code { get; init; }

    /// <summary>GeoNames id, when known (the key the agreement check uses).</summary>
    public long? GeoNamesId { get; init; }

    /// <summary>How many leading entries of <see cref="NamesAr"/> are preferred names; the rest are variants or imported alternates.</summary>
    public int PreferredArabicCount { get; init; } = 1;

    /// <summary>Lookup keys of all names, when precomputed (the runtime index stores them so loading does not normalize).</summary>
    internal IReadOnlyList<string>? Keys { get; init; }

    /// <summary>The preferred Arabic name, or the English one when none is known.</summary>
    public string NameAr => NamesAr.Count > 0 ? NamesAr[0] : NameEn;

    public bool IsBuiltIn => Source == Gazetteer.BuiltInSource;

    public override string ToString() => $"{NameEn} ({Kind}, {CountryCode}/{Admin1}, {Latitude:0.####},{Longitude:0.####})";
}
