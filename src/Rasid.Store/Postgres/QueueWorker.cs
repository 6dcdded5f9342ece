using System.Diagnostics;
using Rasid.Core;

namespace Rasid.Store.Postgres;

public sealed record WorkerOptions
{
    /// <summary>Jobs claimed at a time (one write transaction).</summary>
    public int Batch { get; init; } = 20;

    /// <summary>Extraction threads in this process.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>How long a claim lasts before another worker may take the job.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Keep polling for new jobs instead of stopping when the queue is drained.</summary>
    public bool Follow { get; init; }

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);
}

public sealed record WorkerSummary(long Jobs, long Stored, long Events, long Failed, TimeSpan Elapsed);

/// <summary>
/// One worker process: claims jobs, extracts events in parallel, writes them to the store (idempotently), marks the jobs
/// done. Stops when the queue is drained (no queued and no running jobs), unless following.
/// </summary>
public sealed class QueueWorker
{
    private readonly PostgresJobQueue _queue;
    private readonly IEventStore _store;
    private readonly IEventExtractor _extractor;
    private readonly WorkerOptions _options;

    public QueueWorker(PostgresJobQueue queue, IEventStore store, IEventExtractor extractor, WorkerOptions? options = null)
    {
        _queue = queue;
        _store = store;
        _extractor = extractor;
        _options = options ?? new WorkerOptions();
        Name = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
    }

    public string Name { get; }

    public WorkerSummary Run(IProgress<WorkerSummary>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        long jobs = 0, stored = 0, events = 0, failed = 0;
        int transientFailures = 0;
        while (!cancellation.IsCancellationRequested)
        {
            try
            {
                if (!Step(ref jobs, ref stored, ref events, ref failed, clock, progress, cancellation))
                {
                    break;
                }

                transientFailures = 0;
            }
            catch (System.Data.Common.DbException ex) when (ex.IsTransient && ++transientFailures <= 10)
            {
                // A dropped connection or a timeout under load: claimed jobs keep their lease and return to the queue
                // if this worker cannot finish them, so waiting and going on is safe.
                Thread.Sleep(TimeSpan.FromSeconds(Math.Min(30, transientFailures * 2)));
            }
        }

        return new WorkerSummary(jobs, stored, events, failed, clock.Elapsed);
    }

    /// <summary>One claim–extract–write–complete round; false when the queue is drained and not following.</summary>
    private bool Step(ref long jobs, ref long stored, ref long events, ref long failed, Stopwatch clock, IProgress<WorkerSummary>? progress, CancellationToken cancellation)
    {
        {
            var claimed = _queue.Claim(Name, _options.Batch, _options.Lease);
            if (claimed.Count == 0)
            {
                if (!_options.Follow && _queue.Status().IsDrained)
                {
                    return false;
                }

                Thread.Sleep(_options.PollInterval); // others still hold leases, or new jobs may come
                return true;
            }

            var results = new ExtractedDocument[claimed.Count];
            Parallel.For(0, claimed.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.Threads, CancellationToken = cancellation }, i =>
            {
                var doc = claimed[i].Document;
                try
                {
                    results[i] = new ExtractedDocument(doc, _extractor.Extract(doc));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    results[i] = new ExtractedDocument(doc, []) { Error = $"{ex.GetType().Name}: {ex.Message}" };
                }
            });

            var r = _store.Write(results);
            _queue.Complete(claimed.Select(j => j.JobId), Name);
            jobs += claimed.Count;
            stored += r.DocumentsAdded;
            events += r.EventsAdded;
            failed += results.Count(x => x.Error is not null);
            progress?.Report(new WorkerSummary(jobs, stored, events, failed, clock.Elapsed));
            return true;
        }
    }
}
