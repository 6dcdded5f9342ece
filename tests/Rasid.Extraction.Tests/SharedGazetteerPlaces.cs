using System.Globalization;
using System.IO.Compression;
using Rasid.Arabic.Matching;
using Rasid.Arabic.Text;
using Rasid.Core;
using Rasid.Extraction.Mentions;

namespace Rasid.Extraction.Tests;

/// <summary>
/// Test-only stand-in for Rasid.Geo's PlaceFinder until it is merged: looks Arabic place names up in
/// ../shared/geo/ar_name_index.tsv.gz (read in place), admin1 from wof_places.tsv.gz. Accepts a name only after a locative
/// word or preposition, or when it is a large place, so common words that are also village names stay words.
/// </summary>
internal sealed class SharedGazetteerPlaces : IPlaceSource
{
    private static readonly HashSet<string> Countries = ["SY", "IQ", "YE", "LY", "LB", "JO", "PS", "EG", "IL"];

    private static readonly HashSet<string> Locatives = Normalized(
    [
        "في", "مدينة", "بلدة", "قرية", "قريتي", "منطقة", "مناطق", "حي", "حيي", "احياء", "محافظة", "محافظتي", "قضاء", "ناحية", "مديرية", "مديريتي",
        "ريف", "قرب", "من", "الى", "علي", "جبهة", "جبهات", "مخيم", "مطار", "وسط", "اطراف", "محيط", "شمال", "جنوب", "شرق", "غرب",
        "شمالي", "جنوبي", "شرقي", "غربي", "كم", "بلدتي", "مدن", "مدينتي", "داخل", "عند", "ضواحي", "جبل", "سهل", "مركز", "بمدينة", "بمحافظة",
        "بمنطقة", "ببلدة", "بقرية", "بحي", "بريف", "بمديرية", "بقضاء", "بناحية", "وبلدة", "ومدينة", "وقرية", "ومنطقة", "وحي", "ومحافظة",
    ]);

    private static readonly HashSet<string> NotPlaces = Normalized(
    [
        "الجيش", "القوات", "التحالف", "الحرس", "الامن", "الشرطه", "الدوله", "النظام", "المعارضه", "الحكومه", "المقاومه", "القاعده",
        "الشعب", "العرب", "الاسلام", "الحشد", "الصحوه", "جبهه", "السلام", "النصر", "الفتح", "الحر", "الوطن", "الامه", "الشهداء",
        "الثوره", "الشريعه", "الرئاسه", "السوق", "المطار", "المدينه", "المنطقه", "القريه", "الساحه", "المعسكر", "الجامع", "المسجد",
        "البلاد", "الحدود", "السجن", "المركز", "القصر", "الجبل", "الوادي", "المخيم", "الجسر", "الملعب", "الكليه", "الجامعه", "المستشفي",
        "البحر", "النهر", "الصحراء", "البادية", "الباديه", "الوسط", "الشمال", "الجنوب", "الشرق", "الغرب", "عدد", "احد", "اول", "امس",
        "صالح", "هادي", "صور", "بالصور", "حسن", "علي", "محمد", "عمر", "سلمان", "الاثنين", "الجمعه", "السبت", "الاحد", "الخميس", "الثلاثاء", "الاربعاء",
        "مدينه", "حرب", "جاري", "نظام", "قريه", "منطقه", "سوق", "الطريق", "طريق", "موقع", "الموقع", "المعارك", "محيط", "سلسله", "دعم",
        "مساعده", "المساعده", "القاطع", "المحكمه", "محكمه", "سيف", "شرق", "غرب", "شمال", "جنوب", "اكبر", "يالا", "الجاني", "موت", "الموت",
        "قشله", "مشارف", "تعليق", "سوريه", "سوريا", "العراق", "اليمن", "ليبيا", "لبنان", "الاردن", "مصر", "السعوديه", "تركيا", "ايران",
        "الجزيره", "الثوره", "الصابري", "قريتي", "بلده", "حي", "الحي", "جسرين", "الرئيس", "المخلوع", "الانبار", "نينوي", "الحدود",
        "تعالف", "التحالف", "عين", "راس", "باب", "بئر", "تل", "جبل", "وادي", "سهل", "ابو", "ام", "بني", "بيت", "دار", "كفر",
        "سوري", "المحليه", "محليه", "الخدمه", "السد", "باديه", "صرف", "ارزه", "سوريين", "الاهالي", "اهالي",
    ]);

    private static HashSet<string> Normalized(IEnumerable<string> words) =>
        words.Select(w => ArabicNormalizer.Normalize(w).Text).ToHashSet(StringComparer.Ordinal);

    private readonly PhraseMatcher<Row[]> _matcher;

    private SharedGazetteerPlaces(PhraseMatcher<Row[]> matcher) => _matcher = matcher;

    private sealed record Row(string Name, string NameAr, string Country, string Type, double Lat, double Lon, long Population, string? Admin1);

    private static readonly Lazy<SharedGazetteerPlaces?> Instance = new(Load);

    /// <summary>The shared instance, or null when ../shared/geo is absent.</summary>
    public static SharedGazetteerPlaces? Shared => Instance.Value;

