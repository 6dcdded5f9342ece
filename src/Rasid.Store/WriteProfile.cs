using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Rasid.Store;

/// <summary>
/// Where the store's single writer spends its time, step by step, when <c>RASID_PROFILE_WRITES=1</c> is set (off
/// otherwise: a disabled step costs one branch). <c>rasid ingest</c> prints the table at the end, so a slow ingest can
/// be explained without a profiler. Each step is timed by the writer thread's CPU time (Linux; wall clock elsewhere),
/// which other processes on a busy machine do not inflate.
/// </summary>
public static partial class WriteProfile
{
    private static readonly Dictionary<string, (long Nanoseconds, long Count)> Steps = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("RASID_PROFILE_WRITES") == "1";

    /// <summary>A timestamp to pass to <see cref="Add"/> (0 when profiling is off).</summary>
    public static long Start() => Enabled ? ThreadNanoseconds() : 0;

    /// <summary>Adds the time since <paramref name="started"/> to step <paramref name="step"/>.</summary>
    public static void Add(string step, long started)
    {
        if (!Enabled)
        {
            return;
        }

        long elapsed = ThreadNanoseconds() - started;
        lock (Gate)
        {
            Steps[step] = Steps.TryGetValue(step, out var s) ? (s.Nanoseconds + elapsed, s.Count + 1) : (elapsed, 1);
        }
    }

    /// <summary>The steps as a Markdown table (empty when profiling is off or nothing was written).</summary>
    public static string Report()
    {
        lock (Gate)
        {
            if (Steps.Count == 0)
            {
                return string.Empty;
            }

            var clock = _threadClock ? "CPU s (thread)" : "wall s";
            var lines = new List<string> { $"| writer step | calls | {clock} | µs per call |", "|---|---:|---:|---:|" };
            foreach (var (name, (nanoseconds, count)) in Steps.OrderByDescending(s => s.Value.Nanoseconds))
            {
                double seconds = nanoseconds / 1e9;
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {name} | {count} | {seconds:F2} | {seconds * 1e6 / count:F0} |"));
            }

            return string.Join(Environment.NewLine, lines);
        }
    }

    private const int ClockThreadCpuTimeId = 3;

    private static bool _threadClock = OperatingSystem.IsLinux();

    private static long ThreadNanoseconds()
    {
        if (_threadClock)
        {
            try
            {
                if (ClockGetTime(ClockThreadCpuTimeId, out var ts) == 0)
                {
                    return ts.Seconds * 1_000_000_000L + ts.Nanoseconds;
                }
            }
            catch (DllNotFoundException)
            {
            }
            catch (EntryPointNotFoundException)
            {
            }

            _threadClock = false;
        }

        return (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
