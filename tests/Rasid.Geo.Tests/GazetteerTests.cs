using System.Text;
using Rasid.Arabic.Data;
using Rasid.Core;

namespace Rasid.Geo.Tests;

public sealed class GazetteerTests
{
    private static readonly string[] SyriaAdmin1 =
        ["Deir ez-Zor", "Ar-Raqqa", "Al-Hasakeh", "Aleppo", "Idleb", "Hama", "Homs", "Rural Damascus", "Damascus", "Dar'a", "As-Sweida", "Quneitra", "Lattakia", "Tartous"];

    private static readonly string[] IraqAdmin1 =
        ["Anbar", "Ninewa", "Salah al-Din", "Kirkuk", "Diyala", "Baghdad", "Babil", "Karbala", "Najaf", "Wasit", "Qadissiya", "Muthanna", "Thi-Qar", "Maysan", "Basrah", "Erbil", "Duhok", "Sulaymaniyah", "Halabja"];

    private static readonly string[] YemenAdmin1 =
        ["Aden", "Lahij", "Taizz", "Ibb", "Sanaa", "Amanat al Asimah", "Marib", "Al Bayda", "Ad Dali", "Abyan", "Shabwah", "Hadramawt", "Al Hudaydah", "Hajjah", "Sadah", "Al Jawf", "Amran", "Dhamar", "Raymah", "Al Mahwit", "Al Maharah", "Socotra"];

    private static readonly string[] LibyaAdmin1 =
        ["Tripoli", "Benghazi", "Misrata", "Sirte", "Derna", "Al Jabal al Akhdar", "Al Jfara", "Az Zawiyah", "Nuqat al Khams", "Al Jabal al Gharbi", "Nalut", "Wadi al Shatii", "Sabha", "Ghat", "Murzuq", "Al Jufrah", "Al Wahat", "Al Kufrah", "Al Marj", "Al Butnan", "Al Murqub", "Wadi al Hayaa"];

    public static TheoryData<string, string[]> Admin1Lists() => new()
    {
        { "SY", SyriaAdmin1 }, { "IQ", IraqAdmin1 }, { "YE", YemenAdmin1 }, { "LY", LibyaAdmin1 },
    };

    [Theory]
    [MemberData(nameof(Admin1Lists))]
    public void Every_governorate_is_built_in_under_its_acled_name_once(string cc, string[] names)
    {
        var admin1 = Gazetteer.LoadBuiltIn().Places.Where(p => p.Kind == PlaceKind.Admin1 && p.CountryCode == cc).ToList();
        Assert.Equal(names.Order(), admin1.Select(p => p.NameEn).Order());
        Assert.All(admin1, p => Assert.Equal(p.NameEn, p.Admin1));
        Assert.All(admin1, p => Assert.NotEmpty(p.NamesAr));
    }

    [Theory]
    [InlineData("SY", "Idlib", "Idleb")]
    [InlineData("SY", "إدلب", "Idleb")]
    [InlineData("SY", "ادلب", "Idleb")]
    [InlineData("SY", "Ar Raqqa", "Ar-Raqqa")]
    [InlineData("SY", "Rif-dimashq", "Rural Damascus")]
    [InlineData("SY", "Days Az Zawr", null)]
    [InlineData("IQ", "Al Anbar", "Anbar")]
    [InlineData("IQ", "Salah ad Din", "Salah al-Din")]
    [InlineData("YE", "Ṣa‘dah", "Sadah")]
    [InlineData("YE", "Amanat Alasimah", "Amanat al Asimah")]
    [InlineData("LY", "Darnah", "Derna")]
    [InlineData("LY", "An Nuqat al Khams", "Nuqat al Khams")]
    [InlineData("LY", "Wādī al Ḩayāt", "Wadi al Hayaa")]
    public void Governorate_spellings_fold_to_the_acled_name(string cc, string spelling, string? expected)
    {
        Assert.Equal(expected, Gazetteer.LoadBuiltIn().CanonicalAdmin1(cc, spelling));
    }

    [Theory]
    [InlineData("Ar Raqqa", "Ar-Raqqa", true)]
    [InlineData("Al Hasakeh", "Al-Hasakeh", true)]
    [InlineData("Deir ez-Zor", "Deir ez Zor", true)]
    [InlineData("Sabha District", "Sabha", true)]
    [InlineData("Aleppo", "Idleb", false)]
    [InlineData("", "", false)]
    public void Admin1_keys_ignore_articles_punctuation_and_diacritics(string a, string b, bool same)
    {
        Assert.Equal(same, Admin1Names.Same(a, b));
    }

