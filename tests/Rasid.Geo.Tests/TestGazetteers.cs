using Rasid.Arabic.Data;
using Rasid.Geo;

namespace Rasid.Geo.Tests;

/// <summary>Gazetteers for tests: a small fixture (independent of the built-in places files) and the shared WOF import.</summary>
internal static class TestGazetteers
{
    private static readonly Lazy<Gazetteer> FixtureInstance = new(() =>
    {
        var core = BuiltInGazetteerData.LoadCountriesAndAdmin1();
        var resolver = new Admin1Resolver(core.Where(p => p.Kind == PlaceKind.Admin1));
        var rows = BuiltInGazetteerData.Read(DataFile.LoadFile(Path.Combine(AppContext.BaseDirectory, "Fixtures", "places-fixture.tsv"), BuiltInGazetteerData.Columns), resolver);
        // Villages that come from an import, not from curated data: they need a locative cue to count.
        var imported = rows.Select(p => p.Kind == PlaceKind.Village ? p with { Source = "wof" } : p);
        return new Gazetteer(core.Concat(imported));
    });

    private static readonly Lazy<(Gazetteer Gazetteer, string IndexPath, IReadOnlyList<Place> Imported)> SharedInstance = new(BuildShared);

    public static Gazetteer Fixture => FixtureInstance.Value;

    /// <summary>The built-in gazetteer extended by an import of ../shared/geo (skips the calling test when absent).</summary>
    public static Gazetteer SharedWof()
    {
        Rasid.Tests.SharedData.Require("geo", "wof_places.tsv.gz");
        return SharedInstance.Value.Gazetteer;
    }

    public static string SharedIndexPath()
    {
        Rasid.Tests.SharedData.Require("geo", "wof_places.tsv.gz");
        return SharedInstance.Value.IndexPath;
    }

    /// <summary>The places of the shared/geo import alone (not merged with the built-in ones).</summary>
    public static IReadOnlyList<Place> SharedImported()
    {
        Rasid.Tests.SharedData.Require("geo", "wof_places.tsv.gz");
        return SharedInstance.Value.Imported;
    }

    private static readonly Lazy<IReadOnlyList<Place>> GeoNamesOnly = new(() =>
    {
        var geo = Path.Combine(Rasid.Tests.SharedData.Root!, "geo");
        var importer = new GazetteerImporter(["SY", "IQ", "YE", "LY"]);
        importer.ImportAll(new[] { "geonames_cities500_mena.txt.gz", "geonames_cities15000.txt.gz", "geonames_admin1CodesASCII.txt" }
            .Select(f => Path.Combine(geo, f)).Where(File.Exists));
        return importer.Places;
    });

    /// <summary>
    /// The GeoNames city files of shared/geo imported alone: their points, which the WOF import replaces by WOF's
    /// for the same GeoNames id (and WOF's point is sometimes the wrong one).
    /// </summary>
    public static IReadOnlyList<Place> SharedGeoNames()
    {
        Rasid.Tests.SharedData.Require("geo", "geonames_cities500_mena.txt.gz");
        return GeoNamesOnly.Value;
    }

    private static (Gazetteer, string, IReadOnlyList<Place>) BuildShared()
    {
        var geo = Path.Combine(Rasid.Tests.SharedData.Root!, "geo");
        var importer = new GazetteerImporter(["SY", "IQ", "YE", "LY", "LB", "JO", "PS", "EG", "SD", "SO", "IL", "TR", "IR", "SA", "KW", "BH", "QA", "AE", "OM", "DZ", "MA", "TN"]);
        importer.ImportAll(new[] { "wof_places.tsv.gz", "ar_name_index.tsv.gz", "geonames_cities500_mena.txt.gz", "geonames_cities15000.txt.gz", "geonames_admin1CodesASCII.txt" }
            .Select(f => Path.Combine(geo, f)).Where(File.Exists));
        var path = Path.Combine(Path.GetTempPath(), $"rasid-geo-tests-{Environment.ProcessId}.idx");
        var index = importer.ToIndex(extendsBuiltIn: true);
        index.Write(path);
        return (Gazetteer.Load(path), path, importer.Places);
    }
}
