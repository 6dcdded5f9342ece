using System.IO.Compression;
using System.Text;

namespace Rasid.Bench;

/// <summary>
/// The Arabic place names of ../shared/geo/ar_name_index.tsv.gz (column ar_name, distinct), read in place: a
/// realistic gazetteer-sized dictionary (~60k names) for the phrase-matcher measurements.
/// </summary>
public static class PlaceNames
{
    /// <summary>The names, or null when the index is not in the shared folder the corpus file sits in.</summary>
    public static string[]? Read(string corpusPath)
    {
        var shared = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(corpusPath)!, "..", ".."));
        var index = Path.Combine(shared, "geo", "ar_name_index.tsv.gz");
        if (!File.Exists(index))
        {
            return null;
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
            if (column >= 0 && column < fields.Length && fields[column].Length > 1)
            {
                names.Add(fields[column]);
            }
        }

        return names.Order(StringComparer.Ordinal).ToArray();
    }
}