    [Theory]
    [InlineData("دير الزور")]
    [InlineData("ديرالزور")]
    [InlineData("دير الزّور")]
    [InlineData("Deir ez-Zor")]
    [InlineData("deir ez-zor")]
    public void Lookup_folds_spelling_variants(string name)
    {
        Assert.Contains(Gazetteer.LoadBuiltIn().Lookup(name), p => p.Kind == PlaceKind.Admin1 && p.Admin1 == "Deir ez-Zor");
    }

    [Fact]
    public void The_builtin_gazetteer_is_loaded_once()
    {
        Assert.Same(Gazetteer.LoadBuiltIn(), Gazetteer.LoadBuiltIn());
    }

    [Fact]
    public void The_core_tables_load_without_any_places_file()
    {
        var g = new Gazetteer(BuiltInGazetteerData.LoadCountriesAndAdmin1());
        Assert.Equal("Syria", g.Country("sy")!.NameEn);
        Assert.NotEmpty(g.Lookup("تعز"));
        Assert.Empty(g.Lookup("البوكمال"));
    }

    [Theory]
    [InlineData("x\tvillage\tX\t\tقرية\tSY\tAleppo\t\t36\t37\t\t", null)]
    [InlineData("x\thamlet\tX\t\tقرية\tSY\tAleppo\t\t36\t37\t\t", "unknown kind")]
    [InlineData("x\tvillage\tX\t\tقرية\tSYR\tAleppo\t\t36\t37\t\t", "ISO 3166-1")]
    [InlineData("x\tvillage\tX\t\tقرية\tSY\tAleppo\t\t136\t37\t\t", "out of range")]
    [InlineData("x\tvillage\tX\t\tقرية\tSY\tAleppo\t\tN\t37\t\t", "not a number")]
    [InlineData("x\tvillage\tX\t\tقرية\tSY\tGotham\t\t36\t37\t\t", "no governorate")]
    [InlineData("x\tvillage\tX\t\tقرية\tSY\tAleppo\t\t36\t37\tmany\t", "population")]
    public void A_bad_places_row_stops_loading_with_file_line_and_reason(string row, string? problem)
    {
        var text = "# source: test\n# normalized: no\n" + string.Join('\t', BuiltInGazetteerData.Columns) + "\n" + row + "\n";
        var resolver = new Admin1Resolver(BuiltInGazetteerData.LoadCountriesAndAdmin1().Where(p => p.Kind == PlaceKind.Admin1));
        List<Place> Load() => BuiltInGazetteerData.Read(DataFile.Parse("places-test.tsv", new StringReader(text), BuiltInGazetteerData.Columns), resolver);
        if (problem is null)
        {
            Assert.Single(Load());
            return;
        }

        var e = Assert.Throws<RasidException>(Load);
        Assert.Contains("places-test.tsv:4", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_index_round_trips_every_field()
    {
        var places = TestGazetteers.Fixture.Places.Take(30).Select((p, i) => p with { Admin2Code = i % 2 == 0 ? "X" + i : null, GeoNamesId = i % 3 == 0 ? 1000 + i : null }).ToList();
        using var ms = new MemoryStream();
        new GazetteerIndex(places, extendsBuiltIn: false).Write(ms);
        ms.Position = 0;
        var back = GazetteerIndex.Read(ms);
        Assert.False(back.ExtendsBuiltIn);
        Assert.Equal(places.Count, back.Places.Count);
        for (int i = 0; i < places.Count; i++)
        {
            var (a, b) = (places[i], back.Places[i]);
            Assert.Equal((a.Id, a.Kind, a.NameEn, a.CountryCode, a.Admin1, a.Admin2, a.Latitude, a.Longitude, a.Population, a.Source, a.SourceId, a.Admin1Code, a.Admin2Code, a.GeoNamesId, a.PreferredArabicCount),
                (b.Id, b.Kind, b.NameEn, b.CountryCode, b.Admin1, b.Admin2, b.Latitude, b.Longitude, b.Population, b.Source, b.SourceId, b.Admin1Code, b.Admin2Code, b.GeoNamesId, b.PreferredArabicCount));
            Assert.Equal(a.NamesAr, b.NamesAr);
            Assert.Equal(a.NamesEnAlt, b.NamesEnAlt);
        }
    }

    [Fact]
    public void A_corrupt_index_is_a_clear_error()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "not an index");
        try
        {
            var e = Assert.Throws<RasidException>(() => Gazetteer.Load(path));
            Assert.Equal("E311", e.Code);
            Assert.Equal("E310", Assert.Throws<RasidException>(() => Gazetteer.Load(path + ".missing")).Code);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Extending_folds_an_imported_duplicate_into_the_builtin_entry()
    {
        var core = new Gazetteer(BuiltInGazetteerData.LoadCountriesAndAdmin1());
        var importedRegion = new Place("wof:1", PlaceKind.Admin1, "Days Az Zawr", ["دير الزور", "تعز"], "SY", "Deir ez-Zor", null, 35.0, 40.4, 900000, "wof", "1")
        { PreferredArabicCount = 1 };
        var importedVillage = new Place("wof:2", PlaceKind.Village, "Kharab", ["خراب"], "SY", "Ar-Raqqa", null, 36.1, 38.9, 0, "wof", "2");
        var g = core.Extend([importedRegion, importedVillage]);
        Assert.Equal(core.Places.Count + 1, g.Places.Count);
        var deir = Assert.Single(g.Lookup("دير الزور"));
        Assert.True(deir.IsBuiltIn);
        Assert.Contains("Days Az Zawr", deir.NamesEnAlt);
        Assert.DoesNotContain(g.Lookup("تعز"), p => p.CountryCode == "SY");
        Assert.Single(g.Lookup("خراب"));
    }

    [Fact]
    public void The_importer_reads_the_geonames_dump_layout()
    {
        var dir = Directory.CreateTempSubdirectory("rasid-gn-");
        try
        {
            var geoname = Path.Combine(dir.FullName, "SY.txt");
            File.WriteAllText(geoname, string.Join('\n',
                Row(170063, "Aleppo", "Aleppo", "Alep,Halab,حلب", 36.20124, 37.16117, "P", "PPLA", "SY", "09", 1602264),
                Row(1, "Tall Abyad", "Tall Abyad", "Tel Abyad", 36.6975, 38.9567, "P", "PPL", "SY", "04", 14825),
                Row(2, "Some Mountain", "Some Mountain", "", 36.0, 37.0, "T", "MT", "SY", "09", 0),
                Row(3, "Mosul", "Mosul", "الموصل", 36.335, 43.118, "P", "PPLA", "IQ", "15", 1739800)) + "\n", Encoding.UTF8);
            var admin1 = Path.Combine(dir.FullName, "admin1CodesASCII.txt");
            File.WriteAllText(admin1, "SY.09\tAleppo\tAleppo\t170062\nSY.04\tAr-Raqqah\tAr-Raqqah\t172957\nIQ.15\tNineveh\tNineveh\t98226\n");
            var alternates = Path.Combine(dir.FullName, "alternateNamesV2.txt");
            File.WriteAllText(alternates, "9001\t1\tar\tتل أبيض\t1\t\t\t\t\t\n9002\t1\tfr\tTell Abiad\t\t\t\t\t\t\n9003\t1\tar\tتل ابيض\t\t\t\t\t\t\n");
            var importer = new GazetteerImporter(["SY"]);
            importer.ImportAll([geoname, alternates, admin1]);
            var places = importer.Places.ToDictionary(p => p.Id);
            Assert.Equal(2, places.Count);
            var tal = places["gn:1"];
            Assert.Equal(PlaceKind.Town, tal.Kind);
            Assert.Equal("Ar-Raqqa", tal.Admin1);
            Assert.Equal("تل أبيض", tal.NamesAr[0]);
            Assert.Equal("04", tal.Admin1Code);
            Assert.Equal(PlaceKind.City, places["gn:170063"].Kind);
            Assert.Equal(["حلب"], places["gn:170063"].NamesAr);
            Assert.Equal(SourceKind.Admin1Codes, GazetteerImporter.Detect(admin1));
            Assert.Equal(SourceKind.AlternateNames, GazetteerImporter.Detect(alternates));
            Assert.Equal(SourceKind.GeoNames, GazetteerImporter.Detect(geoname));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string Row(long id, string name, string ascii, string alt, double lat, double lon, string fc, string code, string cc, string a1, long pop) =>
        string.Join('\t', id, name, ascii, alt, lat.ToString(System.Globalization.CultureInfo.InvariantCulture), lon.ToString(System.Globalization.CultureInfo.InvariantCulture),
            fc, code, cc, "", a1, "", "", "", pop, "", "300", "Asia/Damascus", "2024-01-01");
}
