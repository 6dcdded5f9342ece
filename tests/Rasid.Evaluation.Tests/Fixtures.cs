using Rasid.Evaluation;

namespace Rasid.Evaluation.Tests;

/// <summary>The invented gold documents under Fixtures/gold and small builders for system events.</summary>
internal static class Fixtures
{
    public static string GoldFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "gold");

    public static GoldCase Load(string name) => GoldReader.Load(Path.Combine(GoldFolder, name + GoldReader.Suffix));

    public static SystemEvent Event(
        string type,
        string sub,
        string date,
        (double Lat, double Lon)? at,
        string modality = "asserted",
        string? admin1 = null,
        double? timePrecision = 1,
        double? geoPrecision = 1,
        double? fatalities = 0,
        string[]? actors = null,
        EvidenceItem[]? evidence = null) => new()
        {
            EventType = type,
            SubEventType = sub,
            EventDate = SystemEvent.ParseDate(date),
            EventDateText = date,
            Latitude = at?.Lat,
            Longitude = at?.Lon,
            Admin1 = admin1,
            TimePrecision = timePrecision,
            GeoPrecision = geoPrecision,
            Fatalities = fatalities,
            Modality = modality,
            ActorNames = actors ?? ["", "", "", ""],
            Evidence = evidence ?? [],
        };

    /// <summary>The point <paramref name="km"/> from (lat, lon) along <paramref name="bearingDeg"/> on the scorer's sphere.</summary>
    public static (double Lat, double Lon) Offset(double lat, double lon, double km, double bearingDeg)
    {
        const double R = 6371.0;
        double d = km / R, b = bearingDeg * Math.PI / 180, p1 = lat * Math.PI / 180, l1 = lon * Math.PI / 180;
        double p2 = Math.Asin((Math.Sin(p1) * Math.Cos(d)) + (Math.Cos(p1) * Math.Sin(d) * Math.Cos(b)));
        double l2 = l1 + Math.Atan2(Math.Sin(b) * Math.Sin(d) * Math.Cos(p1), Math.Cos(d) - (Math.Sin(p1) * Math.Sin(p2)));
        return (p2 * 180 / Math.PI, l2 * 180 / Math.PI);
    }

    public static (double Lat, double Lon) At(GoldPlace p, double km = 0, double bearingDeg = 0) => Offset(p.Latitude, p.Longitude, km, bearingDeg);
}
