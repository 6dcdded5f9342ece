namespace Rasid.Export;

/// <summary>The output formats every exporter (CLI, store, web) offers.</summary>
public enum ExportFormat
{
    /// <summary>One JSON array of event records with every field.</summary>
    Json,

    /// <summary>One event record per line, every field (JSON Lines).</summary>
    Jsonl,

    /// <summary>ACLED's CSV columns in ACLED's order; counted events only.</summary>
    Csv,

    /// <summary>A GeoJSON FeatureCollection of Points, every field as a property.</summary>
    GeoJson,
}

public static class ExportFormats
{
    public static bool TryParse(string? text, out ExportFormat format)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "json": format = ExportFormat.Json; return true;
            case "jsonl" or "ndjson": format = ExportFormat.Jsonl; return true;
            case "csv" or "acled": format = ExportFormat.Csv; return true;
            case "geojson": format = ExportFormat.GeoJson; return true;
            default: format = default; return false;
        }
    }

    /// <summary>A writer for <paramref name="format"/> that streams events to <paramref name="output"/>.</summary>
    public static IEventWriter CreateWriter(this ExportFormat format, TextWriter output, DateTimeOffset exportedAt) => format switch
    {
        ExportFormat.Json => new JsonEventWriter(output, linePerEvent: false),
        ExportFormat.Jsonl => new JsonEventWriter(output, linePerEvent: true),
        ExportFormat.Csv => new AcledCsvWriter(output, exportedAt),
        ExportFormat.GeoJson => new GeoJsonEventWriter(output),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}

/// <summary>
/// Streams events in one format. <see cref="Complete"/> closes the document (array, collection) and must be called
/// once after the last event, also when there were none, so the output is always well formed.
/// </summary>
public interface IEventWriter
{
    /// <summary>Writes one event; returns false when the format does not carry it (e.g. a negated event in ACLED CSV).</summary>
    bool Write(Rasid.Core.ConflictEvent conflictEvent);

    void Complete();
}
