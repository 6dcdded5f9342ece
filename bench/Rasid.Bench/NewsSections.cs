namespace Rasid.Bench;

/// <summary>
/// The newspaper section of a bulk article, read from its source and URL (the dump has no section field): al-Watan puts
/// the section in the path (/Sports/, /Economy/ …), al-Jazirah in the page file's prefix (sp12.htm = sports page 12),
/// al-Eqtisadiah is an economic daily (that also runs world news, conflict included) and Arreyadi/Arriyadiyah are sports
/// dailies. Everything else is "general". Sports, economy, culture and the economic daily are the non-conflict sections:
/// reports there should give almost no events.
/// </summary>
/// <remarks>Shared by the bench (<c>rates</c>) and the extraction tests (linked source file), so both count the same articles.</remarks>
public static class NewsSections
{
    public const string Sports = "sports";
    public const string Economy = "economy";
    public const string EconomicDaily = "economic-daily";
    public const string Culture = "culture";
    public const string Society = "society";
    public const string Opinion = "opinion";
    public const string World = "world";
    public const string Local = "local";
    public const string Politics = "politics";
    public const string General = "general";

    // al-Jazirah page prefixes (page files like sp12.htm, ec3.htm), read off the titles of each prefix.
    private static readonly Dictionary<string, string> JazirahPages = new(StringComparer.Ordinal)
    {
        ["sp"] = Sports,
        ["ec"] = Economy, ["mt"] = Economy, ["co"] = Economy, ["bf"] = Economy,
        ["cu"] = Culture, ["ak"] = Culture, ["at"] = Culture, ["bo"] = Culture,
        ["fe"] = Society, ["af"] = Society, ["tf"] = Society, ["as"] = Society, ["pl"] = Society,
        ["ar"] = Opinion, ["rj"] = Opinion, ["rv"] = Opinion, ["wa"] = Opinion, ["tr"] = Opinion, ["jd"] = Opinion,
        ["is"] = Opinion, ["wm"] = Opinion, ["wo"] = Opinion, ["ms"] = Opinion,
        ["du"] = World,
        ["ln"] = Local, ["lp"] = Local,
    };

    // al-Watan's path segment after the host.
    private static readonly Dictionary<string, string> WatanPaths = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Sports"] = Sports, ["Economy"] = Economy, ["Culture"] = Culture,
        ["Politics"] = Politics, ["Local"] = Local, ["Nation"] = Local,
        ["Articles"] = Opinion, ["Discussion"] = Opinion, ["Dialogue"] = Opinion, ["Citizen_Journalist"] = Society,
    };

    /// <summary>True for the sections whose reports should give almost no conflict events.</summary>
    public static bool IsNonConflict(string section) => section is Sports or Economy or Culture or EconomicDaily;

    public static string Of(string? source, string? url)
    {
        switch (source)
        {
            case "aleqtisadiya":
                return EconomicDaily;
            case "arreyadi" or "arriyadiyah":
                return Sports;
            case "alwatan" when Segment(url, 1) is { } s && WatanPaths.TryGetValue(s, out var w):
                return w;
            case "aljazirah" when Segment(url, -1) is { Length: > 2 } page && JazirahPages.TryGetValue(page[..2], out var j):
                return j;
            default:
                return General;
        }
    }

    // The index-th path segment of an absolute URL (1 = the first after the host; -1 = the last).
    private static string? Segment(string? url, int index)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var parts = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        int i = index < 0 ? parts.Length + index : index - 1;
        return i >= 0 && i < parts.Length ? parts[i] : null;
    }
}
