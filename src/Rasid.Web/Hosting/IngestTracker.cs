namespace Rasid.Web.Hosting;

/// <summary>Counts of the documents this server has been sent (POST /api/documents) for the dashboard's ingest panel.</summary>
public sealed class IngestTracker(TimeProvider clock)
{
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _recent = new();
    private long _received, _stored, _skipped, _failed, _events, _inFlight;
    private DateTimeOffset? _first, _last;

    public void Started()
    {
        lock (_lock)
        {
            _received++;
            _inFlight++;
            _first ??= clock.GetUtcNow();
        }
    }

    public void Finished(bool stored, bool skipped, bool failed, int events)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            _inFlight--;
            _stored += stored ? 1 : 0;
            _skipped += skipped ? 1 : 0;
            _failed += failed ? 1 : 0;
            _events += events;
            _last = now;
            _recent.Enqueue(now);
            Trim(now);
        }
    }

    public IngestCounts Snapshot()
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            Trim(now);
            return new IngestCounts(_received, _stored, _skipped, _failed, _events, _inFlight, _recent.Count, _first, _last);
        }
    }

    private void Trim(DateTimeOffset now)
    {
        while (_recent.Count > 0 && now - _recent.Peek() > TimeSpan.FromMinutes(1))
        {
            _recent.Dequeue();
        }
    }
}

/// <summary>What the server's own ingest did; <see cref="DocumentsLastMinute"/> is the current rate.</summary>
public sealed record IngestCounts(
    long DocumentsReceived, long DocumentsStored, long DocumentsSkipped, long DocumentsFailed, long Events, long InFlight,
    long DocumentsLastMinute, DateTimeOffset? FirstAt, DateTimeOffset? LastAt);
