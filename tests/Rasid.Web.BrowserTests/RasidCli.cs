using System.Diagnostics;

namespace Rasid.Web.BrowserTests;

/// <summary>Runs the real <c>rasid</c> CLI (built beside the tests) as a child process.</summary>
internal static class RasidCli
{
    private static string Dll => Path.Combine(AppContext.BaseDirectory, "rasid.dll");

    private static ProcessStartInfo Info(bool stdin, string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return psi;
    }

    public static Process Start(params string[] args) => Process.Start(Info(false, args))!;

    public static (int ExitCode, string Stdout, string Stderr) Run(string? input, params string[] args)
    {
        using var p = Process.Start(Info(input is not null, args))!;
        if (input is not null)
        {
            p.StandardInput.Write(input);
            p.StandardInput.Close();
        }

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
