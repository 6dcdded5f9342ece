using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Rasid.Bench;

/// <summary>
/// CPU time consumed by this process (all its threads: the measured one, GC and JIT helpers). On a shared machine the
/// wall clock also counts time the measured thread waited for a core, so per-core throughput is computed from CPU
/// time; the wall-clock figure is reported beside it. Nanosecond resolution through clock_gettime on Linux.
/// </summary>
public static partial class CpuClock
{
    private const int ClockProcessCpuTimeId = 2;

    private static bool _useClockGetTime = OperatingSystem.IsLinux();

    public static double Seconds() => Nanoseconds() / 1e9;

    /// <summary>CPU seconds used by the calling thread alone (Linux; the process's CPU time elsewhere).</summary>
    public static double ThreadSeconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out var ts) == 0)
        {
            return ts.Seconds + ts.Nanoseconds / 1e9;
        }

        return Seconds();
    }

    private const int ClockThreadCpuTimeId = 3;

    public static long Nanoseconds()
    {
        if (_useClockGetTime)
        {
            try
            {
                if (ClockGetTime(ClockProcessCpuTimeId, out var ts) == 0)
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

            _useClockGetTime = false;
        }

        using var p = Process.GetCurrentProcess();
        return p.TotalProcessorTime.Ticks * 100;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
