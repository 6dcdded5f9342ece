using System.Runtime.CompilerServices;

namespace Rasid.Tests;

/// <summary>
/// Finds ../shared (beside the repository root) for tests that read the real corpus, gazetteers and NLP data in place.
/// Tests that need it skip with a clear message when it is absent.
/// </summary>
public static class SharedData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The shared folder, or null when it is not beside the repository.</summary>
    public static string? Root
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("RASID_SHARED");
            if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
            {
                return env;
            }

            var p = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
            return Directory.Exists(p) ? p : null;
        }
    }

    public const string MissingMessage = "../shared is not beside the repository (set RASID_SHARED to its path); this test reads the shared corpus in place.";

    /// <summary>
    /// Path under ../shared; skips the calling test (it must be a <c>[SkippableFact]</c> or <c>[SkippableTheory]</c>)
    /// with a clear message when ../shared or that file is absent.
    /// </summary>
    public static string Require(params string[] parts)
    {
        var p = PathTo(parts);
        Skip.If(p is null, $"{MissingMessage} Missing: {Path.Combine(parts)}");
        return p!;
    }

    /// <summary>Path under ../shared, or null when ../shared (or that file) is absent.</summary>
    public static string? PathTo(params string[] parts)
    {
        if (Root is null)
        {
            return null;
        }

        var p = Path.Combine([Root, .. parts]);
        return File.Exists(p) || Directory.Exists(p) ? p : null;
    }

    private static string FindRepoRoot([CallerFilePath] string here = "")
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir, "Rasid.slnx")))
            {
                return dir;
            }

            dir = Path.GetDirectoryName(dir);
        }

        return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));
    }
}
