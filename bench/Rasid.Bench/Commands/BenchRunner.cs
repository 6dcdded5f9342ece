using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;

namespace Rasid.Bench.Commands;

/// <summary>Runs the benchmark command tree; a bad argument or a missing input is one line on stderr, not a stack trace.</summary>
internal static class BenchRunner
{
    public static int Run(RootCommand root, string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            // The default handler would print a stack trace; expected failures are caught below instead.
            return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"Rasid.Bench: {e.Message}");
            return 2;
        }
        catch (FileNotFoundException e)
        {
            Console.Error.WriteLine($"Rasid.Bench: {e.Message}");
            return 3;
        }
    }

    /// <summary>A comma-separated list of positive integers ("1,2,4"); values below 1 count as 1.</summary>
    public static int[] PositiveInts(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(x => Math.Max(1, int.Parse(x, CultureInfo.InvariantCulture)))
            .ToArray();

    /// <summary>The PostgreSQL database named by --db, else by RASID_BENCH_PG.</summary>
    public static string PostgresDb(string? db, string command) =>
        db ?? Environment.GetEnvironmentVariable("RASID_BENCH_PG")
           ?? throw new ArgumentException($"{command} needs --db postgres://… (or RASID_BENCH_PG)");
}
