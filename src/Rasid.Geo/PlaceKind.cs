namespace Rasid.Geo;

/// <summary>What a gazetteer entry is. Kinds order disambiguation (a city before a village of the same name).</summary>
public enum PlaceKind : byte
{
    Country,

    /// <summary>Governorate / province (ACLED admin1).</summary>
    Admin1,

    /// <summary>District (Syrian mantiqa, Iraqi qada, Yemeni mudiriya).</summary>
    Admin2,

    /// <summary>Sub-district (nahiya).</summary>
    Admin3,
    City,
    Town,
    Village,
    Neighbourhood,

    /// <summary>A named area that is no admin unit (a plain, a mountain range, "the Jazira").</summary>
    Region,
    Dam,
    Airport,

    /// <summary>Military base or camp of an armed force.</summary>
    Base,

    /// <summary>Refugee or displacement camp.</summary>
    Camp,

    /// <summary>Border crossing.</summary>
    Crossing,
    Oilfield,

    /// <summary>Any other named site (a factory, a refinery, a roundabout, a bridge).</summary>
    Site,
}

public static class PlaceKinds
{
    /// <summary>Parses the data-file spelling (<c>admin1</c>, <c>neighbourhood</c>, …).</summary>
    public static bool TryParse(string s, out PlaceKind kind) => Enum.TryParse(s, ignoreCase: true, out kind) && !int.TryParse(s, out _);

    public static bool IsAdminUnit(this PlaceKind k) => k is PlaceKind.Country or PlaceKind.Admin1 or PlaceKind.Admin2 or PlaceKind.Admin3;

    public static bool IsSettlement(this PlaceKind k) => k is PlaceKind.City or PlaceKind.Town or PlaceKind.Village or PlaceKind.Neighbourhood;

    /// <summary>The data-file spelling.</summary>
    public static string ToDataName(this PlaceKind k) => k.ToString().ToLowerInvariant();
}
