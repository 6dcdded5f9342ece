using System.Diagnostics;
using System.Threading.Channels;
using Rasid.Core;

namespace Rasid.Store.Ingest;

public sealed record IngestOptions
{
    /// <summary>
    /// Documents per write transaction. Each transaction adds a full-text segment that later merges cost again, so
    /// bigger is cheaper (bulk ingest: 200 → 1,000 cut the writer's CPU time by ≈ 10 %); a crash loses at most one batch,
    /// which the rerun redoes.
    /// </summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    public const int DefaultBatchSize = 1000;

    /// <summary>
    /// How long an extracted document may wait for its batch to fill before the batch is written anyway, so a slow
    /// source (a feed) still lands promptly. Bigger, fuller batches are cheaper: every transaction adds a full-text segment.
    /// </summary>
    public TimeSpan MaxBatchDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Extraction workers; default: one per core.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Documents longer than this (in characters) are refused with a clear reason; 0 for no limit.</summary>
    public int MaxDocumentChars { get; init; } = DefaultMaxDocumentChars;

    /// <summary>How long extraction of one document may take before it is recorded as failed and the batch moves on.</summary>
    public TimeSpan DocumentTimeBudget { get; init; } = DefaultDocumentTimeBudget;

    public const int DefaultMaxDocumentChars = 2_000_000;

    public static readonly TimeSpan DefaultDocumentTimeBudget = TimeSpan.FromSeconds(60);
}

public sealed record IngestProgress(long Read, long Stored, long Skipped, long Rejected, long Failed, long Events, TimeSpan Elapsed)
{
    public double DocumentsPerSecond => Elapsed.TotalSeconds > 0 ? (Stored + Skipped) / Elapsed.TotalSeconds : 0;
}

public sealed record IngestSummary(
    long Read, long Stored, long Skipped, long Failed, long Events, IReadOnlyList<SourceRejection> Rejected, IReadOnlyList<string> FailedDocuments, TimeSpan Elapsed);

/// <summary>
/// Reads documents, extracts events on every core, and writes them to the store in batched transactions. Idempotent:
/// documents already stored (by content hash) are skipped before extraction, so a rerun after a crash only does what
/// is missing. A document whose extraction throws is stored with status failed and reported; the batch goes on.
/// </summary>
public sealed class Ingestor
{
    private readonly IEventStore _store;
    private readonly IEventExtractor _extractor;
    private readonly IngestOptions _options;

    public Ingestor(IEventStore store, IEventExtractor extractor, IngestOptions? options = null)
    {
        _store = store;
        _extractor = extractor;
        _options = options ?? new IngestOptions();
    }

    public IngestSummary Run(IEnumerable<SourceItem> items, IProgress<IngestProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var clock = Stopwatch.StartNew();
        var known = _store.ContentHashes();
        var rejected = new List<SourceRejection>();
        var failed = new List<string>();
        long read = 0, stored = 0, skipped = 0, events = 0, failures = 0;

        var toExtract = Channel.CreateBounded<ExtractionWorkers.HashedDocument>(new BoundedChannelOptions(_options.Workers * 64) { SingleWriter = true });
        var toWrite = Channel.CreateBounded<ExtractedDocument>(new BoundedChannelOptions(Math.Max(64, _options.BatchSize)) { SingleReader = true });

        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var item in items)
                {
                    cancellation.ThrowIfCancellationRequested();
                    Interlocked.Increment(ref read);
                    switch (item)
                    {
                        case SourceRejection r:
                            lock (rejected)
                            {
                                rejected.Add(r);
                            }

                            break;
                        case SourceDocument d when _options.MaxDocumentChars > 0 && d.Document.Text.Length > _options.MaxDocumentChars:
                            lock (rejected)
                            {
                                rejected.Add(new SourceRejection(d.Input, "E130",
                                    $"document is {d.Document.Text.Length:N0} characters; the limit is {_options.MaxDocumentChars:N0} (--max-chars)"));
                            }

                            break;
                        case SourceDocument d:
                            var hash = ContentHash.Of(d.Document.Text);
                            if (!known.Add(hash))
                            {
                                Interlocked.Increment(ref skipped);
                                break;
                            }

                            await toExtract.Writer.WriteAsync(new ExtractionWorkers.HashedDocument(d.Document, hash), cancellation).ConfigureAwait(false);
                            break;
                    }
                }
            }
            finally
            {
                toExtract.Writer.Complete();
            }
        }, cancellation);

        var workers = new ExtractionWorkers(_extractor, toExtract.Reader, toWrite.Writer, _options.DocumentTimeBudget, cancellation);
        workers.Start(_options.Workers);
        var closer = workers.Completion.ContinueWith(t => toWrite.Writer.Complete(t.Exception), TaskScheduler.Default);

        // The writer runs on this thread: one connection, batched transactions.
        var batch = new List<ExtractedDocument>(_options.BatchSize);
        var lastReport = Stopwatch.StartNew();
        var batchAge = Stopwatch.StartNew();
        void Flush()
        {
            if (batch.Count == 0)
            {
                return;
            }

            long t0 = WriteProfile.Start();
            var r = _store.Write(batch);
            WriteProfile.Add("(Write, whole batch)", t0);
            stored += r.DocumentsAdded;
            Interlocked.Add(ref skipped, r.DocumentsSkipped);
            events += r.EventsAdded;
            foreach (var d in batch.Where(d => d.Error is not null))
            {
                failures++;
                failed.Add($"{d.Document.Id}: {d.Error}");
            }

            batch.Clear();
            batchAge.Restart();
        }

        var reader = toWrite.Reader;
        while (true)
        {
            var more = reader.WaitToReadAsync(cancellation).AsTask();
            if (batch.Count > 0 && Task.WaitAny([more], _options.MaxBatchDelay - batchAge.Elapsed is { Ticks: > 0 } left ? left : TimeSpan.Zero) < 0)
            {
                Flush(); // nothing new for a while: write what is waiting
            }

            if (!more.GetAwaiter().GetResult())
            {
                break;
            }

            while (reader.TryRead(out var doc))
            {
                if (batch.Count == 0)
                {
                    batchAge.Restart();
                }

                batch.Add(doc);
                if (batch.Count >= _options.BatchSize)
                {
                    Flush();
                }

                if (lastReport.ElapsedMilliseconds > 250)
                {
                    // also while the channel never runs dry (the writer is the bottleneck), or progress would stall;
                    // no flush here, so batches keep their size (the figure lags by at most one batch)
                    progress?.Report(new IngestProgress(Interlocked.Read(ref read), stored, Interlocked.Read(ref skipped), rejected.Count, failures, events, clock.Elapsed));
                    lastReport.Restart();
                }
            }

            if (batchAge.Elapsed >= _options.MaxBatchDelay)
            {
                Flush();
            }

            if (lastReport.ElapsedMilliseconds > 250)
            {
                progress?.Report(new IngestProgress(Interlocked.Read(ref read), stored, Interlocked.Read(ref skipped), rejected.Count, failures, events, clock.Elapsed));
                lastReport.Restart();
            }

        }

        Flush();
        producer.GetAwaiter().GetResult();
        closer.GetAwaiter().GetResult();
        progress?.Report(new IngestProgress(read, stored, skipped, rejected.Count, failures, events, clock.Elapsed));
        return new IngestSummary(read, stored, Interlocked.Read(ref skipped), failures, events, rejected, failed, clock.Elapsed);
    }
}
