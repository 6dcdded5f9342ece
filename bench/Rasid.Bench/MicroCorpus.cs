using System.IO.Compression;
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
    public static string[] PlaceNames => LazyPlaceNames.Value;

    private static string[] ReadPlaceNames()
    {
        var corpus = BulkCorpus.Resolve(null);
        var shared = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(corpus)!, "..", ".."));
        var index = Path.Combine(shared, "geo", "ar_name_index.tsv.gz");
        if (!File.Exists(index))
        {
            throw new FileNotFoundException($"the phrase-matcher benchmark reads the place names of {index} in place; it is missing.", index);
        }

        using var file = File.OpenRead(index);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8);
        var header = reader.ReadLine()!.Split('\t');
        int column = Array.IndexOf(header, "ar_name");
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            if (column < fields.Length && fields[column].Length > 1)
            {
                names.Add(fields[column]);
            }
        }

        return names.Order(StringComparer.Ordinal).ToArray();
    }
}
