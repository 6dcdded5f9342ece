using System.Diagnostics;
using Rasid.Core;
using Rasid.Store.Postgres;
using Rasid.Store.Sqlite;

namespace Rasid.Store.Tests;

public sealed class PostgresQueueTests : IDisposable
{
    private readonly List<string> _databases = [];

    private PostgresEventStore NewStore(out string connectionString)
    {
        connectionString = PostgresServer.CreateDatabase();
        _databases.Add(connectionString);
        return PostgresEventStore.Open(connectionString);
    }

    public void Dispose()
    {
        foreach (var cs in _databases)
        {
            PostgresServer.DropDatabase(cs);
        }
    }

    private static (Document, string)[] Docs(int n, int offset = 0) =>
        Enumerable.Range(offset, n).Select(i => (new Document($"d{i}", $"EV|Armed clash|2017-04-{10 + i % 20:00}|{34 + i % 7}.1|40.9|Islamic State|{i % 5}",
            new DateOnly(2017, 5, 2)), $"test:{i}")).ToArray();

    [SkippableFact]
    public void Enqueue_skips_documents_already_queued_or_stored()
    {
        using var store = NewStore(out _);
        var queue = new PostgresJobQueue(store);
        Assert.Equal(10, queue.Enqueue(Docs(10)));
        Assert.Equal(0, queue.Enqueue(Docs(10)));
        store.Write([new ExtractedDocument(Docs(1, 50)[0].Item1, [])]);
        Assert.Equal(0, queue.Enqueue(Docs(1, 50)));
        Assert.Equal(new QueueStatus(10, 0, 0, 0, 0, 0), queue.Status());
    }

    [SkippableFact]
    public void Concurrent_claims_never_hand_out_the_same_job_twice_and_expired_leases_return_jobs()
    {
        using var store = NewStore(out _);
        var queue = new PostgresJobQueue(store);
        queue.Enqueue(Docs(40));
        var claimed = new System.Collections.Concurrent.ConcurrentBag<long>();
        Parallel.For(0, 8, w =>
        {
            foreach (var job in queue.Claim($"w{w}", 5, TimeSpan.FromMinutes(5)))
            {
                claimed.Add(job.JobId);
            }
        });
        Assert.Equal(40, claimed.Count);
        Assert.Equal(40, claimed.Distinct().Count());
        Assert.Empty(queue.Claim("late", 5, TimeSpan.FromMinutes(5)));

        // A worker that died: its short lease runs out and the job is claimed again by another.
        using var store2 = NewStore(out _);
        var q2 = new PostgresJobQueue(store2);
        q2.Enqueue(Docs(1));
        var first = Assert.Single(q2.Claim("dead", 1, TimeSpan.FromMilliseconds(200)));
        Thread.Sleep(600);
        var again = Assert.Single(q2.Claim("alive", 1, TimeSpan.FromMinutes(1)));
        Assert.Equal(first.JobId, again.JobId);
        Assert.Equal(2, again.Attempts);
        q2.Complete([again.JobId], "dead"); // the dead worker's late completion does not count
        Assert.Equal(1, q2.Status().Running);
        q2.Complete([again.JobId], "alive");
        Assert.Equal(1, q2.Status().Done);
    }

    [SkippableFact]
    public void Done_jobs_older_than_the_retention_are_deleted_and_status_still_counts_them()
    {
        using var store = NewStore(out var cs);
        var queue = new PostgresJobQueue(store);
        queue.Enqueue(Docs(12));
        var worker = new QueueWorker(queue, store, new LineEventExtractor(), new WorkerOptions { Batch = 5, Threads = 1, KeepDone = null });
        Assert.Equal(12, worker.Run().Jobs);
        Assert.Equal(new QueueStatus(0, 0, 12, 0, 0, 12), queue.Status());

        // Eight of them finished two days ago; one failed long ago (failed jobs stay for an operator).
        using (var c = new Npgsql.NpgsqlConnection(cs))
        {
            c.Open();
            using var age = new Npgsql.NpgsqlCommand("""
                UPDATE jobs SET finished_at = now() - interval '2 days' WHERE job_id IN (SELECT job_id FROM jobs ORDER BY job_id LIMIT 8);
                UPDATE jobs SET status = 'failed' WHERE job_id = (SELECT max(job_id) FROM jobs WHERE finished_at < now() - interval '1 day');
                """, c);
            age.ExecuteNonQuery();
        }

        Assert.Equal(7, queue.PruneDone(TimeSpan.FromDays(1)));
        Assert.Equal(0, queue.PruneDone(TimeSpan.FromDays(1)));
        var status = queue.Status();
        Assert.Equal(12, status.Done); // counted when completed, not by the rows left
        Assert.Equal(1, status.Failed);
        Assert.Equal(4, status.DoneLastMinute);
        Assert.Equal(0, queue.Enqueue(Docs(12))); // the documents are stored: nothing comes back

        // A worker with a retention prunes by itself.
        queue.Enqueue(Docs(3, 100));
        using (var c = new Npgsql.NpgsqlConnection(cs))
        {
            c.Open();
            using var age = new Npgsql.NpgsqlCommand("UPDATE jobs SET finished_at = now() - interval '3 hours' WHERE status = 'done'", c);
            age.ExecuteNonQuery();
        }

        new QueueWorker(queue, store, new LineEventExtractor(), new WorkerOptions { KeepDone = TimeSpan.FromHours(2) }).Run();
        Assert.Equal(new QueueStatus(0, 0, 15, 1, 0, 3), queue.Status());
        Assert.Throws<ArgumentOutOfRangeException>(() => queue.PruneDone(TimeSpan.FromSeconds(5)));
    }

