using System.Globalization;
using System.Text;

namespace Rasid.Evaluation;

/// <summary>
/// The matching rules of corpus/FORMAT.md §2 and §4, one method each, written to agree exactly with the reference
/// scorer (../shared/tools/score.py).
/// </summary>
public static class MatchRules
{
    /// <summary>Distance (km) within which a point matches a gold place of geo precision 1 or 2.</summary>
    public const double PlaceRadiusKm = 30.0;

    /// <summary>For a gold place known only to its province (geo precision 3): a point this near the gold's reference point also matches.</summary>
    public const double ProvinceRadiusKm = 50.0;

    /// <summary>
    /// Modalities that count as events. FORMAT.md: asserted and reported (claimed is a kind of report); the reference
    /// scorer also counts an output with no modality, and "alleged"/"fact", so foreign outputs score the same.
    /// </summary>
    public static bool Counts(string? modality) =>
        (modality ?? string.Empty).ToLowerInvariant() is "" or "asserted" or "reported" or "claimed" or "alleged" or "fact";

    /// <summary>All three of FORMAT.md §2: event type, date, place.</summary>
    public static bool Matches(GoldEvent gold, SystemEvent e) =>
        e.EventType is not null && gold.EventTypes.Contains(e.EventType, StringComparer.Ordinal)
        && DateMatches(gold, e.EventDate)
        && PlaceMatches(gold.Place, e);

    /// <summary>Tolerance in days by gold time precision: ±1 (day), ±7 (week), ±31 (month); anything else ±1.</summary>
    public static int DateToleranceDays(int? timePrecision) => timePrecision switch
    {
        2 => 7,
        3 => 31,
        _ => 1,
    };

    /// <summary>Inside the gold's inclusive date range, or within the precision's tolerance of its date.</summary>
    public static bool DateMatches(GoldEvent gold, DateOnly? date)
    {
        if (date is not { } d)
        {
            return false;
        }

        if (gold.DateRange is { } r)
        {
            return r.First <= d && d <= r.Last;
        }

        return gold.Date is { } g && Math.Abs(d.DayNumber - g.DayNumber) <= DateToleranceDays(gold.TimePrecision);
    }

    /// <summary>
    /// Within 30 km of the gold place; for a gold place of geo precision 3, the same admin1 (any usual spelling) or
    /// within 50 km of the gold's reference point.
    /// </summary>
    public static bool PlaceMatches(GoldPlace gold, SystemEvent e)
    {
        if (gold.GeoPrecision == 3)
        {
            if (!string.IsNullOrEmpty(e.Admin1) && Admin1Names.Same(e.Admin1, gold.Admin1))
            {
                return true;
            }

            return DistanceKm(gold, e) is { } km3 && km3 <= ProvinceRadiusKm;
        }

        return DistanceKm(gold, e) is { } km && km <= PlaceRadiusKm;
    }

    /// <summary>Great-circle distance from the gold place to the event's point; null when the event has no point.</summary>
    public static double? DistanceKm(GoldPlace gold, SystemEvent e) =>
        e.Latitude is { } lat && e.Longitude is { } lon ? HaversineKm(lat, lon, gold.Latitude, gold.Longitude) : null;

    /// <summary>Haversine on a sphere of radius 6371 km.</summary>
    public static double HaversineKm(double aLat, double aLon, double bLat, double bLon)
    {
        const double R = 6371.0;
        // The same operations in the same order as score.py (math.radians multiplies by pi/180), so distances agree to the bit.
        const double Radians = Math.PI / 180.0;
        double p1 = aLat * Radians, p2 = bLat * Radians;
        double dp = p2 - p1, dl = (bLon - aLon) * Radians;
        double sp = Math.Sin(dp / 2), sl = Math.Sin(dl / 2);
        double h = (sp * sp) + (Math.Cos(p1) * Math.Cos(p2) * (sl * sl));
        return 2 * R * Math.Asin(Math.Min(1.0, Math.Sqrt(h)));
    }

    /// <summary>
    /// Whether any system actor names the gold actor: equal to an alias or the name (case-insensitively), or containing
    /// one longer than three characters ("Islamic State" in "Islamic State (Syria)"). Null when the gold names no actor.
    /// </summary>
    public static bool? ActorMatches(GoldActor? gold, IEnumerable<string> systemNames)
    {
        if (gold is null)
        {
            return null;
        }

        var aliases = gold.Aliases.Append(gold.Name).Select(a => a.ToLowerInvariant()).ToList();
        foreach (var raw in systemNames)
        {
            var n = raw.ToLowerInvariant();
            if (n.Length == 0)
            {
                continue;
            }

            foreach (var a in aliases)
            {
                if (a == n || (CodePoints(a) > 3 && n.Contains(a, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the event's evidence overlaps a must-not statement: a span overlapping the statement's first occurrence
    /// in the text, or evidence text containing it or contained in it. A statement not in the text overlaps nothing.
    /// </summary>
    public static bool EvidenceOverlaps(IEnumerable<EvidenceItem> evidence, string text, string statement)
    {
        int i = text.IndexOf(statement, StringComparison.Ordinal);
        if (i < 0)
        {
            return false;
        }

        int j = i + statement.Length;
        foreach (var ev in evidence)
        {
            if (ev.Start is { } s && ev.End is { } t && s < j && i < t)
            {
                return true;
            }

            if (!string.IsNullOrEmpty(ev.Text)
                && (statement.Contains(ev.Text, StringComparison.Ordinal) || ev.Text.Contains(statement, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Python's <c>round(x, digits)</c> for x ≥ 0: round half to even on the double's exact binary value.</summary>
    public static double RoundLikePython(double x, int digits)
    {
        if (double.IsNaN(x) || double.IsInfinity(x) || x < 0)
        {
            return Math.Round(x, digits, MidpointRounding.ToEven);
        }

        long bits = BitConverter.DoubleToInt64Bits(x);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0 && fraction == 0)
        {
            return 0;
        }

        long mantissa = exponent == 0 ? fraction : fraction | (1L << 52);
        int shift = (exponent == 0 ? 1 : exponent) - 1075; // x = mantissa · 2^shift
        if (shift >= 0)
        {
            return x;
        }

        var scale = System.Numerics.BigInteger.Pow(10, digits);
        var numerator = mantissa * scale;
        var denominator = System.Numerics.BigInteger.One << -shift;
        var q = System.Numerics.BigInteger.DivRem(numerator, denominator, out var remainder);
        int cmp = (remainder * 2).CompareTo(denominator);
        if (cmp > 0 || (cmp == 0 && !q.IsEven))
        {
            q += 1;
        }

        return double.Parse(q.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) / Math.Pow(10, digits);
    }

    private static int CodePoints(string s)
    {
        int n = 0;
        foreach (var _ in s.EnumerateRunes())
        {
            n++;
        }

        return n;
    }
}
