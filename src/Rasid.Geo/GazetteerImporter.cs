using System.Globalization;
using System.IO.Compression;
using Rasid.Core;

namespace Rasid.Geo;

/// <summary>Progress of an import: the file being read and how many of its bytes are done.</summary>
public readonly record struct ImportProgress(string File, long BytesDone, long BytesTotal, int Places);

/// <summary>
/// Compiles raw gazetteer sources into <see cref="Place"/>s for a <see cref="GazetteerIndex"/>. Understands the GeoNames
/// dump layout (geoname files such as SY.txt / allCountries.txt / cities15000.txt, plain or .gz/.zip; admin1CodesASCII.txt;
/// admin2Codes.txt; alternateNames / alternateNamesV2 restricted to isolanguage 'ar') and the Who's On First extracts of
/// shared/geo (wof_places.tsv.gz, ar_name_index.tsv.gz). Each file's kind is recognised from its content, not its name.
/// </summary>
public sealed class GazetteerImporter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private readonly Admin1Resolver _admin1;
    private readonly Dictionary<string, string> _admin1Codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _admin2Codes = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<string>> _arabicAlternates = [];
    private readonly Dictionary<string, Place> _places = new(StringComparer.Ordinal);
    private readonly Dictionary<long, string> _byGeoNamesId = [];
    private readonly HashSet<string>? _countries;

    /// <param name="countries">ISO codes to keep (null: all).</param>
    public GazetteerImporter(IEnumerable<string>? countries = null)
    {
        _admin1 = new Admin1Resolver(Gazetteer.LoadBuiltIn().Places.Where(p => p.Kind == PlaceKind.Admin1));
        _countries = countries?.Select(c => c.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
    }

    public int Count => _places.Count;

    public IReadOnlyList<Place> Places => _places.Values.ToList();

    /// <summary>Imports files in the order their content needs: code tables and alternate names before geoname rows, WOF before the Arabic name index.</summary>
    public void ImportAll(IEnumerable<string> paths, IProgress<ImportProgress>? progress = null)
    {
        var byKind = paths.Select(p => (Path: p, Kind: Detect(p))).OrderBy(x => x.Kind).ToList();
        foreach (var (path, kind) in byKind)
        {
            Import(path, kind, progress);
        }
    }

    public void Import(string path, SourceKind kind, IProgress<ImportProgress>? progress = null)
    {
        using var counted = OpenCounted(path, out var total);
        using var reader = new StreamReader(counted.Reader, System.Text.Encoding.UTF8);
        string? line;
        int n = 0;
        var wofRows = kind == SourceKind.WhosOnFirst ? new List<string[]>() : null;
        string[]? header = null;
        while ((line = reader.ReadLine()) is not null)
        {
            if (++n % 4096 == 0)
            {
                progress?.Report(new ImportProgress(path, counted.Position, total, _places.Count));
            }

            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var c = line.Split('\t');
            switch (kind)
            {
                case SourceKind.Admin1Codes when c.Length >= 2:
                    _admin1Codes[c[0]] = c[1];
                    break;
                case SourceKind.Admin2Codes when c.Length >= 2:
                    _admin2Codes[c[0]] = c[1];
                    break;
                case SourceKind.AlternateNames when c.Length >= 4 && c[2] == "ar":
                    if (long.TryParse(c[1], Inv, out var gid) && IsArabicName(c[3]))
                    {
                        if (!_arabicAlternates.TryGetValue(gid, out var l))
                        {
                            _arabicAlternates[gid] = l = [];
                        }

                        // A preferred name goes first.
                        if (c.Length > 4 && c[4] == "1")
                        {
                            l.Insert(0, c[3]);
                        }
                        else
                        {
                            l.Add(c[3]);
                        }
                    }

                    break;
                case SourceKind.GeoNames when c.Length >= 19:
                    AddGeoName(c);
                    break;
                case SourceKind.WhosOnFirst:
                    if (header is null)
                    {
                        header = c;
                    }
                    else if (c.Length >= 22)
                    {
                        wofRows!.Add(c);
                    }

                    break;
                case SourceKind.ArabicNameIndex:
                    if (header is null)
                    {
                        header = c;
                    }
                    else if (c.Length >= 12)
                    {
                        AddArabicIndexRow(c);
                    }

                    break;
            }
        }

        if (wofRows is not null)
        {
            AddWof(wofRows);
        }

        progress?.Report(new ImportProgress(path, total, total, _places.Count));
    }

    /// <summary>What a file holds, from its first lines.</summary>
    public static SourceKind Detect(string path)
    {
        using var counted = OpenCounted(path, out _);
        using var reader = new StreamReader(counted.Reader);
        string? line;
        while ((line = reader.ReadLine()) is not null && (line.Length == 0 || (line[0] == '#' && !line.StartsWith("#ISO", StringComparison.Ordinal))))
        {
            // A '#' header line of the code tables tells nothing; look at the first data line.
        }

        if (line is null)
        {
            throw new RasidException("E320", path, "empty file");
        }

        var c = line.Split('\t');
        if (c[0] == "wof_id")
        {
            return SourceKind.WhosOnFirst;
        }

        if (c[0] == "ar_norm")
        {
            return SourceKind.ArabicNameIndex;
        }

        if (c.Length >= 19 && long.TryParse(c[0], Inv, out _))
        {
            return SourceKind.GeoNames;
        }

        if (c.Length >= 4 && long.TryParse(c[0], Inv, out _) && long.TryParse(c[1], Inv, out _))
        {
            return SourceKind.AlternateNames;
        }

        if (c.Length >= 4 && c[0].Count(ch => ch == '.') == 1)
        {
            return SourceKind.Admin1Codes;
        }

        if (c.Length >= 4 && c[0].Count(ch => ch == '.') == 2)
        {
            return SourceKind.Admin2Codes;
        }

        throw new RasidException("E321", path, "not a GeoNames dump file (geoname rows, admin1/admin2 codes, alternate names) nor a shared/geo WOF extract");
    }

    /// <summary>
    /// The index to write. One that extends the built-in gazetteer is merged with it now (an imported place that is a
    /// built-in one is folded into it), so loading it later only joins two lists.
    /// </summary>
    public GazetteerIndex ToIndex(bool extendsBuiltIn) => new(extendsBuiltIn ? Gazetteer.ForIndex(Places) : Places, extendsBuiltIn);

    private bool Keep(string cc) => _countries is null || _countries.Contains(cc);

    private void AddGeoName(string[] c)
    {
        var cc = c[8];
        if (!Keep(cc) || !long.TryParse(c[0], Inv, out var gid))
        {
            return;
        }

        var kind = GeoNamesKind(c[6], c[7], ParseLong(c[14]));
        if (kind is null)
        {
            return;
        }

        var names = new List<string>();
        if (_arabicAlternates.TryGetValue(gid, out var alts))
        {
            names.AddRange(alts);
        }

        names.AddRange(c[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(IsArabicName));
        if (IsArabicName(c[1]))
        {
            names.Insert(0, c[1]);
        }

        var admin1Raw = _admin1Codes.GetValueOrDefault(cc + "." + c[10]);
        var admin1 = admin1Raw is null ? null : _admin1.Canonical(cc, admin1Raw) ?? admin1Raw;
        var admin2 = _admin2Codes.GetValueOrDefault(cc + "." + c[10] + "." + c[11]);
        var en = c[2].Length > 0 ? c[2] : c[1];
        var place = new Place("gn:" + c[0], kind.Value, en, names.Distinct(StringComparer.Ordinal).ToArray(), cc, admin1, admin2,
            double.Parse(c[4], Inv), double.Parse(c[5], Inv), ParseLong(c[14]), "geonames", c[0])
        {
            NamesEnAlt = c[1] != en ? [c[1]] : [],
            Admin1Code = c[10].Length > 0 ? c[10] : null,
            Admin2Code = c[11].Length > 0 ? c[11] : null,
            GeoNamesId = gid,
            PreferredArabicCount = Math.Min(1, names.Count),
        };
        if (_byGeoNamesId.TryGetValue(gid, out var existingId))
        {
            // The same GeoNames feature from two files (cities15000 and a country dump): keep one, with every name.
            _places[existingId] = MergeNames(_places[existingId], place.NamesAr);
            return;
        }

        _places[place.Id] = place;
        _byGeoNamesId[gid] = place.Id;
    }

    private static PlaceKind? GeoNamesKind(string featureClass, string code, long population) => featureClass switch
    {
        "P" => code switch
        {
            "PPLX" => PlaceKind.Neighbourhood,
            "PPLC" or "PPLA" => PlaceKind.City,
            "PPLH" or "PPLQ" or "PPLW" => null,
            _ => population >= 100_000 ? PlaceKind.City : population >= 10_000 || code == "PPLA2" ? PlaceKind.Town : PlaceKind.Village,
        },
        "A" => code switch
        {
            "ADM1" => PlaceKind.Admin1,
            "ADM2" => PlaceKind.Admin2,
            "ADM3" => PlaceKind.Admin3,
            _ => null,
        },
        "S" => code switch
        {
            "AIRP" or "AIRF" or "AIRB" or "AIRH" => PlaceKind.Airport,
            "MILB" or "INSM" => PlaceKind.Base,
            "CMP" or "CMPRF" => PlaceKind.Camp,
            "BDG" or "RDJCT" or "OILR" or "PRT" or "HSP" or "FCL" => PlaceKind.Site,
            "PSTB" => PlaceKind.Crossing,
            "OILW" => PlaceKind.Oilfield,
            _ => null,
        },
        "H" => code is "DAM" ? PlaceKind.Dam : null,
        "L" => code is "OILF" ? PlaceKind.Oilfield : code is "AREA" or "RGN" ? PlaceKind.Region : null,
        _ => null,
    };

    private void AddWof(List<string[]> rows)
    {
        // Columns (shared/geo/README.md): 0 wof_id, 1 country, 2 placetype, 4 name, 5 name_ar, 6 names_ar_alt, 7 name_en,
        // 8 names_other, 9 lat, 10 lon, 11 population, 12 gn_id, 15 region_id, 16 county_id, 19 is_current,
        // 20 deprecated, 21 superseded_by.
        var byId = new Dictionary<string, string[]>(rows.Count, StringComparer.Ordinal);
        foreach (var c in rows)
        {
            byId[c[0]] = c;
        }

        foreach (var c in rows)
        {
            if (c[20].Length > 0 || c[21].Length > 0 || c[19] == "0" || !Keep(c[1]))
            {
                continue;
            }

            var population = ParseLong(c[11]);
            PlaceKind? kind = c[2] switch
            {
                "region" => PlaceKind.Admin1,
                "county" => PlaceKind.Admin2,
                "localadmin" => PlaceKind.Admin3,
                "locality" => population >= 100_000 ? PlaceKind.City : population >= 10_000 ? PlaceKind.Town : PlaceKind.Village,
                "neighbourhood" or "macrohood" or "microhood" or "borough" => PlaceKind.Neighbourhood,
                "campus" => PlaceKind.Airport,
                _ => null,
            };
            if (kind is null || !double.TryParse(c[9], Inv, out var lat) || !double.TryParse(c[10], Inv, out var lon) || (lat == 0 && lon == 0))
            {
                continue;
            }

            var names = new List<string>();
            if (IsArabicName(c[5]))
            {
                names.Add(c[5].Trim());
            }

            int pref = names.Count;
            names.AddRange(c[6].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(IsArabicName));
            if (IsArabicName(c[4]) && !names.Contains(c[4]))
            {
                names.Add(c[4]);
            }

            var latin = new List<string>();
            if (c[7].Length > 0)
            {
                latin.Add(c[7]);
            }

            if (c[4].Length > 0 && !IsArabicName(c[4]))
            {
                latin.Add(c[4]);
            }

            latin.AddRange(c[8].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            latin = latin.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (latin.Count == 0 && names.Count == 0)
            {
                continue;
            }

            var cc = c[1];
            string? admin1 = null;
            var regionRow = c[2] == "region" ? c : c[15].Length > 0 ? byId.GetValueOrDefault(c[15]) : null;
            if (regionRow is not null)
            {
                admin1 = _admin1.Canonical(cc, regionRow[5]) ?? _admin1.Canonical(cc, regionRow[7]) ?? _admin1.Canonical(cc, regionRow[4])
                    ?? (regionRow[7].Length > 0 ? regionRow[7] : regionRow[4]);
            }

            string? admin2 = null;
            var countyRow = c[2] == "county" ? c : c[16].Length > 0 ? byId.GetValueOrDefault(c[16]) : null;
            if (countyRow is not null)
            {
                admin2 = countyRow[7].Length > 0 ? countyRow[7] : countyRow[4];
            }

            long? gid = long.TryParse(c[12], Inv, out var g) && g > 0 ? g : null;
            var place = new Place("wof:" + c[0], kind.Value, latin.Count > 0 ? latin[0] : names[0], names.Distinct(StringComparer.Ordinal).ToArray(),
                cc, admin1, admin2, lat, lon, population, "wof", c[0])
            {
                NamesEnAlt = latin.Skip(1).ToArray(),
                GeoNamesId = gid,
                PreferredArabicCount = pref,
            };
            if (gid is not null && _byGeoNamesId.TryGetValue(gid.Value, out var existing) && _places[existing].Source == "geonames")
            {
                // WOF carries the hierarchy and more Arabic forms; keep GeoNames' Arabic names too.
                _places.Remove(existing);
                place = MergeNames(place, _places.GetValueOrDefault(existing)?.NamesAr ?? []);
            }

            _places[place.Id] = place;
            if (gid is not null)
            {
                _byGeoNamesId[gid.Value] = place.Id;
            }
        }
    }

    private void AddArabicIndexRow(string[] c)
    {
        // ar_norm, ar_name, source, source_id, country, type, lat, lon, population, name_latin, gn_id, name_kind
        var cc = c[4];
        if (!Keep(cc) || !IsArabicName(c[1]))
        {
            return;
        }

        string? target = c[2] == "wof" ? "wof:" + c[3] : null;
        if ((target is null || !_places.ContainsKey(target)) && long.TryParse(c[10], Inv, out var gid) && _byGeoNamesId.TryGetValue(gid, out var byGn))
        {
            target = byGn;
        }

        if (target is not null && _places.TryGetValue(target, out var existing))
        {
            _places[target] = MergeNames(existing, [c[1]]);
            return;
        }

        var population = ParseLong(c[8]);
        PlaceKind? kind = c[5] switch
        {
            "region" => PlaceKind.Admin1,
            "county" => PlaceKind.Admin2,
            "localadmin" => PlaceKind.Admin3,
            "locality" => population >= 100_000 ? PlaceKind.City : population >= 10_000 ? PlaceKind.Town : PlaceKind.Village,
            "neighbourhood" => PlaceKind.Neighbourhood,
            _ when c[5].Contains('.', StringComparison.Ordinal) => GeoNamesKind(c[5][..c[5].IndexOf('.', StringComparison.Ordinal)], c[5][(c[5].IndexOf('.', StringComparison.Ordinal) + 1)..], population),
            _ => null,
        };
        if (kind is null || !double.TryParse(c[6], Inv, out var lat) || !double.TryParse(c[7], Inv, out var lon))
        {
            return;
        }

        long? gn = long.TryParse(c[10], Inv, out var g2) && g2 > 0 ? g2 : null;
        var id = (c[2] == "wof" ? "wof:" : "gn:") + c[3];
        var place = new Place(id, kind.Value, c[9].Length > 0 ? c[9] : c[1], [c[1]], cc, null, null, lat, lon, population, c[2] == "wof" ? "wof" : "geonames", c[3])
        {
            GeoNamesId = gn,
            PreferredArabicCount = c[11] == "pref" ? 1 : 0,
        };
        _places[id] = place;
        if (gn is not null)
        {
            _byGeoNamesId.TryAdd(gn.Value, id);
        }
    }

    private static Place MergeNames(Place p, IReadOnlyList<string> more)
    {
        var extra = more.Where(n => !p.NamesAr.Contains(n, StringComparer.Ordinal)).ToArray();
        return extra.Length == 0 ? p : p with { NamesAr = p.NamesAr.Concat(extra).ToArray(), Keys = null };
    }

    /// <summary>An Arabic-script name in Arabic proper (Persian/Kurdish-only letters mark names in other languages).</summary>
    internal static bool IsArabicName(string s)
    {
        if (string.IsNullOrWhiteSpace(s))
        {
            return false;
        }

        bool arabic = false;
        foreach (char ch in s)
        {
            if (ch is 'پ' or 'چ' or 'ژ' or 'گ' or 'ڤ' or 'ک' or 'ی' or 'ە' or 'ێ' or 'ۆ' or 'ڕ' or 'ڵ' or 'ھ' or 'ۇ' or 'ې')
            {
                return false;
            }

            if (ch is >= '\u0621' and <= '\u064A')
            {
                arabic = true;
            }
            else if (char.IsAsciiLetter(ch))
            {
                return false;
            }
        }

        return arabic;
    }

    private static long ParseLong(string s) => long.TryParse(s, NumberStyles.Integer, Inv, out var v) ? v : 0;

    private static CountedStream OpenCounted(string path, out long total)
    {
        if (!File.Exists(path))
        {
            throw new RasidException("E322", path, "file not found");
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        total = file.Length;
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return new CountedStream(file, new GZipStream(file, CompressionMode.Decompress), null);
        }

        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            // GeoNames ships SY.zip holding SY.txt (and a readme): read the biggest .txt entry.
            var zip = new ZipArchive(file, ZipArchiveMode.Read);
            var entry = zip.Entries.Where(e => e.Name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)).MaxBy(e => e.Length)
                ?? throw new RasidException("E323", path, "zip archive holds no .txt file");
            return new CountedStream(file, entry.Open(), zip);
        }

        return new CountedStream(file, file, null);
    }

    /// <summary>A source stream with the position of the underlying file (compressed bytes) for the progress bar.</summary>
    private sealed class CountedStream(FileStream file, Stream reader, IDisposable? owner) : IDisposable
    {
        public Stream Reader { get; } = reader;

        public long Position => file.Position;

        public void Dispose()
        {
            Reader.Dispose();
            owner?.Dispose();
            file.Dispose();
        }
    }
}

/// <summary>Kinds of import source, in the order they are read.</summary>
public enum SourceKind
{
    Admin1Codes,
    Admin2Codes,
    AlternateNames,
    GeoNames,
    WhosOnFirst,
    ArabicNameIndex,
}
