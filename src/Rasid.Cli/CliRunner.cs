using System.CommandLine;
using Rasid.Core;

namespace Rasid.Cli;

/// <summary>Runs the command tree and turns expected failures into one clear line on stderr and exit code 2.</summary>
internal static class CliRunner
{
    public static int Run(RootCommand root, string[] args)
    {
        try
        {
            return root.Parse(args).Invoke();
        }
        catch (RasidException ex)
        {
            Console.Error.WriteLine($"rasid: error {ex.Message}");
            return 2;
        }
    }

    /// <summary>Wraps a command body so a <see cref="RasidException"/> becomes a message, not a stack trace.</summary>
    public static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (RasidException ex)
        {
            Console.Error.WriteLine($"rasid: error {ex.Message}");
            return 2;
        }
    }
}
