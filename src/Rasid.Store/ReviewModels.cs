using Rasid.Core;

namespace Rasid.Store;

/// <summary>What an analyst does to an incident.</summary>
public enum ReviewAction
{
    Accept,
    Reject,
    Edit,
    Merge,
    Split,
}

/// <summary>
/// One review action on an incident. <see cref="Fields"/> (for edit) maps the editable field names of
/// <see cref="ReviewFields.Editable"/> to their new values as text (null clears an optional field).
/// </summary>
public sealed record ReviewRequest(string IncidentId, string User, ReviewAction Action)
{
    public IReadOnlyDictionary<string, string?> Fields { get; init; } = new Dictionary<string, string?>();

    /// <summary>For merge: the incident folded into this one.</summary>
    public string? MergeWith { get; init; }

    /// <summary>For split: the mention (event) ids that leave this incident to form a new one.</summary>
    public IReadOnlyList<string> MentionIds { get; init; } = [];
}

/// <summary>What a review did: the incident(s) as they now are, and the history entries written.</summary>
public sealed record ReviewResult(StoredEvent Incident, StoredEvent? SplitOff, IReadOnlyList<ReviewEntry> Entries);

/// <summary>Events and fatalities on one day (the dashboard's histogram).</summary>
public sealed record TimelineDay(DateOnly Date, long Events, long Fatalities);

/// <summary>A value of a facet with its count; <see cref="Code"/> is the country code for countries.</summary>
public sealed record FacetCount(string Name, long Count, string? Code = null);

/// <summary>The most frequent values of the filterable fields among the incidents a query selects.</summary>
public sealed record EventFacets(
    IReadOnlyList<FacetCount> Countries,
    IReadOnlyList<FacetCount> Admin1,
    IReadOnlyList<FacetCount> EventTypes,
    IReadOnlyList<FacetCount> SubEventTypes,
    IReadOnlyList<FacetCount> Actors);

/// <summary>The incident fields an analyst may edit, and how their text values are checked.</summary>
public static class ReviewFields
{
    public static IReadOnlyList<string> Editable { get; } =
    [
        "event_type", "sub_event_type", "event_date", "actor1", "actor2", "fatalities", "location", "admin1", "latitude", "longitude",
        "geo_precision", "notes",
    ];

    /// <summary>Checks an edit; returns field → problem for every bad value (empty when all are fine).</summary>
    public static Dictionary<string, string> Validate(IReadOnlyDictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            var problem = name switch
            {
                "event_type" => AcledTaxonomy.TryParseEventType(value, out _) ? null
                    : $"'{value}' is not an ACLED event type ({string.Join(", ", AcledTaxonomy.EventTypes.Select(t => t.Name()))})",
                "sub_event_type" => AcledTaxonomy.TryParseSubEventType(value, out _) ? null : $"'{value}' is not an ACLED sub-event type",
                "event_date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)
                    ? null : $"'{value}' is not a date (yyyy-mm-dd)",
                "fatalities" => int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var f) && f <= 1_000_000
                    ? null : $"'{value}' is not a number of fatalities (0 to 1000000)",
                "latitude" => Number(value, -90, 90),
                "longitude" => Number(value, -180, 180),
                "geo_precision" => value is "1" or "2" or "3" ? null : $"'{value}' is not a geo precision (1, 2 or 3)",
                "actor1" or "actor2" or "location" or "admin1" or "notes" => value is { Length: > 2000 } ? "longer than 2000 characters" : null,
                _ => $"'{name}' is not an editable field ({string.Join(", ", Editable)})",
            };
            if (problem is not null)
            {
                errors[name] = problem;
            }
        }

        if (errors.Count == 0 && fields.TryGetValue("event_type", out var type) && fields.TryGetValue("sub_event_type", out var sub)
            && AcledTaxonomy.TryParseEventType(type, out var t) && AcledTaxonomy.TryParseSubEventType(sub, out var s) && s.Parent() != t)
        {
            errors["sub_event_type"] = $"'{sub}' is not a sub-event type of '{type}'";
        }

        return errors;
    }

    private static string? Number(string? value, double min, double max) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) && d >= min && d <= max
            ? null : $"'{value}' is not a number between {min} and {max}";
}
