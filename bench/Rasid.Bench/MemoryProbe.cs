using System.Diagnostics;

namespace Rasid.Bench;

/// <summary>
/// Resident memory of this process. On Linux the peak (VmHWM) can be reset by writing 5 to /proc/self/clear_refs, so
/// each stage's peak is measured on its own in one process; elsewhere the peak is the process's lifetime peak.
/// </summary>
public static class MemoryProbe
{
    public static bool CanResetPeak { get; private set; } = true;

    /// <summary>Collects garbage (full, compacting) and resets the peak-RSS mark when the OS allows it.</summary>
    public static void SettleAndResetPeak()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        if (!CanResetPeak)
        {
            return;
        }

        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            CanResetPeak = false;
        }
    }

    /// <summary>Peak resident set since the last reset, in bytes.</summary>
    public static long PeakRss() => ReadStatus("VmHWM:") ?? Refreshed().PeakWorkingSet64;

    /// <summary>Current resident set, in bytes.</summary>
    public static long CurrentRss() => ReadStatus("VmRSS:") ?? Refreshed().WorkingSet64;

    private static Process Refreshed()
    {
        var p = Process.GetCurrentProcess();
        p.Refresh();
        return p;
    }

    private static long? ReadStatus(string key)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return null;
        }

        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                var parts = line[key.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        return null;
    }
}
