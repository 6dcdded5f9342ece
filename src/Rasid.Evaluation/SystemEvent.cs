using System.Globalization;
using System.Text.Json;
using Rasid.Core;

namespace Rasid.Evaluation;

/// <summary>
/// What the scorer reads of one system event: ACLED field values as they appear on the wire, so events from Rasid
/// (<see cref="From(ConflictEvent)"/>) and from any system's JSON output (<see cref="FromJson"/>) are scored alike.
/// Missing or unreadable values are null, exactly as the reference scorer treats them.
/// </summary>
public sealed record SystemEvent
{
    public string? EventType { get; init; }

    public string? SubEventType { get; init; }

    public DateOnly? EventDate { get; init; }

    /// <summary>The date as written, for reports.</summary>
    public string? EventDateText { get; init; }

    public double? TimePrecision { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public double? GeoPrecision { get; init; }

    public string? Admin1 { get; init; }

    /// <summary>Location name, for reports.</summary>
    public string? Location { get; init; }

    /// <summary>actor1, actor2, assoc_actor_1, assoc_actor_2 (empty string when absent).</summary>
    public IReadOnlyList<string> ActorNames { get; init; } = [];

    public double? Fatalities { get; init; }

    /// <summary>The modality as written; null when the output gives none.</summary>
    public string? Modality { get; init; }

    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];

    public static SystemEvent From(ConflictEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var loc = e.Location;
        return new SystemEvent
        {
            EventType = e.EventType.Name(),
            SubEventType = e.SubEventType.Name(),
            EventDate = e.EventDate,
            EventDateText = e.EventDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimePrecision = (int)e.TimePrecision,
            Latitude = loc?.Latitude,
            Longitude = loc?.Longitude,
            GeoPrecision = loc is null ? null : (int)loc.Precision,
            Admin1 = loc?.Admin1,
            Location = loc?.Name,
            ActorNames = [e.Actor1?.Name ?? string.Empty, e.Actor2?.Name ?? string.Empty, e.AssocActor1?.Name ?? string.Empty, e.AssocActor2?.Name ?? string.Empty],
            Fatalities = e.Fatalities,
            Modality = e.Modality.ToWireName(),
            Evidence = [.. e.Evidence.Select(x => new EvidenceItem(x.Start, x.End, x.Text))],
        };
    }

    /// <summary>Reads one event object with ACLED field names (as <c>rasid extract --format jsonl</c> writes them).</summary>
    public static SystemEvent FromJson(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return new SystemEvent();
        }

        var dateText = Text(e, "event_date");
        return new SystemEvent
        {
            EventType = Text(e, "event_type"),
            SubEventType = Text(e, "sub_event_type"),
            EventDate = ParseDate(dateText),
            EventDateText = dateText,
            TimePrecision = Number(e, "time_precision"),
            Latitude = Number(e, "latitude"),
            Longitude = Number(e, "longitude"),
            GeoPrecision = Number(e, "geo_precision"),
            Admin1 = Text(e, "admin1"),
            Location = Text(e, "location"),
            ActorNames = [ActorName(e, "actor1"), ActorName(e, "actor2"), ActorName(e, "assoc_actor_1"), ActorName(e, "assoc_actor_2")],
            Fatalities = Number(e, "fatalities"),
            Modality = Text(e, "modality"),
            Evidence = EvidenceOf(e),
        };
    }

    /// <summary>
    /// Reads a system's output for one document: JSON Lines of events, a JSON array, or an object with "events" (or
    /// "data"); a single event object is one event. Throws <see cref="JsonException"/> on a broken line.
    /// </summary>
    public static IReadOnlyList<SystemEvent> ReadOutput(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (text.Length == 0)
        {
            return [];
        }

        try
        {
            using var whole = JsonDocument.Parse(text);
            var root = whole.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                return [.. root.EnumerateArray().Select(FromJson)];
            }

            if (root.ValueKind == JsonValueKind.Object)
            {
                foreach (var key in (string[])["events", "data"])
                {
                    if (root.TryGetProperty(key, out var list) && list.ValueKind == JsonValueKind.Array)
                    {
                        return [.. list.EnumerateArray().Select(FromJson)];
                    }
                }

                return [FromJson(root)];
            }
        }
        catch (JsonException)
        {
            // not one JSON value: JSON Lines
        }

        var events = new List<SystemEvent>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Trim().Length > 0)
            {
                using var d = JsonDocument.Parse(line);
                events.Add(FromJson(d.RootElement));
            }
        }

        return events;
    }

    /// <summary>ISO yyyy-mm-dd (the first ten characters), or dd-mm-yyyy / dd/mm/yyyy, as the reference scorer accepts.</summary>
    public static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var s = text.Length > 10 ? text[..10] : text;
        foreach (var format in (string[])["yyyy-MM-dd", "dd-MM-yyyy", "dd/MM/yyyy", "d-M-yyyy", "d/M/yyyy"])
        {
            if (DateOnly.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }
        }

        return null;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => null,
        } : null;

    private static double? Number(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.Number => v.GetDouble(),
            JsonValueKind.True => 1,
            JsonValueKind.False => 0,
            JsonValueKind.String when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
    }

    private static string ActorName(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return string.Empty;
        }

        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString() ?? string.Empty,
            JsonValueKind.Object => Text(v, "name") is { Length: > 0 } n ? n : Text(v, "en") ?? string.Empty,
            JsonValueKind.Null => string.Empty,
            _ => v.GetRawText(),
        };
    }

    private static List<EvidenceItem> EvidenceOf(JsonElement e)
    {
        if (!e.TryGetProperty("evidence", out var v))
        {
            return [];
        }

        if (v.ValueKind == JsonValueKind.String)
        {
            return [new EvidenceItem(null, null, v.GetString())];
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var items = new List<EvidenceItem>();
        foreach (var x in v.EnumerateArray())
        {
            if (x.ValueKind == JsonValueKind.String)
            {
                items.Add(new EvidenceItem(null, null, x.GetString()));
            }
            else if (x.ValueKind == JsonValueKind.Object)
            {
                items.Add(new EvidenceItem(Int(x, "start"), Int(x, "end"), Text(x, "text")));
            }
        }

        return items;
    }

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
}

/// <summary>One evidence item of a system event: a span into the original text and/or the text it quotes.</summary>
public sealed record EvidenceItem(int? Start, int? End, string? Text);