    [SkippableFact]
    public void Workers_drain_the_queue_into_the_store_exactly_once()
    {
        using var store = NewStore(out _);
        var queue = new PostgresJobQueue(store);
        queue.Enqueue(Docs(120));
        var workers = Enumerable.Range(0, 3).Select(_ => new QueueWorker(queue, store, new LineEventExtractor(), new WorkerOptions { Batch = 7, Threads = 2 })).ToList();
        var summaries = workers.AsParallel().Select(w => w.Run()).ToList();
        Assert.Equal(120, summaries.Sum(s => s.Jobs));
        Assert.Equal(120, store.Stats().Documents);
        Assert.Equal(120, store.Stats().Events);
        Assert.True(queue.Status().IsDrained);
    }

    [SkippableFact]
    public void Concurrent_writers_cluster_incidents_exactly_as_one_sequential_writer()
    {
        // Reports of a few strikes on a few days, many sources each (two events per report, so reports also chain
        // incidents together): writers in parallel write documents and mentions outside the clustering lock and only
        // cluster under it, and must end with the incidents one writer gets.
        var extractor = new LineEventExtractor();
        var docs = Enumerable.Range(0, 96).Select(i =>
        {
            var doc = new Document($"c{i:000}", $"EV|Air/drone strike|2017-04-{10 + i % 4:00}|{35.9 + i % 3 * 0.01}|39.0|Islamic State|{i % 5}\n" +
                                              $"EV|Armed clash|2017-04-{10 + i % 3:00}|{36.2 + i % 2 * 0.3}|37.1|Syrian Democratic Forces|{i % 3}\nreport {i}",
                new DateOnly(2017, 4, 20));
            return new ExtractedDocument(doc, extractor.Extract(doc));
        }).ToList();

        using var db = new TempDb();
        using var sequential = SqliteEventStore.Open(db.Path);
        sequential.Write(docs);

        using var pg = NewStore(out var cs);
        using var together = new Barrier(4); // every round of writes starts at once, so clustering phases collide
        var writers = Enumerable.Range(0, 4).Select(w => Task.Factory.StartNew(() =>
        {
            try
            {
                using var writer = PostgresEventStore.Open(cs); // its own connections, as a separate worker process has
                foreach (var doc in docs.Where((_, i) => i % 4 == w).Reverse())
                {
                    together.SignalAndWait();
                    writer.Write([doc]);
                }
            }
            finally
            {
                together.RemoveParticipant(); // a failing writer must not leave the others waiting
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        Task.WaitAll(writers);

        static string Incidents(IEventStore s) => string.Join("\n", s.Query(new EventQuery { Limit = 1000, IncludeUncounted = true })
            .Select(e => $"{e.Event.EventId}|{e.SourceCount}|{string.Join(",", e.DocumentIds)}|{e.Event.Fatalities}")
            .Order(StringComparer.Ordinal));
        Assert.Equal(sequential.Stats(), pg.Stats());
        Assert.Equal(96, pg.Stats().Documents);
        Assert.True(pg.Stats().Incidents < pg.Stats().Events / 4, "the reports should form few, many-source incidents");
        Assert.Equal(Incidents(sequential), Incidents(pg));
    }

    [SkippableFact]
    public void Migrating_a_sqlite_store_to_postgres_copies_everything()
    {
        using var db = new TempDb();
        using var sqlite = SqliteEventStore.Open(db.Path);
        var extractor = new LineEventExtractor();
        sqlite.Write(Docs(60).Select(d => new ExtractedDocument(d.Item1, extractor.Extract(d.Item1))).Append(
            new ExtractedDocument(new Document("bad", "نص", new DateOnly(2017, 5, 2)), []) { Error = "boom" }).ToList());
        sqlite.WriteReviews(new Dictionary<string, string> { [sqlite.Query(new EventQuery())[0].Event.EventId] = "accepted" },
            [new ReviewEntry(sqlite.Query(new EventQuery())[0].Event.EventId, "analyst1", "accept", null, null, null, DateTimeOffset.UnixEpoch)]);

        using var pg = NewStore(out _);
        var summary = StoreCopier.Copy(sqlite, pg, batchSize: 17);
        Assert.Equal(61, summary.Documents);
        Assert.Equal(sqlite.Stats(), pg.Stats());
        string Dump(IEventStore s) => string.Join("\n", s.Query(new EventQuery { Limit = 1000, IncludeUncounted = true, OrderBy = "date_asc" })
            .OrderBy(e => e.Event.EventId, StringComparer.Ordinal)
            .Select(e => $"{e.Event.EventId}|{e.Event.EventDate}|{e.Event.Location?.Latitude}|{e.Event.Fatalities}|{e.ReviewState}|{string.Join(",", e.DocumentIds)}"));
        Assert.Equal(Dump(sqlite), Dump(pg));
        Assert.Equal(sqlite.GetDocument("d3")!.IngestedAt, pg.GetDocument("d3")!.IngestedAt);
        Assert.Single(pg.ReadReviews().History);

        StoreCopier.Copy(sqlite, pg); // rerunnable: nothing doubles
        Assert.Equal(sqlite.Stats(), pg.Stats());
    }

    [SkippableFact]
    public void A_worker_killed_mid_run_loses_nothing_and_the_others_finish_with_the_single_process_counts()
    {
        using var dir = new TempDb();
        var dump = Path.Combine(dir.Folder, "dump.jsonl");
        var places = new[] { "الرقة", "دير الزور", "حلب", "إدلب", "تدمر", "حمص" };
        File.WriteAllLines(dump, Enumerable.Range(0, 1500).Select(i =>
            System.Text.Json.JsonSerializer.Serialize(new
            {
                id = $"doc-{i}",
                published = new DateOnly(2017, 1, 1).AddDays(i % 365).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                country_hint = "SY",
                text = $"قتل {i % 9 + 1} مدنيين في قصف على {places[i % places.Length]} يوم الأحد. تقرير رقم {i}.",
            })));

        // Reference: one process ingesting directly into SQLite.
        var reference = Path.Combine(dir.Folder, "ref.db");
        Assert.Equal(0, RasidProcess.Run("ingest", dump, "--db", reference, "--quiet").ExitCode);

        using var pg = NewStore(out var cs);
        var (code, _, err) = RasidProcess.Run("ingest", dump, "--db", cs, "--enqueue");
        Assert.True(code == 0, err);

        var workers = Enumerable.Range(0, 3).Select(_ => RasidProcess.Start("worker", "--db", cs, "--batch", "25", "--threads", "1", "--lease", "3")).ToList();
        var victim = workers[0];
        var sw = Stopwatch.StartNew();
        while (pg.Stats().Documents < 150 && sw.Elapsed < TimeSpan.FromSeconds(90))
        {
            Thread.Sleep(50);
        }

        victim.Kill(entireProcessTree: true); // SIGKILL: its claimed jobs keep their lease until it runs out
        victim.WaitForExit();
        foreach (var w in workers.Skip(1))
        {
            var stderr = w.StandardError.ReadToEndAsync();
            Assert.True(w.WaitForExit(TimeSpan.FromMinutes(5)), "a worker did not finish");
            Assert.True(w.ExitCode == 0, $"a worker failed: {stderr.Result}");
        }

        foreach (var w in workers)
        {
            w.Dispose();
        }

        using var single = SqliteEventStore.Open(reference);
        Assert.Equal(single.Stats(), pg.Stats());
        Assert.Equal(1500, pg.Stats().Documents);
        var q = new PostgresJobQueue(pg).Status();
        Assert.True(q.IsDrained);
        Assert.Equal(1500, q.Done);
    }
}
