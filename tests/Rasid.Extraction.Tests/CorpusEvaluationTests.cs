using System.Diagnostics;
using Rasid.Tests;
using Xunit.Abstractions;

namespace Rasid.Extraction.Tests;

/// <summary>
/// Runs the extractor over seed and dev, scores it by FORMAT.md (<see cref="GoldScorer"/>), prints the figures and, when
/// python3 is present, cross-checks them with ../shared/tools/score.py over the same outputs.
/// </summary>
public sealed class CorpusEvaluationTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Seed_scores_perfectly_with_no_modality_errors()
    {
        var dir = SharedData.Require("corpus", "seed");
        var result = Evaluate([dir], "seed");
        Assert.Equal(0, result.ModalityErrors);
        Assert.Equal(1.0, result.Recall);
        Assert.Equal(1.0, result.Precision);
        Assert.Equal(1.0, result.FieldAccuracy("fatalities"));
    }

    [SkippableFact]
    public void Dev_stays_above_its_regression_floor()
    {
        var dir = SharedData.Require("corpus", "dev");
        var result = Evaluate([dir], "dev");
        Assert.True(result.F1 >= 0.62, $"dev F1 {result.F1:0.000} fell below the regression floor");
    }

    private GoldScorer.Result Evaluate(string[] dirs, string label)
    {
        var outDir = Path.Combine(Path.GetTempPath(), "rasid-eval-" + label);
        Directory.CreateDirectory(outDir);
        var docs = new List<GoldScorer.DocumentResult>();
        foreach (var dir in dirs)
        {
            foreach (var g in GoldCorpus.Load(dir))
            {
                var events = GoldCorpus.Extractor.Extract(g.Document);
                var lines = events.Select(e => GoldCorpus.ToJsonLine(GoldCorpus.ToAcledJson(e, withText: true)));
                File.WriteAllLines(Path.Combine(outDir, g.Name + ".jsonl"), lines);
                var r = GoldScorer.ScoreDocument(g.Gold, g.Document.Text, events);
                docs.Add(r);
                if (Environment.GetEnvironmentVariable("RASID_EVAL_VERBOSE") == "1")
                {
                    output.WriteLine($"{g.Name}: tp={r.TruePositives} fp={r.FalsePositives} req={r.Required} sys={r.System} missed=[{string.Join(",", r.Missed)}] spurious=[{string.Join(" | ", r.Spurious)}] mod_err={r.ModalityErrors}");
                }
            }
        }

        var total = GoldScorer.Total(docs);
        output.WriteLine($"{label}: {total}");
        CrossCheck(dirs, outDir);
        return total;
    }

    private void CrossCheck(string[] dirs, string outDir)
    {
        var script = SharedData.PathTo("tools", "score.py");
        if (script is null)
        {
            return;
        }

        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        foreach (var d in dirs)
        {
            psi.ArgumentList.Add("--gold");
            psi.ArgumentList.Add(d);
        }

        psi.ArgumentList.Add("--outputs");
        psi.ArgumentList.Add(outDir);
        try
        {
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            output.WriteLine("score.py: " + stdout.Trim());
        }
        catch (System.ComponentModel.Win32Exception)
        {
            output.WriteLine("score.py cross-check skipped: python3 not found");
        }
    }
}
