using Perfolizer.Horology;

namespace Rasid.Bench;

/// <summary>
/// A BenchmarkDotNet clock that reads this process's CPU time (ns) instead of the wall clock, so iterations are not
/// billed for time spent waiting for a core on a shared machine. The default of <c>micro</c> on Linux; <c>micro --wall-clock</c> restores the wall clock.
/// </summary>
public sealed class CpuTimeClock : IClock
{
    public static readonly CpuTimeClock Instance = new();

    public string Title => "Process CPU time (clock_gettime)";

    public bool IsAvailable => OperatingSystem.IsLinux();

    public Frequency Frequency => Frequency.GHz;

    public long GetTimestamp() => CpuClock.Nanoseconds();
}
