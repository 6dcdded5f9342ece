using System.Text;
using System.Text.Json.Nodes;
using Rasid.Tests;

namespace Rasid.Extraction.Tests;

/// <summary>
/// Pins the extraction output for every seed and dev document: one JSONL snapshot per document under Golden/ with the
/// event fields and evidence offsets (never the article text). A change shows as a reviewable diff;
/// RASID_UPDATE_GOLDEN=1 rewrites the snapshots.
/// </summary>
public sealed class GoldenSnapshotTests
{
    private static readonly string GoldenDir = Path.Combine(SharedData.RepoRoot, "tests", "Rasid.Extraction.Tests", "Golden");

    public static TheoryData<string, string> Documents()
    {
        var data = new TheoryData<string, string>();
        foreach (var sub in new[] { "seed", "dev" })
        {
            var dir = SharedData.PathTo("corpus", sub);
            if (dir is null)
            {
                continue;
            }

            foreach (var f in Directory.GetFiles(dir, "*.gold.json").Order(StringComparer.Ordinal))
            {
                data.Add(sub, Path.GetFileName(f)[..^".gold.json".Length]);
            }
        }

        if (data.Count == 0)
        {
            data.Add("absent", "absent");
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Documents))]
    public void Extraction_output_matches_the_checked_in_snapshot(string corpus, string name)
    {
        Skip.If(corpus == "absent", SharedData.MissingMessage);
        var dir = SharedData.Require("corpus", corpus);
        var doc = GoldCorpus.Load(dir).Single(g => g.Name == name);
        var events = GoldCorpus.Extractor.Extract(doc.Document);
        foreach (var e in events)
        {
            foreach (var ev in e.Evidence)
            {
                Assert.Equal(ev.Text, doc.Document.Text[ev.Start..ev.End]); // evidence is an exact substring
            }
        }

        var actual = string.Join('\n', events.Select(e => GoldCorpus.ToJsonLine(Snapshot(e)))) + "\n";
        var path = Path.Combine(GoldenDir, name + ".jsonl");
        if (Environment.GetEnvironmentVariable("RASID_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(GoldenDir);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(path), $"no snapshot {path}; run with RASID_UPDATE_GOLDEN=1 to create it");
        var expected = File.ReadAllText(path);
        if (expected != actual)
        {
            Assert.Fail($"extraction of {name} changed (RASID_UPDATE_GOLDEN=1 accepts it):\n{Diff(expected, actual)}");
        }
    }

    private static JsonObject Snapshot(Core.ConflictEvent e)
    {
        var o = GoldCorpus.ToAcledJson(e, withText: false);
        o.Remove("notes");
        return o;
    }

    private static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n').ToHashSet();
        var b = actual.Split('\n').ToHashSet();
        var sb = new StringBuilder();
        foreach (var l in expected.Split('\n').Where(l => !b.Contains(l)))
        {
            sb.Append("- ").AppendLine(l);
        }

        foreach (var l in actual.Split('\n').Where(l => !a.Contains(l)))
        {
            sb.Append("+ ").AppendLine(l);
        }

        return sb.ToString();
    }
}
