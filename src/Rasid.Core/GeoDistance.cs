namespace Rasid.Core;

/// <summary>Great-circle distance on a spherical Earth (good to well under 1 % at the distances news reports give).</summary>
public static class GeoDistance
{
    public const double EarthRadiusKm = 6371.0088;

    public static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        double p = Math.PI / 180;
        double dLat = (lat2 - lat1) * p, dLon = (lon2 - lon1) * p;
        double a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(lat1 * p) * Math.Cos(lat2 * p) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
