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
        // Most names belong to one place: keep that place itself, and a list only for shared names (fewer allocations
        // on the 100k-place runtime index).
        var byName = new Dictionary<string, object>(Places.Count * 2, StringComparer.Ordinal);
        foreach (var p in Places)
        {
            if (p.Kind == PlaceKind.Country)
            {
                _countries.TryAdd(p.CountryCode, p);
            }

            foreach (var key in KeysOf(p))
            {
                ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(byName, key, out bool exists);
                if (!exists)
                {
                    slot = p;
                }
                else if (slot is Place one)
                {
                    if (!ReferenceEquals(one, p))
                    {
                        slot = new List<Place>(2) { one, p };
                    }
                }
                else if (slot is List<Place> list && !ReferenceEquals(list[^1], p))
                {
                    list.Add(p);
                }
            }
        }

        _byName = new Dictionary<string, Place[]>(byName.Count, StringComparer.Ordinal);
        foreach (var (key, value) in byName)
        {
            _byName[key] = value is Place single ? [single] : Deduplicate((List<Place>)value);
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
        return index.ExtendsBuiltIn ? new Gazetteer(WithBuiltIn(index.Places)) : new Gazetteer(index.Places);
    }

    /// <summary>
    /// The places an extending index stands for: the built-in ones (with the names the import added to them, which the
    /// index carries as entries under the built-in id), then the imported ones. The merge itself was done at import
    /// time (<see cref="ForIndex"/>), so loading only joins the lists.
    /// </summary>
    private static List<Place> WithBuiltIn(IReadOnlyList<Place> indexed)
    {
        var builtIn = LoadBuiltIn().Places;
        var all = new List<Place>(builtIn.Count + indexed.Count);
        var position = new Dictionary<string, int>(builtIn.Count, StringComparer.Ordinal);
        foreach (var p in builtIn)
        {
            position[p.Id] = all.Count;
            all.Add(p);
        }

        foreach (var p in indexed)
        {
            if (!p.IsBuiltIn)
            {
                all.Add(p);
            }
            else if (position.TryGetValue(p.Id, out int i))
            {
                // Today's built-in entry wins; the import only adds names (and what the entry lacks).
                var c = all[i];
                all[i] = c with
                {
                    NamesAr = c.NamesAr.Concat(p.NamesAr).Distinct(StringComparer.Ordinal).ToArray(),
                    NamesEnAlt = c.NamesEnAlt.Concat(p.NamesEnAlt).Where(n => n != c.NameEn).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
                    GeoNamesId = c.GeoNamesId ?? p.GeoNamesId,
                    Admin2 = c.Admin2 ?? p.Admin2,
                    Population = c.Population > 0 ? c.Population : p.Population,
                    Keys = null,
                };
            }
        }

        return all;
    }

    /// <summary>
    /// What an index that extends the built-in gazetteer stores for <paramref name="imported"/>: imported places that are
    /// not built-in ones, and the built-in entries the import added names to (under their built-in id).
    /// </summary>
    internal static List<Place> ForIndex(IEnumerable<Place> imported)
    {
        var builtIn = LoadBuiltIn();
        var before = builtIn.Places.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var result = new List<Place>();
        foreach (var p in builtIn.Extend(imported).Places)
        {
            if (!p.IsBuiltIn || !before.TryGetValue(p.Id, out var old))
            {
                result.Add(p);
            }
            else if (!ReferenceEquals(old, p))
            {
                result.Add(p);
            }
        }

        return result;
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
                Keys = null,
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

    /// <summary>
    /// The lookup key of a name: the normalized text's letter-and-digit runs joined by one space (punctuation and
    /// white space separate words, as the tokenizer splits them).
    /// </summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var norm = ArabicNormalizer.NormalizeKey(name);
        var sb = new System.Text.StringBuilder(norm.Length);
        bool gap = false;
        foreach (char c in norm)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (gap && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                gap = false;
                sb.Append(c);
            }
            else
            {
                gap = true;
            }
        }

        return sb.Length == norm.Length ? norm : sb.ToString();
    }

    /// <summary>The distinct lookup keys of a place's names (precomputed ones when the index stored them).</summary>
    internal static IReadOnlyList<string> KeysOf(Place p) => p.Keys ?? NameKeys(p).Distinct(StringComparer.Ordinal).ToArray();

    private static IEnumerable<string> NameKeys(Place p)
    {
        if (p.Keys is not null)
        {
            foreach (var k in p.Keys)
            {
                yield return k;
            }

            yield break;
        }

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

        if (list.Count > 8)
        {
            // A name many places share (a common village name): no pairwise check, curated and larger places first.
            list.Sort((a, b) => a.IsBuiltIn != b.IsBuiltIn ? (a.IsBuiltIn ? -1 : 1) : b.Population.CompareTo(a.Population));
            return list.ToArray();
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
