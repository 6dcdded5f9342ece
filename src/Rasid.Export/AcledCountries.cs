namespace Rasid.Export;

/// <summary>
/// ACLED's country names, numeric ISO 3166 codes (its <c>iso</c> column) and regions for the countries Rasid reports
/// on (the Middle East and North Africa and their neighbours). Unknown codes give no name, no number and no region.
/// </summary>
public static class AcledCountries
{
    private static readonly Dictionary<string, (string Name, int Iso, string Region)> ByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SY"] = ("Syria", 760, "Middle East"),
        ["IQ"] = ("Iraq", 368, "Middle East"),
        ["YE"] = ("Yemen", 887, "Middle East"),
        ["LB"] = ("Lebanon", 422, "Middle East"),
        ["JO"] = ("Jordan", 400, "Middle East"),
        ["PS"] = ("Palestine", 275, "Middle East"),
        ["IL"] = ("Israel", 376, "Middle East"),
        ["SA"] = ("Saudi Arabia", 682, "Middle East"),
        ["KW"] = ("Kuwait", 414, "Middle East"),
        ["BH"] = ("Bahrain", 48, "Middle East"),
        ["QA"] = ("Qatar", 634, "Middle East"),
        ["AE"] = ("United Arab Emirates", 784, "Middle East"),
        ["OM"] = ("Oman", 512, "Middle East"),
        ["IR"] = ("Iran", 364, "Middle East"),
        ["TR"] = ("Turkey", 792, "Middle East"),
        ["EG"] = ("Egypt", 818, "Northern Africa"),
        ["LY"] = ("Libya", 434, "Northern Africa"),
        ["TN"] = ("Tunisia", 788, "Northern Africa"),
        ["DZ"] = ("Algeria", 12, "Northern Africa"),
        ["MA"] = ("Morocco", 504, "Northern Africa"),
        ["SD"] = ("Sudan", 729, "Northern Africa"),
        ["SO"] = ("Somalia", 706, "Eastern Africa"),
        ["MR"] = ("Mauritania", 478, "Western Africa"),
    };

    public static string? NameOf(string? iso2) => iso2 is not null && ByCode.TryGetValue(iso2, out var c) ? c.Name : null;

    public static int? NumericCodeOf(string? iso2) => iso2 is not null && ByCode.TryGetValue(iso2, out var c) ? c.Iso : null;

    public static string? RegionOf(string? iso2) => iso2 is not null && ByCode.TryGetValue(iso2, out var c) ? c.Region : null;
}
