using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Rasid.Core;

namespace Rasid.Export;

/// <summary>
/// A GeoJSON FeatureCollection (RFC 7946, WGS 84 lon/lat) of Point features, one per event, streamed; every field of
/// <see cref="EventRecord"/> is a property (evidence and place candidates as nested arrays, which QGIS reads as JSON
/// fields). An event with no place is kept as a feature with a null geometry rather than dropped.
/// </summary>
public sealed class GeoJsonEventWriter : IEventWriter
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    private static readonly JsonSerializerOptions Options = CreateOptions();

    private readonly TextWriter output;
    private int written;

    public GeoJsonEventWriter(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        this.output = output;
    }

    public bool Write(ConflictEvent conflictEvent)
    {
        var feature = ToFeature(EventRecord.From(conflictEvent));
        output.Write(written == 0 ? "{\"type\":\"FeatureCollection\",\"features\":[\n" : ",\n");
        output.Write(JsonSerializer.Serialize(feature, Options));
        written++;
        return true;
    }

    public void Complete()
    {
        output.Write(written == 0 ? "{\"type\":\"FeatureCollection\",\"features\":[]}\n" : "\n]}\n");
        output.Flush();
    }

    public static IFeature ToFeature(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Geometry? point = record.Latitude is { } lat && record.Longitude is { } lon
            ? Wgs84.CreatePoint(new Coordinate(lon, lat))
            : null;
        var properties = JsonSerializer.SerializeToElement(record, JsonEventWriter.Compact);
        var table = new AttributesTable();
        foreach (var p in properties.EnumerateObject())
        {
            table.Add(p.Name, ToValue(p.Value));
        }

        return new Feature(point, table);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var o = new JsonSerializerOptions(JsonEventWriter.Compact);
        o.Converters.Add(new GeoJsonConverterFactory());
        return o;
    }

    // Plain CLR values, so the attribute table serializes them as JSON scalars, arrays and objects again.
    private static object? ToValue(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.TryGetInt64(out var i) ? i : v.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => v.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.Object => v.EnumerateObject().ToDictionary(p => p.Name, p => ToValue(p.Value)),
        _ => null,
    };
}
