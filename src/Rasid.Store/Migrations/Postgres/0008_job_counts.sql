-- Rasid store, schema version 6 (PostgreSQL): finished jobs are deleted after a while (rasid worker --keep-done), so
-- throughput is counted per minute here instead of by counting job rows: one row per minute, added to as workers
-- complete jobs. Seeded from the done jobs already in the queue.
CREATE TABLE IF NOT EXISTS job_counts (
    minute  TIMESTAMPTZ PRIMARY KEY,
    done    BIGINT NOT NULL DEFAULT 0
);
INSERT INTO job_counts(minute, done)
SELECT date_trunc('minute', finished_at), count(*) FROM jobs WHERE status = 'done' AND finished_at IS NOT NULL GROUP BY 1
ON CONFLICT (minute) DO NOTHING;
