using System.Diagnostics;

namespace Rasid.Store.Tests;

/// <summary>Runs the real <c>rasid</c> CLI (built beside the tests) as a child process.</summary>
internal static class RasidProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "rasid.dll");

    public static Process Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts the CLI with extra environment variables (e.g. its own HOME, as on another machine).</summary>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment)
        {
            psi.Environment[name] = value;
        }

        psi.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return Process.Start(psi)!;
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var p = Start(args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"rasid {string.Join(' ', args)} did not finish in 5 minutes");
        }

        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
