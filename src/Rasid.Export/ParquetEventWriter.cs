using System.Text.Json;
using Parquet;
using Parquet.Serialization;
using Rasid.Core;

namespace Rasid.Export;

/// <summary>
/// Writes events to an Apache Parquet file (Parquet.Net): one flat row per event with the event record's columns;
/// list-valued fields (evidence, place candidates) as JSON strings. Rows go out in row groups of
/// <see cref="RowGroupSize"/>, so exports of any size stream with bounded memory. Appending row groups reads the
/// footer back, so the output must be a seekable stream (a file).
/// </summary>
public sealed class ParquetEventWriter
{
    public const int RowGroupSize = 50_000;
    private readonly Stream _output;
    private readonly List<ParquetEventRow> _pending = new(RowGroupSize);
    private bool _started;

    public ParquetEventWriter(Stream output) => _output = output;

    public void Write(ConflictEvent conflictEvent)
    {
        _pending.Add(ParquetEventRow.From(EventRecord.From(conflictEvent)));
        if (_pending.Count >= RowGroupSize)
        {
            Flush();
        }
    }

    /// <summary>Writes the last row group; an export with no events still produces a valid (empty) file.</summary>
    public void Complete()
    {
        if (_pending.Count > 0 || !_started)
        {
            Flush();
        }
    }

    private void Flush()
    {
        ParquetSerializer.SerializeAsync(_pending, _output, new ParquetOptions { Append = _started }).GetAwaiter().GetResult();
        _started = true;
        _pending.Clear();
    }
}

/// <summary>One Parquet row: the event record flattened.</summary>
public sealed class ParquetEventRow
{
    public string EventId { get; set; } = string.Empty;

    public string EventDate { get; set; } = string.Empty;

    public string? EventDateEnd { get; set; }

    public int TimePrecision { get; set; }

    public string EventType { get; set; } = string.Empty;

    public string SubEventType { get; set; } = string.Empty;

    public string? Actor1 { get; set; }

    public string? AssocActor1 { get; set; }

    public int Inter1 { get; set; }

    public string? Actor2 { get; set; }

    public string? AssocActor2 { get; set; }

    public int Inter2 { get; set; }

    public int Interaction { get; set; }

    public string? Country { get; set; }

    public string? CountryCode { get; set; }

    public string? Admin1 { get; set; }

    public string? Admin2 { get; set; }

    public string? Admin3 { get; set; }

    public string? Location { get; set; }

    public string? LocationAr { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public int? GeoPrecision { get; set; }

    public string? Source { get; set; }

    public string Notes { get; set; } = string.Empty;

    public int Fatalities { get; set; }

    public int? FatalitiesLow { get; set; }

    public int? FatalitiesHigh { get; set; }

    public string Modality { get; set; } = string.Empty;

    public string Evidence { get; set; } = "[]";

    public string DocumentId { get; set; } = string.Empty;

    public double Confidence { get; set; }

    public string PlaceCandidates { get; set; } = "[]";

    public static ParquetEventRow From(EventRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new ParquetEventRow
        {
            EventId = r.EventId, EventDate = r.EventDate, EventDateEnd = r.EventDateEnd, TimePrecision = r.TimePrecision,
            EventType = r.EventType, SubEventType = r.SubEventType, Actor1 = r.Actor1, AssocActor1 = r.AssocActor1, Inter1 = r.Inter1,
            Actor2 = r.Actor2, AssocActor2 = r.AssocActor2, Inter2 = r.Inter2, Interaction = r.Interaction, Country = r.Country,
            CountryCode = r.CountryCode, Admin1 = r.Admin1, Admin2 = r.Admin2, Admin3 = r.Admin3, Location = r.Location,
            LocationAr = r.LocationArabic, Latitude = r.Latitude, Longitude = r.Longitude, GeoPrecision = r.GeoPrecision, Source = r.Source,
            Notes = r.Notes, Fatalities = r.Fatalities, FatalitiesLow = r.FatalitiesLow, FatalitiesHigh = r.FatalitiesHigh, Modality = r.Modality,
            Evidence = JsonSerializer.Serialize(r.Evidence, JsonEventWriter.Compact), DocumentId = r.DocumentId, Confidence = r.Confidence,
            PlaceCandidates = JsonSerializer.Serialize(r.PlaceCandidates, JsonEventWriter.Compact),
        };
    }
}
