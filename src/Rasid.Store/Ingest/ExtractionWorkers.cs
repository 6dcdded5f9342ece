using System.Diagnostics;
using System.Threading.Channels;
using Rasid.Core;

namespace Rasid.Store.Ingest;

/// <summary>
/// Extraction threads with a per-document time budget. Each worker is a dedicated thread that extracts documents
/// inline; a watchdog that finds a worker past its budget records that document as failed, retires the stuck thread
/// (its late result is dropped) and starts a replacement, so no input can stall a batch and the thread pool is never
/// starved by blocked waits.
/// </summary>
internal sealed class ExtractionWorkers
{
    /// <summary>A document to extract and the content hash its reader computed (so the writer does not compute it again).</summary>
    public sealed record HashedDocument(Document Document, string ContentHash);

    private readonly IEventExtractor _extractor;
    private readonly ChannelReader<HashedDocument> _input;
    private readonly ChannelWriter<ExtractedDocument> _output;
    private readonly TimeSpan _budget;
    private readonly CancellationToken _cancellation;
    private readonly List<Slot> _slots = [];
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _active;

    public ExtractionWorkers(IEventExtractor extractor, ChannelReader<HashedDocument> input, ChannelWriter<ExtractedDocument> output, TimeSpan budget, CancellationToken cancellation)
    {
        _extractor = extractor;
        _input = input;
        _output = output;
        _budget = budget;
        _cancellation = cancellation;
    }

    /// <summary>Completes when every document has been extracted (or recorded as failed) and handed to the output.</summary>
    public Task Completion => _done.Task;

    public void Start(int count)
    {
        for (int i = 0; i < Math.Max(1, count); i++)
        {
            StartWorker();
        }

        var watchdog = new Thread(Watch) { IsBackground = true, Name = "rasid-extraction-watchdog" };
        watchdog.Start();
    }

    private sealed class Slot
    {
        public HashedDocument? Current;
        public long StartedAt;
        public bool Retired;
    }

    private void StartWorker()
    {
        var slot = new Slot();
        lock (_gate)
        {
            _slots.Add(slot);
            _active++;
        }

        var thread = new Thread(() => Work(slot)) { IsBackground = true, Name = "rasid-extraction" };
        thread.Start();
    }

    private void Work(Slot slot)
    {
        try
        {
            while (_input.WaitToReadAsync(_cancellation).AsTask().GetAwaiter().GetResult())
            {
                while (_input.TryRead(out var item))
                {
                    var doc = item.Document;
                    lock (_gate)
                    {
                        slot.Current = item;
                        slot.StartedAt = Stopwatch.GetTimestamp();
                    }

                    ExtractedDocument result;
                    try
                    {
                        result = new ExtractedDocument(doc, _extractor.Extract(doc)) { SearchBody = SearchTerms.IndexBody(doc.Text), ContentHash = item.ContentHash };
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        result = new ExtractedDocument(doc, []) { Error = $"{ex.GetType().Name}: {ex.Message}", ContentHash = item.ContentHash };
                    }

                    lock (_gate)
                    {
                        if (slot.Retired)
                        {
                            return; // the watchdog already reported this document and replaced this thread
                        }

                        slot.Current = null;
                    }

                    _output.WriteAsync(result, _cancellation).AsTask().GetAwaiter().GetResult();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            _done.TrySetException(ex);
            return;
        }

        Finish(slot);
    }

    private void Finish(Slot slot)
    {
        bool last;
        lock (_gate)
        {
            _slots.Remove(slot);
            last = --_active == 0;
        }

        if (last)
        {
            _done.TrySetResult();
        }
    }

    private void Watch()
    {
        while (!_done.Task.IsCompleted)
        {
            Thread.Sleep(50);
            var overdue = new List<HashedDocument>();
            lock (_gate)
            {
                foreach (var slot in _slots.Where(s => s.Current is not null && Stopwatch.GetElapsedTime(s.StartedAt) > _budget).ToList())
                {
                    slot.Retired = true;
                    overdue.Add(slot.Current!);
                    _slots.Remove(slot);
                    _active--;
                }
            }

            foreach (var item in overdue)
            {
                var failed = new ExtractedDocument(item.Document, [])
                {
                    ContentHash = item.ContentHash,
                    Error = $"E131: extraction took longer than the {_budget.TotalSeconds:0.###} s budget per document",
                };
                _output.WriteAsync(failed, _cancellation).AsTask().GetAwaiter().GetResult();
                StartWorker();
            }
        }
    }
}
