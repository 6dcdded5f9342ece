using Rasid.Arabic.Matching;
using Rasid.Arabic.Text;
using Rasid.Core;

namespace Rasid.Geo;

/// <summary>
/// The places the geocoder knows, indexed by normalized name (Arabic forms, and English spellings lower-cased), with
/// a token-trie matcher over all names for finding them in text. Immutable and thread-safe once built; the built-in
/// one is loaded once per process.
/// </summary>
public sealed class Gazetteer
{
    /// <summary><see cref="Place.Source"/> of entries that ship in data/geo.</summary>
    public const string BuiltInSource = "builtin";

    private static readonly Lazy<Gazetteer> BuiltIn = new(() => new Gazetteer(BuiltInGazetteerData.LoadAll()));

    private readonly Dictionary<string, Place[]> _byName;
    private readonly Dictionary<string, Place> _countries = new(StringComparer.Ordinal);
    private readonly Admin1Resolver _admin1;
    private readonly Lazy<PhraseMatcher<Place[]>> _matcher;

    public Gazetteer(IEnumerable<Place> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        Places = places.ToArray();
        _admin1 = new Admin1Resolver(Places.Where(p => p.Kind == PlaceKind.Admin1));
        var byName = new Dictionary<string, List<Place>>(StringComparer.Ordinal);
        foreach (var p in Places)
        {
            if (p.Kind == PlaceKind.Country)
            {
                _countries.TryAdd(p.CountryCode, p);
            }

            foreach (var key in NameKeys(p))
            {
                if (!byName.TryGetValue(key, out var list))
                {
                    byName[key] = list = new List<Place>(1);
                }

                if (!list.Contains(p))
                {
                    list.Add(p);
                }
            }
        }

        _byName = new Dictionary<string, Place[]>(byName.Count, StringComparer.Ordinal);
        foreach (var (key, list) in byName)
        {
            _byName[key] = Deduplicate(list);
        }

        _matcher = new Lazy<PhraseMatcher<Place[]>>(() => PhraseMatcher<Place[]>.Build(
            _byName.Where(kv => IsArabicKey(kv.Key)).Select(kv => (kv.Key, kv.Value))));
    }

    /// <summary>Every entry.</summary>
    public IReadOnlyList<Place> Places { get; }

    /// <summary>How many distinct normalized names the index holds.</summary>
    public int NameCount => _byName.Count;

    /// <summary>The gazetteer shipped in data/geo (countries, governorates, places-*.tsv), loaded once per process.</summary>
    public static Gazetteer LoadBuiltIn() => BuiltIn.Value;

    /// <summary>
    /// Loads a runtime index written by <c>rasid gazetteer import</c>. An index built to extend the built-in
    /// gazetteer is merged with it (built-in entries win where both describe one place).
    /// </summary>
    public static Gazetteer Load(string indexPath)
    {
        var index = GazetteerIndex.Read(indexPath);
        return index.ExtendsBuiltIn ? LoadBuiltIn().Extend(index.Places) : new Gazetteer(index.Places);
    }

    /// <summary>
    /// The gazetteer a program should use: the index named by RASID_GAZETTEER, else the one in the user data directory
    /// (<see cref="GazetteerIndex.DefaultPath"/>) when an import wrote one, else the built-in one.
    /// </summary>
    public static Gazetteer LoadDefault()
    {
        var env = Environment.GetEnvironmentVariable("RASID_GAZETTEER");
        if (!string.IsNullOrEmpty(env))
        {
            return Load(env);
        }

        var path = GazetteerIndex.DefaultPath;
        return File.Exists(path) ? Load(path) : LoadBuiltIn();
    }

