using System.Globalization;
using System.Text.Json;
using Rasid.Core;
using Rasid.Core.Input;

namespace Rasid.Evaluation;

/// <summary>
/// Reads gold/1 annotation files. A file that is not gold/1 is refused with a coded error naming the file and the
/// field (E2xx), never a stack trace.
/// </summary>
public static class GoldReader
{
    public const string Suffix = ".gold.json";

    /// <summary>Every <c>*.gold.json</c> in <paramref name="folder"/>, in ordinal order of their paths (as score.py sorts them).</summary>
    public static IReadOnlyList<string> FindGoldFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new RasidException("E201", folder, "gold folder not found");
        }

        var files = Directory.GetFiles(folder, "*" + Suffix);
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    public static string NameOf(string goldPath)
    {
        var name = Path.GetFileName(goldPath);
        return name.EndsWith(Suffix, StringComparison.Ordinal) ? name[..^Suffix.Length] : Path.GetFileNameWithoutExtension(name);
    }

    /// <summary>Reads a gold file and the report text beside it.</summary>
    public static GoldCase Load(string goldPath)
    {
        var gold = Parse(File.Exists(goldPath) ? File.ReadAllText(goldPath) : throw new RasidException("E101", goldPath, "file not found"), goldPath);
        var textPath = Path.Combine(Path.GetDirectoryName(goldPath) ?? ".", gold.File);
        return new GoldCase(gold, TextFileReader.Read(textPath), goldPath);
    }

    /// <summary>Parses gold/1 JSON. <paramref name="inputName"/> names the input in errors.</summary>
    public static GoldDocument Parse(string json, string inputName)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new RasidException("E202", inputName, $"is not valid JSON (line {ex.LineNumber + 1}): {ex.Message}");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new RasidException("E203", inputName, "is not a gold/1 object");
            }

            if (root.TryGetProperty("format", out var format) && format.GetString() is { } f && f != "gold/1")
            {
                throw new RasidException("E203", inputName, $"format is '{f}', expected 'gold/1'");
            }

            var reader = new Context(inputName);
            var d = reader.Object(root, "doc");
            return new GoldDocument
            {
                Id = reader.String(d, "id", "doc"),
                File = reader.String(d, "file", "doc"),
                Published = reader.Date(reader.String(d, "published", "doc"), "doc.published"),
                CountryHint = OptionalString(d, "country_hint"),
                Events = root.TryGetProperty("events", out var evs) && evs.ValueKind == JsonValueKind.Array
                    ? [.. evs.EnumerateArray().Select((e, i) => reader.Event(e, $"events[{i}]"))]
                    : [],
                MustNot = root.TryGetProperty("must_not", out var mn) && mn.ValueKind == JsonValueKind.Array
                    ? [.. mn.EnumerateArray().Select((m, i) => new MustNotStatement(reader.String(m, "evidence", $"must_not[{i}]"), OptionalString(m, "why") ?? string.Empty))]
                    : [],
            };
        }
    }

    private static string? OptionalString(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? OptionalInt(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? (int)Math.Round(v.GetDouble()) : null;

    private sealed class Context(string inputName)
    {
        public JsonElement Object(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object
                ? v
                : throw Missing(name, "an object");

        public string String(JsonElement parent, string name, string where) =>
            parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString()!
                : throw Missing($"{where}.{name}", "a string");

        public DateOnly Date(string text, string where) =>
            DateOnly.TryParseExact(text.Length >= 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw new RasidException("E204", inputName, $"{where} '{text}' is not a yyyy-mm-dd date");

        public GoldEvent Event(JsonElement e, string where)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw Missing(where, "an object");
            }

            var place = Object(e, "place");
            DateOnly? date = null;
            (DateOnly, DateOnly)? range = null;
            if (e.TryGetProperty("date_range", out var r))
            {
                if (r.ValueKind != JsonValueKind.Array || r.GetArrayLength() != 2)
                {
                    throw Missing($"{where}.date_range", "a [first, last] pair");
                }

                range = (Date(r[0].GetString() ?? string.Empty, where + ".date_range[0]"), Date(r[1].GetString() ?? string.Empty, where + ".date_range[1]"));
            }
            else
            {
                date = Date(String(e, "date", where), where + ".date");
            }

            return new GoldEvent
            {
                Id = OptionalString(e, "id") ?? where,
                What = OptionalString(e, "what") ?? string.Empty,
                EventTypes = Strings(e, "event_type", where),
                SubEventTypes = Strings(e, "sub_event_type", where),
                Date = date,
                DateRange = range,
                TimePrecision = OptionalInt(e, "time_precision"),
                Place = new GoldPlace
                {
                    Name = OptionalString(place, "name") ?? string.Empty,
                    NameArabic = OptionalString(place, "name_ar"),
                    Country = OptionalString(place, "country"),
                    Admin1 = OptionalString(place, "admin1"),
                    Latitude = Number(place, "lat", where + ".place"),
                    Longitude = Number(place, "lon", where + ".place"),
                    GeoPrecision = OptionalInt(place, "geo_precision"),
                },
                Actor1 = Actor(e, "actor1", where),
                Actor2 = Actor(e, "actor2", where),
                Fatalities = OptionalInt(e, "fatalities"),
                Evidence = OptionalString(e, "evidence") ?? string.Empty,
                Required = !e.TryGetProperty("required", out var req) || req.ValueKind != JsonValueKind.False,
            };
        }

        private IReadOnlyList<string> Strings(JsonElement e, string name, string where)
        {
            if (!e.TryGetProperty(name, out var v))
            {
                throw Missing($"{where}.{name}", "a list of ACLED names");
            }

            return v.ValueKind switch
            {
                JsonValueKind.String => [v.GetString()!],
                JsonValueKind.Array => [.. v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)],
                _ => throw Missing($"{where}.{name}", "a list of ACLED names"),
            };
        }

        private double Number(JsonElement e, string name, string where) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
                ? v.GetDouble()
                : throw Missing($"{where}.{name}", "a number");

        private GoldActor? Actor(JsonElement e, string name, string where)
        {
            if (!e.TryGetProperty(name, out var a) || a.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            var canonical = String(a, "name", $"{where}.{name}");
            IReadOnlyList<string> aliases = a.TryGetProperty("aliases", out var al) && al.ValueKind == JsonValueKind.Array
                ? [.. al.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)]
                : [];
            return new GoldActor(canonical, aliases);
        }

        private RasidException Missing(string field, string what) =>
            new("E203", inputName, $"{field} is missing or is not {what} (format gold/1, see corpus/FORMAT.md)");
    }
}
