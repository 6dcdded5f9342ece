using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rasid.Tests;

namespace Rasid.Cli.Tests;

/// <summary>Runs ../shared/tools/score.py (the independent reference scorer) and reads its --json --verbose output.</summary>
internal static partial class ScorePy
{
    public sealed record DocLine(string Name, int Tp, int Fp, int Required, int System, string[] Missed, int ModalityErrors);

    public sealed record Output(IReadOnlyList<DocLine> Documents, JsonElement Totals);

    /// <summary>Skips the calling test when python3 or ../shared/tools/score.py is absent.</summary>
    public static string Require()
    {
        var script = SharedData.Require("tools", "score.py");
        Skip.IfNot(PythonAvailable.Value, "python3 is not on PATH; the cross-check with score.py needs it.");
        return script;
    }

    public static Output Run(string script, IEnumerable<string> goldFolders, string outputsFolder)
    {
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(script);
        foreach (var g in goldFolders)
        {
            psi.ArgumentList.Add("--gold");
            psi.ArgumentList.Add(g);
        }

        foreach (var a in (string[])["--outputs", outputsFolder, "--json", "--verbose"])
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"score.py failed ({p.ExitCode}): {stderr}");
        var lines = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var docs = new List<DocLine>();
        foreach (var line in lines[..^1])
        {
            var m = DocLineFormat().Match(line);
            Assert.True(m.Success, $"unexpected score.py line: {line}");
            int I(string g) => int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
            var missed = QuotedId().Matches(m.Groups["missed"].Value).Select(x => x.Groups[1].Value).ToArray();
            docs.Add(new DocLine(m.Groups["name"].Value, I("tp"), I("fp"), I("req"), I("sys"), missed, I("mod")));
        }

        using var totals = JsonDocument.Parse(lines[^1]);
        return new Output(docs, totals.RootElement.Clone());
    }

    private static readonly Lazy<bool> PythonAvailable = new(() =>
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("python3", "--version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            p!.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    [GeneratedRegex(@"^(?<name>\S+): tp=(?<tp>\d+) fp=(?<fp>-?\d+) req=(?<req>\d+) sys=(?<sys>\d+) missed=\[(?<missed>.*)\] modality_errors=(?<mod>\d+)$")]
    private static partial Regex DocLineFormat();

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex QuotedId();
}
