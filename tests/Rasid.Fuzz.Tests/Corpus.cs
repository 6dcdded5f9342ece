using System.Text.Json;
using Rasid.Tests;

namespace Rasid.Fuzz.Tests;

/// <summary>
/// Real articles read in place from ../shared/corpus (seed, dev, news) to be mutated. When ../shared is absent the
/// targets still run on generated text (said in the summary), so CI without the corpus still fuzzes.
/// </summary>
internal static class Corpus
{
    private static readonly Lazy<(string[] Texts, string[] JsonlLines)> Loaded = new(Load);

    /// <summary>Article texts (empty when ../shared is absent).</summary>
    public static string[] Texts => Loaded.Value.Texts;

    /// <summary>Raw lines of the news JSONL dump (empty when absent).</summary>
    public static string[] JsonlLines => Loaded.Value.JsonlLines;

    public static string Description => Texts.Length == 0
        ? "../shared/corpus absent: generated text only (" + SharedData.MissingMessage + ")"
        : $"{Texts.Length} real articles from ../shared/corpus (seed, dev, news) mutated, {JsonlLines.Length} JSONL lines";

    private static (string[], string[]) Load()
    {
        var texts = new List<string>();
        foreach (var folder in new[] { "seed", "dev" })
        {
            if (SharedData.PathTo("corpus", folder) is { } dir)
            {
                texts.AddRange(Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText));
            }
        }

        var lines = new List<string>();
        if (SharedData.PathTo("corpus", "news", "saudinewsnet-conflict-2015.jsonl") is { } news)
        {
            foreach (var line in File.ReadLines(news).Where(l => l.Length > 0))
            {
                lines.Add(line);
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.TryGetProperty("text", out var t) && t.GetString() is { Length: > 0 } text)
                {
                    texts.Add(text);
                }
            }
        }

        return ([.. texts], [.. lines]);
    }
}