    public IReadOnlyList<PlaceRef> Find(AnalyzedText text, string? countryHint)
    {
        var result = new List<PlaceRef>();
        foreach (var m in _matcher.FindAll(text))
        {
            var norm = string.Concat(Enumerable.Range(m.FirstToken, m.TokenCount).Select(i => text.NormString(i) + " ")).Trim();
            var key = norm[m.PrefixLength..];
            if (key.Length < 3 || NotPlaces.Contains(key))
            {
                continue;
            }

            string? before = m.FirstToken > 0 ? text.NormString(m.FirstToken - 1) : null;
            bool locative = (before is not null && Locatives.Contains(before))
                || (m.PrefixLength > 0 && key.StartsWith("ال", StringComparison.Ordinal) && text.NormOf(m.FirstToken)[..m.PrefixLength].IndexOfAny("بل") >= 0);
            // Outside the story's country only large places count ("نقلت إلى عمّان"), so village homonyms abroad stay out.
            var rows = m.Value.Where(r => r.Type is not ("country" or "continent" or "empire" or "marinearea" or "ocean")
                && (countryHint is null || r.Country == countryHint || r.Population >= 100000)).ToArray();
            if (rows.Length == 0)
            {
                continue;
            }

            bool large = rows.Any(r => r.Population >= 150000 || r.Type is "region");
            if (!locative && !large)
            {
                continue;
            }

            bool province = before is "محافظه" or "بمحافظه" or "ومحافظه" or "ولايه";
            bool near = before is "ريف" or "بريف" or "وريف" or "اطراف" or "محيط" or "ضواحي" or "قرب";
            var ordered = rows.OrderBy(r => r.Country == countryHint ? 0 : 1)
                .ThenBy(r => province ? (r.Type == "region" ? 0 : 1) : TypeRank(r.Type))
                .ThenByDescending(r => r.Population).ToList();
            var pick = ordered[0];
            var precision = pick.Type is "region" ? GeoPrecision.Province : near ? GeoPrecision.Near : GeoPrecision.Town;
            var loc = new EventLocation
            {
                CountryCode = pick.Country,
                Country = CountryName(pick.Country),
                Admin1 = pick.Type == "region" ? pick.Name : pick.Admin1,
                Name = pick.Name,
                NameArabic = pick.NameAr,
                Latitude = pick.Lat,
                Longitude = pick.Lon,
                Precision = precision,
            };
            var candidates = ordered.Take(5).Select((r, i) => new PlaceCandidate(r.Name, r.Country, r.Admin1, r.Lat, r.Lon, Math.Round(1.0 / (i + 1), 2))).ToList();
            result.Add(new PlaceRef(m.FirstToken, m.EndToken, m.Span, loc, precision, candidates));
        }

        return result;
    }

    private static int TypeRank(string type) => type switch
    {
        "locality" or "P.PPLC" or "P.PPLA" or "P.PPLA2" or "P.PPL" or "P.PPLA3" => 0,
        "localadmin" or "county" => 1,
        "neighbourhood" or "macrohood" => 2,
        "region" => 3,
        _ => 4,
    };

    private static string CountryName(string code) => code switch
    {
        "SY" => "Syria", "IQ" => "Iraq", "YE" => "Yemen", "LY" => "Libya", "LB" => "Lebanon", "JO" => "Jordan", _ => code,
    };

    private static SharedGazetteerPlaces? Load()
    {
        var index = Rasid.Tests.SharedData.PathTo("geo", "ar_name_index.tsv.gz");
        var wof = Rasid.Tests.SharedData.PathTo("geo", "wof_places.tsv.gz");
        if (index is null || wof is null)
        {
            return null;
        }

        var regionName = new Dictionary<string, string>();
        var regionOf = new Dictionary<string, string>();
        foreach (var cells in ReadTsv(wof))
        {
            if (cells[2] == "region")
            {
                regionName[cells[0]] = cells[7].Length > 0 ? cells[7] : cells[4];
            }

            if (cells.Length > 15 && cells[15].Length > 0)
            {
                regionOf[cells[0]] = cells[15];
            }
        }

        var byName = new Dictionary<string, List<Row>>();
        foreach (var c in ReadTsv(index))
        {
            if (!Countries.Contains(c[4]))
            {
                continue;
            }

            string? admin1 = c[2] == "wof" && regionOf.TryGetValue(c[3], out var rid) && regionName.TryGetValue(rid, out var rn) ? rn : null;
            long.TryParse(c[8], NumberStyles.Integer, CultureInfo.InvariantCulture, out long pop);
            var row = new Row(c[9].Length > 0 ? c[9] : c[1], c[1], c[4], c[5],
                double.Parse(c[6], CultureInfo.InvariantCulture), double.Parse(c[7], CultureInfo.InvariantCulture), pop, admin1);
            if (!byName.TryGetValue(c[0], out var list))
            {
                byName[c[0]] = list = [];
            }

            list.Add(row);
        }

        return new SharedGazetteerPlaces(PhraseMatcher<Row[]>.Build(byName.Select(kv => (kv.Key, kv.Value.ToArray())), merge: (a, b) => [.. a, .. b]));
    }

    private static IEnumerable<string[]> ReadTsv(string path)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            yield return line.Split('\t');
        }
    }
}
