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

    /// <summary>
    /// How long done jobs stay in the queue before this worker deletes them (at most once a minute); null keeps them.
    /// Throughput counts live in <c>job_counts</c>, so deleting them loses no figure.
    /// </summary>
    public TimeSpan? KeepDone { get; init; } = TimeSpan.FromDays(1);
}

public sealed record WorkerSummary(long Jobs, long Stored, long Events, long Failed, TimeSpan Elapsed)
{
    /// <summary>Wall time spent claiming jobs (including polls of an empty queue).</summary>
    public TimeSpan Claiming { get; init; }

    /// <summary>Wall time spent extracting (the parallel part).</summary>
    public TimeSpan Extracting { get; init; }

    /// <summary>Wall time spent writing to the store and completing jobs.</summary>
    public TimeSpan Writing { get; init; }

    /// <summary>Of <see cref="Writing"/>: time waiting for the clustering lock other writers held.</summary>
    public TimeSpan LockWait { get; init; }

    /// <summary>Of <see cref="Writing"/>: time holding the clustering lock (the part no other worker can overlap).</summary>
    public TimeSpan LockHeld { get; init; }
}

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
        if (store is PostgresEventStore pg)
        {
            // Safe here: each batch's jobs are completed after its write with a synchronous commit, which flushes the
            // write's WAL too; until then the jobs are leased and a crash returns them to the queue.
            pg.CommitWithoutWaitingForDisk = true;
        }
        Name = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
    }

    public string Name { get; }

    public WorkerSummary Run(IProgress<WorkerSummary>? progress = null, CancellationToken cancellation = default)
    {
        var tally = new Tally();
        int transientFailures = 0;
        while (!cancellation.IsCancellationRequested)
        {
            try
            {
                if (!Step(tally, progress, cancellation))
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

        return tally.Summary();
    }

    private long _lastPrune;

    /// <summary>Deletes done jobs older than <see cref="WorkerOptions.KeepDone"/>, at most once a minute per worker.</summary>
    private void PruneDoneJobs()
    {
        if (_options.KeepDone is not { } keep || (_lastPrune != 0 && Stopwatch.GetElapsedTime(_lastPrune) < TimeSpan.FromMinutes(1)))
        {
            return;
        }

        _lastPrune = Stopwatch.GetTimestamp();
        _queue.PruneDone(keep < PostgresJobQueue.MinimumKeepDone ? PostgresJobQueue.MinimumKeepDone : keep);
    }

    /// <summary>One claim–extract–write–complete round; false when the queue is drained and not following.</summary>
    private bool Step(Tally tally, IProgress<WorkerSummary>? progress, CancellationToken cancellation)
    {
        PruneDoneJobs();
        long t0 = Stopwatch.GetTimestamp();
        var claimed = _queue.Claim(Name, _options.Batch, _options.Lease);
        if (claimed.Count == 0)
        {
            bool drained = !_options.Follow && _queue.Status().IsDrained;
            if (!drained)
            {
                Thread.Sleep(_options.PollInterval); // others still hold leases, or new jobs may come
            }

            tally.Claiming += Stopwatch.GetElapsedTime(t0);
            return !drained;
        }

        long t1 = Stopwatch.GetTimestamp();
        tally.Claiming += Stopwatch.GetElapsedTime(t0, t1);
        var results = new ExtractedDocument[claimed.Count];
        Parallel.For(0, claimed.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.Threads, CancellationToken = cancellation }, i =>
        {
            var doc = claimed[i].Document;
            try
            {
                // The index body is computed here, on the extraction threads, so the write (which holds the clustering
                // lock every worker shares) does less.
                results[i] = new ExtractedDocument(doc, _extractor.Extract(doc)) { SearchBody = SearchTerms.IndexBody(doc.Text) };
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                results[i] = new ExtractedDocument(doc, []) { Error = $"{ex.GetType().Name}: {ex.Message}" };
            }
        });

        long t2 = Stopwatch.GetTimestamp();
        tally.Extracting += Stopwatch.GetElapsedTime(t1, t2);
        var pg = _store as PostgresEventStore;
        var (waitBefore, heldBefore) = (pg?.ClusteringLockWait ?? TimeSpan.Zero, pg?.ClusteringLockHeld ?? TimeSpan.Zero);
        var r = _store.Write(results);
        _queue.Complete(claimed.Select(j => j.JobId), Name);
        tally.Writing += Stopwatch.GetElapsedTime(t2);
        tally.LockWait += (pg?.ClusteringLockWait ?? TimeSpan.Zero) - waitBefore;
        tally.LockHeld += (pg?.ClusteringLockHeld ?? TimeSpan.Zero) - heldBefore;
        tally.Jobs += claimed.Count;
        tally.Stored += r.DocumentsAdded;
        tally.Events += r.EventsAdded;
        tally.Failed += results.Count(x => x.Error is not null);
        progress?.Report(tally.Summary());
        return true;
    }

    private sealed class Tally
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public long Jobs { get; set; }

        public long Stored { get; set; }

        public long Events { get; set; }

        public long Failed { get; set; }

        public TimeSpan Claiming { get; set; }

        public TimeSpan Extracting { get; set; }

        public TimeSpan Writing { get; set; }

        public TimeSpan LockWait { get; set; }

        public TimeSpan LockHeld { get; set; }

        public WorkerSummary Summary() => new(Jobs, Stored, Events, Failed, _clock.Elapsed)
        {
            Claiming = Claiming,
            Extracting = Extracting,
            Writing = Writing,
            LockWait = LockWait,
            LockHeld = LockHeld,
        };
    }
}
