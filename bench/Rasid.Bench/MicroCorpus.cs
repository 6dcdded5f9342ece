using System.Text;

namespace Rasid.Bench;

/// <summary>
/// The fixed input of the micro-benchmarks: 200 articles spread over the bulk corpus (every ~153rd), read from
/// ../shared at run time and never committed, plus the Arabic place names of ../shared/geo/ar_name_index.tsv.gz for
/// the phrase matcher. Loaded once per process.
/// </summary>
public static class MicroCorpus
{
    public const int ArticleCount = 200;

    private static readonly Lazy<string[]> LazyTexts = new(() =>
        BulkCorpus.Sample(BulkCorpus.Resolve(null), ArticleCount).Select(a => a.Text).ToArray());

    private static readonly Lazy<string[]> LazyPlaceNames = new(ReadPlaceNames);

    public static string[] Texts => LazyTexts.Value;

    public static long Utf8Bytes => Texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));

    public static long Chars => Texts.Sum(t => (long)t.Length);

    /// <summary>Distinct Arabic place names (column ar_name) of the shared gazetteer index.</summary>
    public static string[] PlaceNameList => LazyPlaceNames.Value;

    private static string[] ReadPlaceNames() =>
        PlaceNames.Read(BulkCorpus.Resolve(null)) ?? throw new FileNotFoundException(
            "the phrase-matcher benchmark reads the place names of ../shared/geo/ar_name_index.tsv.gz in place; it is missing.");
}
