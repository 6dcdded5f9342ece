namespace Rasid.Geo;

/// <summary>Great-circle helpers on a spherical Earth (good to well under 1 % at the distances news reports give).</summary>
public static class GeoMath
{
    private const double EarthRadiusKm = Rasid.Core.GeoDistance.EarthRadiusKm;

    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2) => Rasid.Core.GeoDistance.Kilometres(lat1, lon1, lat2, lon2);

    public static double DistanceKm(Place a, Place b) => DistanceKm(a.Latitude, a.Longitude, b.Latitude, b.Longitude);

    /// <summary>The point <paramref name="km"/> away from a start point along a compass bearing (degrees, 0 = north, 90 = east).</summary>
    public static (double Lat, double Lon) Offset(double lat, double lon, double bearingDegrees, double km)
    {
        double p = Math.PI / 180;
        double d = km / EarthRadiusKm, b = bearingDegrees * p, la = lat * p, lo = lon * p;
        double lat2 = Math.Asin(Math.Sin(la) * Math.Cos(d) + Math.Cos(la) * Math.Sin(d) * Math.Cos(b));
        double lon2 = lo + Math.Atan2(Math.Sin(b) * Math.Sin(d) * Math.Cos(la), Math.Cos(d) - Math.Sin(la) * Math.Sin(lat2));
        return (lat2 / p, ((lon2 / p) + 540) % 360 - 180);
    }
}