    /// <summary>
    /// A new gazetteer with this one's entries and <paramref name="more"/>. An added entry that is one of ours (same
    /// GeoNames id, or same name, country and kind group within a few km; a governorate by its name) is folded into
    /// ours: our coordinates and names win, its other names are added (only its preferred ones for admin units, since
    /// imported alternates of governorates are unreliable).
    /// </summary>
    public Gazetteer Extend(IEnumerable<Place> more)
    {
        ArgumentNullException.ThrowIfNull(more);
        var merged = Places.ToList();
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        var byGeoNames = new Dictionary<long, string>();
        for (int i = 0; i < merged.Count; i++)
        {
            position[merged[i].Id] = i;
            if (merged[i].GeoNamesId is { } gn)
            {
                byGeoNames.TryAdd(gn, merged[i].Id);
            }
        }

        foreach (var p in more)
        {
            Place? twin = p.GeoNamesId is { } gid && byGeoNames.TryGetValue(gid, out var tid) && merged[position[tid]].CountryCode == p.CountryCode
                ? merged[position[tid]]
                : null;
            twin ??= NameKeys(p).SelectMany(k => _byName.GetValueOrDefault(k) ?? []).FirstOrDefault(b => SamePlace(b, p));
            if (twin is null)
            {
                position[p.Id] = merged.Count;
                merged.Add(p);
                continue;
            }

            var current = merged[position[twin.Id]];
            var names = p.Kind.IsAdminUnit() ? p.NamesAr.Take(p.PreferredArabicCount) : p.NamesAr;
            merged[position[twin.Id]] = current with
            {
                NamesAr = current.NamesAr.Concat(names).Distinct(StringComparer.Ordinal).ToArray(),
                NamesEnAlt = current.NamesEnAlt.Concat(p.NamesEnAlt.Prepend(p.NameEn)).Where(n => n != current.NameEn).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
                Population = current.Kind.IsAdminUnit() ? current.Population : Math.Max(current.Population, p.Population),
                GeoNamesId = current.GeoNamesId ?? p.GeoNamesId,
                Admin2 = current.Admin2 ?? p.Admin2,
            };
        }

        return new Gazetteer(merged);
    }

    private static bool SamePlace(Place ours, Place other) =>
        ours.CountryCode == other.CountryCode && ours.Kind.IsAdminUnit() == other.Kind.IsAdminUnit()
        && (ours.Kind == PlaceKind.Admin1 || other.Kind == PlaceKind.Admin1
            ? ours.Kind == other.Kind && ours.Admin1 == other.Admin1
            : GeoMath.DistanceKm(ours, other) <= (ours.Kind.IsAdminUnit() ? 25 : 8));

    /// <summary>Places with this name (Arabic in any spelling the normalizer folds, or English, case-insensitive).</summary>
    public IReadOnlyList<Place> Lookup(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(Key(name), out var found) ? found : [];
    }

    /// <summary>The country entry for an ISO code.</summary>
    public Place? Country(string countryCode) => _countries.GetValueOrDefault(countryCode.ToUpperInvariant());

    /// <summary>The governorate entry for any usual spelling of its name (English or Arabic).</summary>
    public Place? Admin1(string countryCode, string name) => _admin1.Find(countryCode.ToUpperInvariant(), name);

    /// <summary>The ACLED spelling of a governorate name, or null when the country's table does not know it.</summary>
    public string? CanonicalAdmin1(string countryCode, string name) => Admin1(countryCode, name)?.Admin1;

    /// <summary>The token-trie matcher over all Arabic names (built on first use).</summary>
    internal PhraseMatcher<Place[]> Matcher => _matcher.Value;

    /// <summary>Builds the matcher now (otherwise the first text pays for it).</summary>
    public Gazetteer Warm()
    {
        _ = _matcher.Value;
        return this;
    }

    /// <summary>The lookup key of a name: normalized words joined by one space.</summary>
    public static string Key(string name) => string.Join(' ', PhraseMatcher<Place[]>.Words(name));

    private static IEnumerable<string> NameKeys(Place p)
    {
        foreach (var n in p.NamesAr)
        {
            var k = Key(n);
            if (k.Length > 1)
            {
                yield return k;
            }
        }

        foreach (var n in p.NamesEnAlt.Prepend(p.NameEn))
        {
            var k = Key(n);
            if (k.Length > 1)
            {
                yield return k;
            }
        }
    }

    private static bool IsArabicKey(string key) => key.Length > 0 && key[0] is >= '\u0600' and <= '\u06FF';

    /// <summary>
    /// One entry per place under a name: a built-in entry and an imported one of the same kind group within a few km are
    /// one place (the built-in, curated one is kept), so candidates shown to an analyst are distinct.
    /// </summary>
    private static Place[] Deduplicate(List<Place> list)
    {
        if (list.Count == 1)
        {
            return [list[0]];
        }

        var ordered = list.OrderByDescending(p => p.IsBuiltIn).ThenByDescending(p => p.Population).ToList();
        var kept = new List<Place>(ordered.Count);
        foreach (var p in ordered)
        {
            bool same = kept.Exists(k => k.CountryCode == p.CountryCode && k.Kind.IsAdminUnit() == p.Kind.IsAdminUnit()
                && (k.Kind == p.Kind || !k.Kind.IsAdminUnit())
                && ((k.GeoNamesId is not null && k.GeoNamesId == p.GeoNamesId)
                    || (k.Kind == PlaceKind.Admin1 && k.Admin1 == p.Admin1)
                    || GeoMath.DistanceKm(k, p) <= (p.Kind.IsAdminUnit() ? 25 : 8)));
            if (!same)
            {
                kept.Add(p);
            }
        }

        return kept.ToArray();
    }
}
