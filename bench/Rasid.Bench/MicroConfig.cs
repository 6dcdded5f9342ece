using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Rasid.Bench;

/// <summary>
/// A short job (1 launch, 3 warm-up, 5 measured iterations) so the whole suite takes a few minutes on a busy 2-core
/// machine. In-process: no generated project to build (it would inherit the repository's build policy), the figures are
/// the same code paths. Times are process CPU time (<see cref="CpuTimeClock"/>) unless <paramref name="wallClock"/>:
/// on a shared machine the wall clock mostly measures the other jobs. Adds an MB/s column (UTF-8 input bytes of the
/// 200 articles / mean time).
/// </summary>
public static class MicroConfig
{
    public static IConfig Create(bool wallClock)
    {
        var job = Job.ShortRun.WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance);
        job = wallClock || !CpuTimeClock.Instance.IsAvailable
            ? job.WithId("Short-InProcess-Wall")
            : job.WithClock(CpuTimeClock.Instance).WithId("Short-InProcess-CpuTime");
        return DefaultConfig.Instance.AddJob(job).AddColumn(new ThroughputColumn());
    }
}

/// <summary>MB/s of UTF-8 input: the micro corpus's bytes divided by the mean time of one operation.</summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Megabytes (10^6) of UTF-8 input processed per second, single-threaded";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var report = summary[benchmarkCase];
        var mean = report?.ResultStatistics?.Mean;
        if (mean is null or <= 0)
        {
            return "–";
        }

        return (MicroCorpus.Utf8Bytes / (mean.Value / 1e9) / 1e6).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
