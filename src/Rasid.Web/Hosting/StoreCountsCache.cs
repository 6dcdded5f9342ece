using Rasid.Store;

namespace Rasid.Web.Hosting;

/// <summary>
/// The store's counts for /api/ingest/status, which every open dashboard polls. Counting a large SQLite store takes a
/// few hundred milliseconds (COUNT(*) reads the whole documents table), so the counts are kept for a few seconds, and
/// taken again at once when this server has received a document since.
/// </summary>
public sealed class StoreCountsCache(IEventStore store, IngestTracker tracker, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    private readonly Lock _lock = new();
    private (StoreStats Stats, DateTimeOffset At, long Finished)? _last;

    public StoreStats Get()
    {
        var now = clock.GetUtcNow();
        var t = tracker.Snapshot();
        long finished = t.DocumentsStored + t.DocumentsSkipped + t.DocumentsFailed;
        lock (_lock)
        {
            if (_last is { } c && now - c.At < MaxAge && c.Finished == finished && t.InFlight == 0)
            {
                return c.Stats;
            }
        }

        var stats = store.Stats();
        lock (_lock)
        {
            _last = (stats, now, finished);
        }

        return stats;
    }
}
