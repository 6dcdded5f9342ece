using System.Globalization;
using CsvHelper;
using Rasid.Core;

namespace Rasid.Export;

/// <summary>
/// ACLED CSV: ACLED's columns in ACLED's order (event_id_cnty … timestamp), RFC 4180 quoting via CsvHelper, UTF-8,
/// one header line, so pandas.read_csv and spreadsheet tools open it unchanged.
/// Deliberate deviations (tag: acled-csv-deviation): <c>event_date</c> is ISO yyyy-MM-dd, not the "dd Month yyyy" some
/// ACLED exports use; only counted events (asserted, reported, claimed) are written, because every ACLED row is an
/// event — the others stay in JSON; <c>tags</c> carries <c>modality=…</c>; <c>source_scale</c> is left empty (the
/// report does not say it); <c>timestamp</c> is the export time in Unix seconds, as ACLED's is its last edit.
/// </summary>
public sealed class AcledCsvWriter : IEventWriter
{
    /// <summary>ACLED's export columns, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ];

    private readonly CsvWriter csv;
    private readonly long timestamp;

    public AcledCsvWriter(TextWriter output, DateTimeOffset exportedAt)
    {
        ArgumentNullException.ThrowIfNull(output);
        csv = CsvWriter.Create(output, new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, true);
        timestamp = exportedAt.ToUnixTimeSeconds();
        foreach (var c in Columns)
        {
            csv.WriteField(c);
        }

        csv.EndRecord();
    }

    public bool Write(ConflictEvent conflictEvent)
    {
        ArgumentNullException.ThrowIfNull(conflictEvent);
        if (!conflictEvent.Modality.Counts())
        {
            return false;
        }

        var e = conflictEvent;
        var loc = e.Location;
        var inv = CultureInfo.InvariantCulture;
        string?[] row =
        [
            e.EventId,
            EventRecord.IsoDate(e.EventDate),
            e.EventDate.Year.ToString(inv),
            ((int)e.TimePrecision).ToString(inv),
            e.EventType.DisorderType(),
            e.EventType.Name(),
            e.SubEventType.Name(),
            e.Actor1?.Name,
            e.AssocActor1?.Name,
            ((int)(e.Actor1?.Type ?? ActorType.None)).ToString(inv),
            e.Actor2?.Name,
            e.AssocActor2?.Name,
            ((int)(e.Actor2?.Type ?? ActorType.None)).ToString(inv),
            e.Interaction.ToString(inv),
            CivilianTargeting(e),
            AcledCountries.NumericCodeOf(loc?.CountryCode)?.ToString(inv),
            AcledCountries.RegionOf(loc?.CountryCode),
            loc is null ? null : loc.Country ?? AcledCountries.NameOf(loc.CountryCode) ?? loc.CountryCode,
            loc?.Admin1,
            loc?.Admin2,
            loc?.Admin3,
            loc?.Name,
            loc?.Latitude.ToString("0.####", inv),
            loc?.Longitude.ToString("0.####", inv),
            loc is null ? null : ((int)loc.Precision).ToString(inv),
            e.Source,
            null,
            e.Notes,
            e.Fatalities.ToString(inv),
            "modality=" + e.Modality.ToWireName(),
            timestamp.ToString(inv),
        ];
        foreach (var field in row)
        {
            csv.WriteField(field ?? string.Empty);
        }

        csv.EndRecord();
        return true;
    }

    public void Complete() => csv.Flush();

    /// <summary>ACLED marks political violence whose target is civilians.</summary>
    private static string? CivilianTargeting(ConflictEvent e) =>
        e.EventType.DisorderType() == "Political violence"
        && (e.Actor2?.Type == ActorType.Civilians || e.Actor1?.Type == ActorType.Civilians)
            ? "Civilian targeting"
            : null;
}
