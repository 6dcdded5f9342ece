using System.Globalization;
using System.Reflection;
using Rasid.Arabic.Data;
using Rasid.Core;

namespace Rasid.Geo;

/// <summary>
/// Reads gazetteer rows (data/geo/countries.tsv, admin1.tsv, places-XX.tsv) into <see cref="Place"/>s, validating each
/// row as it loads (STYLE.md §5): unknown kind, bad coordinates, an unknown governorate or a duplicate id stop loading
/// with file and line.
/// </summary>
internal static class BuiltInGazetteerData
{
    public static readonly string[] Columns =
        ["id", "kind", "name_en", "names_en_alt", "names_ar", "country", "admin1", "admin2", "lat", "lon", "population", "geonames_id"];

    private const string Prefix = "rasid/geo/";

    /// <summary>The countries and governorates only (no places-*.tsv), e.g. for tests with their own place rows.</summary>
    public static List<Place> LoadCountriesAndAdmin1()
    {
        var asm = typeof(BuiltInGazetteerData).Assembly;
        var all = Read(DataFile.LoadEmbedded(asm, Prefix + "countries.tsv", Columns), null);
        all.AddRange(Read(DataFile.LoadEmbedded(asm, Prefix + "admin1.tsv", Columns), null));
        return all;
    }

    /// <summary>Every built-in entry: countries, governorates, then whatever places-*.tsv files are embedded (zero or more).</summary>
    public static List<Place> LoadAll()
    {
        var asm = typeof(BuiltInGazetteerData).Assembly;
        var all = LoadCountriesAndAdmin1();
        var names = new Admin1Resolver(all.Where(p => p.Kind == PlaceKind.Admin1));
        foreach (var resource in asm.GetManifestResourceNames()
                     .Where(n => n.StartsWith(Prefix + "places-", StringComparison.Ordinal) && n.EndsWith(".tsv", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            foreach (var p in Read(DataFile.LoadEmbedded(asm, resource, Columns), names))
            {
                // A places file may repeat its country and governorates with more name forms (محافظة X، ريف X):
                // fold them into the entries of countries.tsv / admin1.tsv so each has one entry.
                int twin = p.Kind is PlaceKind.Country or PlaceKind.Admin1
                    ? all.FindIndex(c => c.Kind == p.Kind && c.CountryCode == p.CountryCode && (p.Kind == PlaceKind.Country || c.Admin1 == p.Admin1))
                    : -1;
                if (twin < 0)
                {
                    all.Add(p);
                    continue;
                }

                var c = all[twin];
                all[twin] = c with
                {
                    NamesAr = c.NamesAr.Concat(p.NamesAr).Distinct(StringComparer.Ordinal).ToArray(),
                    NamesEnAlt = c.NamesEnAlt.Concat(p.NamesEnAlt.Prepend(p.NameEn)).Where(n => n != c.NameEn).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
                    PreferredArabicCount = c.NamesAr.Count + p.NamesAr.Count,
                    GeoNamesId = c.GeoNamesId ?? p.GeoNamesId,
                    Population = Math.Max(c.Population, p.Population),
                    Keys = null,
                };
            }
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in all)
        {
            if (!ids.Add(p.Id))
            {
                throw new RasidException("E301", p.Id, "duplicate gazetteer id in the built-in data");
            }
        }

        return all;
    }

    /// <summary>Rows of one file; governorate names are checked against (and folded to) the ACLED names when a resolver is given.</summary>
    public static List<Place> Read(DataFile file, Admin1Resolver? admin1)
    {
        var result = new List<Place>(file.Rows.Count);
        bool hasIso = file.Columns.Contains("iso_code");
        foreach (var row in file.Rows)
        {
            var id = row["id"];
            if (id.Length == 0)
            {
                throw row.Error("empty id");
            }

            if (!PlaceKinds.TryParse(row["kind"], out var kind))
            {
                throw row.Error($"unknown kind '{row["kind"]}'");
            }

            var cc = row["country"].ToUpperInvariant();
            if (cc.Length != 2)
            {
                throw row.Error($"country '{cc}' is not an ISO 3166-1 alpha-2 code");
            }

            double lat = row.Double("lat"), lon = row.Double("lon");
            if (lat is < -90 or > 90 || lon is < -180 or > 180 || (lat == 0 && lon == 0))
            {
                throw row.Error($"coordinates {lat},{lon} are out of range");
            }

            var adm1 = row["admin1"];
            if (admin1 is not null && adm1.Length > 0 && admin1.Covers(cc))
            {
                adm1 = admin1.Canonical(cc, adm1) ?? throw row.Error($"admin1 '{adm1}' is no governorate of {cc} in admin1.tsv");
            }

            var namesAr = row.List("names_ar");
            var nameEn = row["name_en"];
            if (nameEn.Length == 0 && namesAr.Length == 0)
            {
                throw row.Error("no name");
            }

            long pop = 0;
            var popCell = row["population"];
            if (popCell.Length > 0 && !long.TryParse(popCell, NumberStyles.Integer, CultureInfo.InvariantCulture, out pop))
            {
                throw row.Error($"population '{popCell}' is not an integer");
            }

            long? gn = null;
            var gnCell = row["geonames_id"];
            if (gnCell.Length > 0)
            {
                gn = long.TryParse(gnCell, NumberStyles.Integer, CultureInfo.InvariantCulture, out var g) ? g : throw row.Error($"geonames_id '{gnCell}' is not an integer");
            }

            result.Add(new Place(id, kind, nameEn.Length > 0 ? nameEn : namesAr[0], namesAr, cc, adm1.Length > 0 ? adm1 : null,
                row["admin2"] is { Length: > 0 } a2 ? a2 : null, lat, lon, pop, Gazetteer.BuiltInSource, id)
            {
                NamesEnAlt = row.List("names_en_alt"),
                GeoNamesId = gn,
                Admin1Code = hasIso && row["iso_code"].Length > 0 ? row["iso_code"] : null,
                PreferredArabicCount = namesAr.Length,
            });
        }

        return result;
    }
}

/// <summary>Folds any usual spelling of a governorate (English or Arabic) to the ACLED name of admin1.tsv.</summary>
internal sealed class Admin1Resolver
{
    private readonly Dictionary<(string Cc, string Key), Place> _byKey = [];
    private readonly HashSet<string> _countries = new(StringComparer.Ordinal);

    public Admin1Resolver(IEnumerable<Place> admin1)
    {
        foreach (var p in admin1)
        {
            _countries.Add(p.CountryCode);
            foreach (var n in p.NamesEnAlt.Prepend(p.NameEn))
            {
                _byKey.TryAdd((p.CountryCode, Admin1Names.Key(n)), p);
            }

            foreach (var n in p.NamesAr)
            {
                _byKey.TryAdd((p.CountryCode, "ar:" + Arabic.Text.ArabicNormalizer.NormalizeKey(n)), p);
            }
        }
    }

    public Place? Find(string cc, string name) =>
        _byKey.TryGetValue((cc, Admin1Names.Key(name)), out var p) ? p
        : _byKey.TryGetValue((cc, "ar:" + Arabic.Text.ArabicNormalizer.NormalizeKey(name.Trim())), out p) ? p : null;

    public string? Canonical(string cc, string name) => Find(cc, name)?.Admin1;

    /// <summary>True when the table knows governorates of that country (others keep whatever name the source gives).</summary>
    public bool Covers(string cc) => _countries.Contains(cc);
}
