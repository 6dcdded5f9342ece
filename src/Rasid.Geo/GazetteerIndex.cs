using System.IO.Compression;
using System.Text;
using Rasid.Core;

namespace Rasid.Geo;

/// <summary>
/// The compact runtime gazetteer written by <c>rasid gazetteer import</c> (raw sources compiled once, as NodaTime compiles
/// tz data; STYLE.md §8): a gzip-compressed binary file of places with a string table, read in one pass.
/// </summary>
/// <remarks>
/// Layout (little-endian, after gzip): magic "RASIDGZ2", flags (bit 0: extends the built-in gazetteer), string count
/// and strings (index 0 is the empty string), place count, then per place: id, kind byte, name_en, alt count + names,
/// Arabic count + preferred count + names, country, admin1, admin2, admin1 code, admin2 code, source, source id (string
/// indexes as 7-bit ints), lat and lon (float64), population (7-bit), GeoNames id (7-bit, 0 = none), lookup keys
/// (count + string indexes; precomputed so loading does not normalize).
/// </remarks>
public sealed class GazetteerIndex
{
    private const string Magic = "RASIDGZ2";

    public GazetteerIndex(IReadOnlyList<Place> places, bool extendsBuiltIn)
    {
        Places = places;
        ExtendsBuiltIn = extendsBuiltIn;
    }

    public IReadOnlyList<Place> Places { get; }

    /// <summary>True when the index adds to the built-in gazetteer; false when it replaces it.</summary>
    public bool ExtendsBuiltIn { get; }

    /// <summary>Where an import writes the index when no path is given: the user's data directory (rasid/gazetteer.idx).</summary>
    public static string DefaultPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "rasid", "gazetteer.idx");

    public void Write(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        var tmp = path + ".tmp";
        using (var file = File.Create(tmp))
        {
            Write(file);
        }

        File.Move(tmp, path, overwrite: true);
    }

    public void Write(Stream stream)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal) { [string.Empty] = 0 };
        var table = new List<string> { string.Empty };
        int S(string? s)
        {
            s ??= string.Empty;
            if (!strings.TryGetValue(s, out int i))
            {
                i = table.Count;
                strings[s] = i;
                table.Add(s);
            }

            return i;
        }

        var body = new MemoryStream();
        using (var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            w.Write7BitEncodedInt(Places.Count);
            foreach (var p in Places)
            {
                w.Write7BitEncodedInt(S(p.Id));
                w.Write((byte)p.Kind);
                w.Write7BitEncodedInt(S(p.NameEn));
                w.Write7BitEncodedInt(p.NamesEnAlt.Count);
                foreach (var n in p.NamesEnAlt)
                {
                    w.Write7BitEncodedInt(S(n));
                }

                w.Write7BitEncodedInt(p.NamesAr.Count);
                w.Write7BitEncodedInt(p.PreferredArabicCount);
                foreach (var n in p.NamesAr)
                {
                    w.Write7BitEncodedInt(S(n));
                }

                w.Write7BitEncodedInt(S(p.CountryCode));
                w.Write7BitEncodedInt(S(p.Admin1));
                w.Write7BitEncodedInt(S(p.Admin2));
                w.Write7BitEncodedInt(S(p.Admin1Code));
                w.Write7BitEncodedInt(S(p.Admin2Code));
                w.Write7BitEncodedInt(S(p.Source));
                w.Write7BitEncodedInt(S(p.SourceId));
                w.Write(p.Latitude);
                w.Write(p.Longitude);
                w.Write7BitEncodedInt64(Math.Max(0, p.Population));
                w.Write7BitEncodedInt64(p.GeoNamesId ?? 0);
                var keys = Gazetteer.KeysOf(p);
                w.Write7BitEncodedInt(keys.Count);
                foreach (var k in keys)
                {
                    w.Write7BitEncodedInt(S(k));
                }
            }
        }

        using var gzip = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true);
        using var o = new BinaryWriter(gzip, Encoding.UTF8, leaveOpen: true);
        o.Write(Encoding.ASCII.GetBytes(Magic));
        o.Write7BitEncodedInt(ExtendsBuiltIn ? 1 : 0);
        o.Write7BitEncodedInt(table.Count);
        foreach (var s in table)
        {
            o.Write(s);
        }

        o.Flush();
        body.Position = 0;
        body.CopyTo(gzip);
    }

    public static GazetteerIndex Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new RasidException("E310", path, "gazetteer index not found (build one with `rasid gazetteer import`)");
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            return Read(file);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            throw new RasidException("E311", path, $"not a readable Rasid gazetteer index ({e.Message})");
        }
    }

    public static GazetteerIndex Read(Stream stream)
    {
        // Decompress in one go, then parse from memory: many small reads through a decompressor are slow.
        var raw = new MemoryStream();
        using (var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true))
        {
            gzip.CopyTo(raw, 1 << 20);
        }

        raw.Position = 0;
        using var r = new BinaryReader(raw, Encoding.UTF8);
        var magic = Encoding.ASCII.GetString(r.ReadBytes(Magic.Length));
        if (magic != Magic)
        {
            throw new InvalidDataException("bad magic");
        }

        int flags = r.Read7BitEncodedInt();
        var table = new string[r.Read7BitEncodedInt()];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = r.ReadString();
        }

        string S() => table[r.Read7BitEncodedInt()];
        string? N()
        {
            var s = S();
            return s.Length == 0 ? null : s;
        }

        var places = new Place[r.Read7BitEncodedInt()];
        for (int i = 0; i < places.Length; i++)
        {
            var id = S();
            var kind = (PlaceKind)r.ReadByte();
            var nameEn = S();
            var alt = new string[r.Read7BitEncodedInt()];
            for (int j = 0; j < alt.Length; j++)
            {
                alt[j] = S();
            }

            var ar = new string[r.Read7BitEncodedInt()];
            int pref = r.Read7BitEncodedInt();
            for (int j = 0; j < ar.Length; j++)
            {
                ar[j] = S();
            }

            var cc = S();
            var admin1 = N();
            var admin2 = N();
            var admin1Code = N();
            var admin2Code = N();
            var source = S();
            var sourceId = N();
            double lat = r.ReadDouble(), lon = r.ReadDouble();
            long pop = r.Read7BitEncodedInt64(), gn = r.Read7BitEncodedInt64();
            var keys = new string[r.Read7BitEncodedInt()];
            for (int j = 0; j < keys.Length; j++)
            {
                keys[j] = S();
            }

            places[i] = new Place(id, kind, nameEn, ar, cc, admin1, admin2, lat, lon, pop, source, sourceId)
            {
                NamesEnAlt = alt,
                PreferredArabicCount = pref,
                Admin1Code = admin1Code,
                Admin2Code = admin2Code,
                GeoNamesId = gn == 0 ? null : gn,
                Keys = keys,
            };
        }

        return new GazetteerIndex(places, (flags & 1) != 0);
    }
}
