using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rasid.Bench;

/// <summary>One article of the bulk JSONL dump (fields: id, published, source, url, title, text).</summary>
public sealed record BulkArticle(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("published")] string? Published,
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("text")] string Text)
{
    public DateOnly PublishedDate =>
        DateOnly.TryParse(Published, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : new DateOnly(2015, 1, 1);
}

/// <summary>
/// Reads ../shared/corpus/bulk in place (never copied into the repository). The whole file is streamed from gzip and
/// kept in memory so the timed passes measure analysis, not I/O or JSON parsing.
/// </summary>
public static class BulkCorpus
{
    public const string DefaultRelativePath = "corpus/bulk/saudinewsnet-2015.jsonl.gz";

    /// <summary>The default corpus path: $RASID_SHARED, else ../shared beside the repository (found from the working directory or the binary).</summary>
    public static string? DefaultPath()
    {
        var env = Environment.GetEnvironmentVariable("RASID_SHARED");
        if (!string.IsNullOrEmpty(env))
        {
            var p = Path.Combine(env, DefaultRelativePath);
            if (File.Exists(p))
            {
                return p;
            }
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Rasid.slnx")))
                {
                    var p = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", DefaultRelativePath));
                    if (File.Exists(p))
                    {
                        return p;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Resolves a user-given path or the default, or explains what is missing.</summary>
    public static string Resolve(string? path)
    {
        if (path is not null)
        {
            return File.Exists(path) ? path : throw new FileNotFoundException($"corpus file not found: {path}", path);
        }

        return DefaultPath() ?? throw new FileNotFoundException(
            $"../shared/{DefaultRelativePath} is not beside the repository; pass --path FILE or set RASID_SHARED.");
    }

    /// <summary>Streams the articles of a gzip (or plain) JSONL file; <paramref name="limit"/> ≤ 0 means all.</summary>
    public static IEnumerable<BulkArticle> Read(string path, int limit = 0)
    {
        int n = 0;
        foreach (var line in Lines(path))
        {
            if (Parse(line) is not { } a)
            {
                continue;
            }

            yield return a;
            if (limit > 0 && ++n >= limit)
            {
                yield break;
            }
        }
    }

    /// <summary>A fixed, spread-out sample: every k-th line, so that <paramref name="count"/> articles cover the whole year. Only those lines are parsed.</summary>
    public static List<BulkArticle> Sample(string path, int count, int corpusSize = 30_646)
    {
        int step = Math.Max(1, corpusSize / count);
        var result = new List<BulkArticle>(count);
        int i = 0;
        foreach (var line in Lines(path))
        {
            if (i++ % step == 0 && Parse(line) is { } a)
            {
                result.Add(a);
                if (result.Count == count)
                {
                    break;
                }
            }
        }

        return result;
    }

    private static BulkArticle? Parse(string line)
    {
        var a = JsonSerializer.Deserialize<BulkArticle>(line);
        return a?.Text is null ? null : a;
    }

    private static IEnumerable<string> Lines(string path)
    {
        using var file = File.OpenRead(path);
        using Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;
        using var reader = new StreamReader(input, new UTF8Encoding(false, throwOnInvalidBytes: true));
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }
}
