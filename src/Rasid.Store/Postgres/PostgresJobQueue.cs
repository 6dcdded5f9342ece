using System.Globalization;
using Npgsql;
using Rasid.Core;

namespace Rasid.Store.Postgres;

/// <summary>A claimed job: the document to extract and store.</summary>
public sealed record QueuedJob(long JobId, Document Document, int Attempts);

/// <summary>
/// Queue depth and throughput for <c>rasid status</c>. <see cref="Done"/> counts every job ever completed (from the per-minute
/// counts, so it stays right after done jobs are deleted); <see cref="DoneLastMinute"/> counts the jobs finished in the
/// last 60 seconds (never deleted yet: done jobs are kept at least a minute).
/// </summary>
public sealed record QueueStatus(long Queued, long Running, long Done, long Failed, long ExpiredLeases, long DoneLastMinute)
{
    public bool IsDrained => Queued == 0 && Running == 0;
}

/// <summary>
/// The ingest job queue in PostgreSQL. Workers on any machine claim jobs with <c>FOR UPDATE SKIP LOCKED</c> under a
/// lease; a job whose worker dies is claimed again once its lease expires. Delivery is at-least-once; the store's
/// idempotent writes (content hash) make it exactly-once in effect.
/// </summary>
public sealed class PostgresJobQueue
{
    private readonly NpgsqlDataSource _db;

    public PostgresJobQueue(PostgresEventStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _db = store.DataSource;
    }

    public int MaxAttempts { get; init; } = 3;

    /// <summary>Adds documents not already stored or queued; returns how many were added.</summary>
    public int Enqueue(IReadOnlyList<(Document Document, string Input)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        using var c = _db.OpenConnection();
        using var tx = c.BeginTransaction();
        int added = 0;
        foreach (var (doc, input) in documents)
        {
            using var cmd = new NpgsqlCommand("""
                INSERT INTO jobs(content_hash, doc_id, text, published, country_hint, source, url, title, input)
                SELECT @hash, @id, @text, @published, @country, @source, @url, @title, @input
                WHERE NOT EXISTS (SELECT 1 FROM documents WHERE content_hash = @hash)
                ON CONFLICT (content_hash) DO NOTHING
                """, c, tx);
            cmd.Parameters.AddWithValue("hash", ContentHash.Of(doc.Text));
            cmd.Parameters.AddWithValue("id", doc.Id);
            cmd.Parameters.AddWithValue("text", doc.Text);
            cmd.Parameters.AddWithValue("published", doc.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("country", (object?)doc.CountryHint ?? DBNull.Value);
            cmd.Parameters.AddWithValue("source", (object?)doc.Source ?? DBNull.Value);
            cmd.Parameters.AddWithValue("url", (object?)doc.Url ?? DBNull.Value);
            cmd.Parameters.AddWithValue("title", (object?)doc.Title ?? DBNull.Value);
            cmd.Parameters.AddWithValue("input", input);
            added += cmd.ExecuteNonQuery();
        }

        tx.Commit();
        return added;
    }

    /// <summary>Claims up to <paramref name="count"/> ready jobs (queued, or running with an expired lease) for a worker.</summary>
    public IReadOnlyList<QueuedJob> Claim(string worker, int count, TimeSpan lease)
    {
        using var c = _db.OpenConnection();
        using var cmd = new NpgsqlCommand("""
            UPDATE jobs SET status = 'running', lease_until = now() + @lease, worker = @worker, attempts = attempts + 1
            WHERE job_id IN (
                SELECT job_id FROM jobs
                WHERE status = 'queued' OR (status = 'running' AND lease_until < now())
                ORDER BY job_id
                FOR UPDATE SKIP LOCKED
                LIMIT @count)
            RETURNING job_id, doc_id, text, published, country_hint, source, url, title, attempts
            """, c);
        cmd.Parameters.AddWithValue("lease", lease);
        cmd.Parameters.AddWithValue("worker", worker);
        cmd.Parameters.AddWithValue("count", count);
        var jobs = new List<QueuedJob>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var doc = new Document(r.GetString(1), r.GetString(2), DateOnly.ParseExact(r.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture))
            {
                CountryHint = r.IsDBNull(4) ? null : r.GetString(4),
                Source = r.IsDBNull(5) ? null : r.GetString(5),
                Url = r.IsDBNull(6) ? null : r.GetString(6),
                Title = r.IsDBNull(7) ? null : r.GetString(7),
            };
            jobs.Add(new QueuedJob(r.GetInt64(0), doc, r.GetInt32(8)));
        }

        return jobs.OrderBy(j => j.JobId).ToList();
    }

