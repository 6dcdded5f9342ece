using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rasid.Core;

namespace Rasid.Extraction.Tests;

/// <summary>The annotated documents of ../shared/corpus (seed, dev), read in place, and the extractor wired for them.</summary>
internal static class GoldCorpus
{
    public sealed record GoldDocument(string Name, string Directory, Document Document, JsonObject Gold);

    private static readonly Lazy<ArabicEventExtractor> ExtractorInstance = new(() => new ArabicEventExtractor());

    /// <summary>The product pipeline with the built-in gazetteer (deterministic: no user index is read).</summary>
    public static ArabicEventExtractor Extractor => ExtractorInstance.Value;

    public static IEnumerable<GoldDocument> Load(string dir)
    {
        foreach (var gf in System.IO.Directory.GetFiles(dir, "*.gold.json").Order(StringComparer.Ordinal))
        {
            var gold = JsonNode.Parse(File.ReadAllText(gf))!.AsObject();
            var d = gold["doc"]!.AsObject();
            var text = File.ReadAllText(Path.Combine(dir, (string)d["file"]!));
            var published = DateOnly.Parse((string)d["published"]!, CultureInfo.InvariantCulture);
            var doc = new Document((string)d["id"]!, text, published) { CountryHint = (string?)d["country_hint"] };
            yield return new GoldDocument(Path.GetFileName(gf)[..^".gold.json".Length], dir, doc, gold);
        }
    }

    /// <summary>An event as a JSON object with ACLED field names (what score.py and the golden snapshots read).</summary>
    public static JsonObject ToAcledJson(ConflictEvent e, bool withText)
    {
        var o = new JsonObject
        {
            ["event_id"] = e.EventId,
            ["event_date"] = e.EventDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["time_precision"] = (int)e.TimePrecision,
            ["event_type"] = e.EventType.Name(),
            ["sub_event_type"] = e.SubEventType.Name(),
            ["actor1"] = e.Actor1?.Name,
            ["inter1"] = (int)(e.Actor1?.Type ?? ActorType.None),
            ["actor2"] = e.Actor2?.Name,
            ["inter2"] = (int)(e.Actor2?.Type ?? ActorType.None),
            ["interaction"] = e.Interaction,
            ["country"] = e.Location?.Country,
            ["admin1"] = e.Location?.Admin1,
            ["location"] = e.Location?.Name,
            ["latitude"] = e.Location?.Latitude,
            ["longitude"] = e.Location?.Longitude,
            ["geo_precision"] = e.Location is null ? null : (int)e.Location.Precision,
            ["fatalities"] = e.Fatalities,
            ["fatalities_low"] = e.FatalitiesLow,
            ["fatalities_high"] = e.FatalitiesHigh,
            ["modality"] = e.Modality.ToWireName(),
            ["notes"] = e.Notes,
            ["confidence"] = e.Confidence,
        };
        var ev = new JsonArray();
        foreach (var x in e.Evidence)
        {
            var item = new JsonObject { ["start"] = x.Start, ["end"] = x.End };
            if (withText)
            {
                item["text"] = x.Text;
            }

            ev.Add(item);
        }

        o["evidence"] = ev;
        return o;
    }

    public static string ToJsonLine(JsonObject o) =>
        o.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
