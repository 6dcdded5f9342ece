using System.Text.Json.Serialization;
using Rasid.Core;

namespace Rasid.Export;

/// <summary>
/// The event record of DESIGN.md as it goes on the wire (JSON, JSONL, GeoJSON properties): ACLED field names plus
/// Rasid's extra fields (ranges, modality, evidence spans, confidence, place candidates). Flat and immutable, so the
/// store and the web can serialize the same shape.
/// </summary>
public sealed record EventRecord
{
    [JsonPropertyName("event_id")] public required string EventId { get; init; }

    /// <summary>ISO 8601 day (yyyy-MM-dd).</summary>
    [JsonPropertyName("event_date")] public required string EventDate { get; init; }

    /// <summary>Last day of the span the event lies in, when the text gives only a span (Rasid extra).</summary>
    [JsonPropertyName("event_date_end")] public string? EventDateEnd { get; init; }

    [JsonPropertyName("time_precision")] public int TimePrecision { get; init; }

    [JsonPropertyName("event_type")] public required string EventType { get; init; }

    [JsonPropertyName("sub_event_type")] public required string SubEventType { get; init; }

    [JsonPropertyName("actor1")] public string? Actor1 { get; init; }

    [JsonPropertyName("assoc_actor_1")] public string? AssocActor1 { get; init; }

    [JsonPropertyName("inter1")] public int Inter1 { get; init; }

    [JsonPropertyName("actor2")] public string? Actor2 { get; init; }

    [JsonPropertyName("assoc_actor_2")] public string? AssocActor2 { get; init; }

    [JsonPropertyName("inter2")] public int Inter2 { get; init; }

    [JsonPropertyName("interaction")] public int Interaction { get; init; }

    /// <summary>The country's name as ACLED writes it.</summary>
    [JsonPropertyName("country")] public string? Country { get; init; }

    /// <summary>ISO 3166-1 alpha-2 (Rasid extra; ACLED's <c>iso</c> column is the numeric code).</summary>
    [JsonPropertyName("country_code")] public string? CountryCode { get; init; }

    [JsonPropertyName("admin1")] public string? Admin1 { get; init; }

    [JsonPropertyName("admin2")] public string? Admin2 { get; init; }

    [JsonPropertyName("admin3")] public string? Admin3 { get; init; }

    [JsonPropertyName("location")] public string? Location { get; init; }

    [JsonPropertyName("location_ar")] public string? LocationArabic { get; init; }

    [JsonPropertyName("latitude")] public double? Latitude { get; init; }

    [JsonPropertyName("longitude")] public double? Longitude { get; init; }

    [JsonPropertyName("geo_precision")] public int? GeoPrecision { get; init; }

    [JsonPropertyName("source")] public string? Source { get; init; }

    [JsonPropertyName("notes")] public string Notes { get; init; } = string.Empty;

    [JsonPropertyName("fatalities")] public int Fatalities { get; init; }

    [JsonPropertyName("fatalities_low")] public int? FatalitiesLow { get; init; }

    [JsonPropertyName("fatalities_high")] public int? FatalitiesHigh { get; init; }

    [JsonPropertyName("modality")] public required string Modality { get; init; }

    [JsonPropertyName("evidence")] public IReadOnlyList<EvidenceRecord> Evidence { get; init; } = [];

    [JsonPropertyName("document_id")] public required string DocumentId { get; init; }

    [JsonPropertyName("confidence")] public double Confidence { get; init; }

    [JsonPropertyName("place_candidates")] public IReadOnlyList<PlaceCandidateRecord> PlaceCandidates { get; init; } = [];

    public static EventRecord From(ConflictEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var loc = e.Location;
        return new EventRecord
        {
            EventId = e.EventId,
            EventDate = IsoDate(e.EventDate),
            EventDateEnd = e.EventDateEnd is { } end ? IsoDate(end) : null,
            TimePrecision = (int)e.TimePrecision,
            EventType = e.EventType.Name(),
            SubEventType = e.SubEventType.Name(),
            Actor1 = e.Actor1?.Name,
            AssocActor1 = e.AssocActor1?.Name,
            Inter1 = (int)(e.Actor1?.Type ?? ActorType.None),
            Actor2 = e.Actor2?.Name,
            AssocActor2 = e.AssocActor2?.Name,
            Inter2 = (int)(e.Actor2?.Type ?? ActorType.None),
            Interaction = e.Interaction,
            Country = loc is null ? null : loc.Country ?? AcledCountries.NameOf(loc.CountryCode),
            CountryCode = loc?.CountryCode,
            Admin1 = loc?.Admin1,
            Admin2 = loc?.Admin2,
            Admin3 = loc?.Admin3,
            Location = loc?.Name,
            LocationArabic = loc?.NameArabic,
            Latitude = loc?.Latitude,
            Longitude = loc?.Longitude,
            GeoPrecision = loc is null ? null : (int)loc.Precision,
            Source = e.Source,
            Notes = e.Notes,
            Fatalities = e.Fatalities,
            FatalitiesLow = e.FatalitiesLow,
            FatalitiesHigh = e.FatalitiesHigh,
            Modality = e.Modality.ToWireName(),
            Evidence = [.. e.Evidence.Select(x => new EvidenceRecord(x.Start, x.End, x.Text))],
            DocumentId = e.DocumentId,
            Confidence = e.Confidence,
            PlaceCandidates = [.. e.PlaceCandidates.Select(c => new PlaceCandidateRecord(c.Name, c.CountryCode, c.Admin1, c.Latitude, c.Longitude, c.Score))],
        };
    }

    /// <summary>Dates go out as ISO 8601 days (yyyy-MM-dd) in every format, never ACLED's older "dd Month yyyy".</summary>
    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>An evidence span: <c>[start,end)</c> UTF-16 offsets into the document's original text and the text there.</summary>
public sealed record EvidenceRecord(
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("end")] int End,
    [property: JsonPropertyName("text")] string Text);

/// <summary>A gazetteer candidate the geocoder weighed for the event's place.</summary>
public sealed record PlaceCandidateRecord(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("country_code")] string CountryCode,
    [property: JsonPropertyName("admin1")] string? Admin1,
    [property: JsonPropertyName("latitude")] double Latitude,
    [property: JsonPropertyName("longitude")] double Longitude,
    [property: JsonPropertyName("score")] double Score);