    /// <summary>
    /// Marks jobs done (only if this worker still holds them) and counts them in this minute's row of <c>job_counts</c>,
    /// in one statement. The text is dropped: the document now lives in the store, and the job keeps its content hash,
    /// which is all later enqueues compare against — so the queue does not keep a second copy of every article. Done
    /// jobs are deleted later (<see cref="PruneDone"/>); the counts stay.
    /// </summary>
    public void Complete(IEnumerable<long> jobIds, string worker)
    {
        using var c = _db.OpenConnection();
        using var cmd = new NpgsqlCommand("""
            WITH done AS (
                UPDATE jobs SET status = 'done', finished_at = now(), lease_until = NULL, error = NULL, text = ''
                WHERE job_id = ANY(@ids) AND worker = @worker AND status = 'running'
                RETURNING 1)
            INSERT INTO job_counts(minute, done)
            SELECT date_trunc('minute', now()), count(*) FROM done HAVING count(*) > 0
            ON CONFLICT (minute) DO UPDATE SET done = job_counts.done + EXCLUDED.done
            """, c);
        cmd.Parameters.AddWithValue("ids", jobIds.ToArray());
        cmd.Parameters.AddWithValue("worker", worker);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Shortest time done jobs are kept: <see cref="QueueStatus.DoneLastMinute"/> counts them.</summary>
    public static readonly TimeSpan MinimumKeepDone = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Deletes up to <paramref name="limit"/> done jobs that finished more than <paramref name="olderThan"/> ago (oldest
    /// first); returns how many. Failed jobs stay for an operator to look at. Enqueue stays idempotent: a document whose
    /// job is gone is still found in <c>documents</c>.
    /// </summary>
    public int PruneDone(TimeSpan olderThan, int limit = 10_000)
    {
        if (olderThan < MinimumKeepDone)
        {
            throw new ArgumentOutOfRangeException(nameof(olderThan), olderThan, $"done jobs are kept at least {MinimumKeepDone}");
        }

        using var c = _db.OpenConnection();
        using var cmd = new NpgsqlCommand("""
            DELETE FROM jobs WHERE job_id IN (
                SELECT job_id FROM jobs
                WHERE finished_at < now() - @age AND status = 'done'
                ORDER BY finished_at
                LIMIT @limit)
            """, c);
        cmd.Parameters.AddWithValue("age", olderThan);
        cmd.Parameters.AddWithValue("limit", limit);
        return cmd.ExecuteNonQuery();
    }

    /// <summary>Returns a job to the queue, or fails it for good after <see cref="MaxAttempts"/>.</summary>
    public void Fail(long jobId, string worker, string error)
    {
        using var c = _db.OpenConnection();
        using var cmd = new NpgsqlCommand("""
            UPDATE jobs SET status = CASE WHEN attempts >= @max THEN 'failed' ELSE 'queued' END,
                            error = @error, lease_until = NULL, finished_at = CASE WHEN attempts >= @max THEN now() END
            WHERE job_id = @id AND worker = @worker
            """, c);
        cmd.Parameters.AddWithValue("max", MaxAttempts);
        cmd.Parameters.AddWithValue("error", error);
        cmd.Parameters.AddWithValue("id", jobId);
        cmd.Parameters.AddWithValue("worker", worker);
        cmd.ExecuteNonQuery();
    }

    public QueueStatus Status()
    {
        using var c = _db.OpenConnection();
        using var cmd = new NpgsqlCommand("""
            SELECT count(*) FILTER (WHERE status = 'queued'),
                   count(*) FILTER (WHERE status = 'running'),
                   (SELECT COALESCE(sum(done), 0)::bigint FROM job_counts),
                   count(*) FILTER (WHERE status = 'failed'),
                   count(*) FILTER (WHERE status = 'running' AND lease_until < now()),
                   count(*) FILTER (WHERE status = 'done' AND finished_at > now() - interval '1 minute')
            FROM jobs
            """, c);
        using var r = cmd.ExecuteReader();
        r.Read();
        return new QueueStatus(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5));
    }
}
