using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Rasid.Core;
using Rasid.Extraction;
using Rasid.Store;
using Rasid.Store.Postgres;

namespace Rasid.Bench;

public sealed record StoreScaleOptions(string Db, IReadOnlyList<int> Sizes, IReadOnlyList<int> Writers, int Sample, int Batch, double Seconds, bool Force);

/// <summary>
/// The store part of scale-out alone, without extraction: real articles of the bulk dump are extracted once, then
/// written again and again as new documents (a copy suffix changes the text, so the content hash), to grow the
/// PostgreSQL store to each size. At each size it measures (1) a block written as new reports of a new period (dates
/// shifted a year per copy: the store grows, the density of events per day stays as in the corpus), (2) a block written
/// as a second source of already-stored events (same dates and places: every mention joins an existing incident — the
/// expensive clustering case), and (3) the writes/s the database sustains with N writer connections doing only the
/// store part (workers simulated), with the share of time spent waiting for the clustering lock.
/// </summary>
public sealed class StoreScaleRun(StoreScaleOptions options, TextWriter output)
{
    public int Run()
    {
        var cs = new NpgsqlConnectionStringBuilder(PostgresEventStore.ToConnectionString(options.Db));
        if (!options.Force && !(cs.Database ?? string.Empty).Contains("bench", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"store-scale drops and recreates database '{cs.Database}': use a database whose name contains 'bench', or pass --force");
        }

        Reset(cs);
        var path = BulkCorpus.DefaultPath() ?? throw new FileNotFoundException($"the bulk corpus ({BulkCorpus.DefaultRelativePath}) is not in ../shared or $RASID_SHARED");
        var extractor = new ArabicEventExtractor();
        var sample = BulkCorpus.Read(path, options.Sample).Select(a =>
        {
            var doc = new Document(a.Id, a.Text, a.PublishedDate) { Source = a.Source, Url = a.Url, Title = a.Title, CountryHint = "SA" };
            return new ExtractedDocument(doc, extractor.Extract(doc)) { SearchBody = SearchTerms.IndexBody(doc.Text) };
        }).ToList();
        double eventsPerDoc = sample.Average(d => d.Events.Count);
        output.WriteLine(FormattableString.Invariant(
            $"# Store scale: {sample.Count} real articles ({eventsPerDoc:F2} events each) written as copies, batch {options.Batch}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average {LoadAverage()}"));
        output.WriteLine();
        output.WriteLine("Per block: wall ms/doc, client CPU ms/doc + server CPU ms/doc, clustering lock held ms/doc (the serial part: " +
                         "no number of writers gets past 1000 / held docs/s). N writers: docs/s, server CPU ms/doc, lock wait share.");
        output.WriteLine();
        output.WriteLine("| store docs | DB MB | bytes/doc | new period: wall / client+server CPU / lock held (ms per doc) | second source: same | " +
                         string.Join(" | ", options.Writers.Select(w => $"{w} writer(s): docs/s, server ms/doc, lock wait")) + " |");
        output.WriteLine("|---|---|---|---|---|" + string.Concat(options.Writers.Select(_ => "---|")));

        int copy = 0;
        long stored = 0;
        using var store = PostgresEventStore.Open(cs.ConnectionString);
        using (var probe = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs.ConnectionString) { Pooling = false }.ConnectionString))
        {
            probe.Open();
            _postmaster = ServerCpu.Postmaster(probe);
        }

        foreach (var size in options.Sizes)
        {
            while (stored < size)
            {
                stored += WriteCopy(store, sample, copy++, shiftYears: true).Docs;
            }

            Vacuum(cs);
            var fresh = WriteCopy(store, sample, copy++, shiftYears: true);
            var second = WriteCopy(store, sample, copy++, shiftYears: false);
            stored += fresh.Docs + second.Docs;
            var (bytes, docs) = Size(cs);
            var concurrent = new List<string>();
            foreach (var writers in options.Writers)
            {
                var (rate, serverMs, lockShare, written) = Concurrent(cs.ConnectionString, sample, writers, ref copy);
                stored += written;
                concurrent.Add(FormattableString.Invariant($"{rate:F0}, {serverMs:F2}, {100 * lockShare:F0} %"));
            }

            output.WriteLine(FormattableString.Invariant(
                $"| {docs:N0} | {bytes / 1048576.0:F0} | {bytes / (double)Math.Max(1, docs):F0} | {fresh} | {second} | {string.Join(" | ", concurrent)} |"));
            output.Flush();
        }

        output.WriteLine();
        output.WriteLine($"Load average at the end: {LoadAverage()}.");
        return 0;
    }

    private int? _postmaster;

    private double ServerSeconds() => _postmaster is { } pm ? ServerCpu.TreeCpu(pm) : double.NaN;

    private sealed record Block(int Docs, double Seconds, double ClientCpu, double ServerCpu, double LockHeld)
    {
        public override string ToString() => FormattableString.Invariant(
            $"{1000 * Seconds / Docs:F2} / {1000 * ClientCpu / Docs:F2}+{1000 * ServerCpu / Docs:F2} / {1000 * LockHeld / Docs:F2}");
    }

    /// <summary>Copy number <paramref name="copy"/> of the sample as new documents; dates a year later per copy, or unchanged.</summary>
    private static List<ExtractedDocument> Copy(IReadOnlyList<ExtractedDocument> sample, int copy, bool shiftYears)
    {
        int years = shiftYears ? copy : 0;
        return sample.Select(d =>
        {
            var id = $"{d.Document.Id}~c{copy}";
            var doc = new Document(id, d.Document.Text + $"\n[{copy}]", d.Document.Published.AddYears(years))
            {
                Source = d.Document.Source, Url = d.Document.Url, Title = d.Document.Title, CountryHint = d.Document.CountryHint,
            };
            var events = d.Events.Select(e => e with
            {
                EventId = $"{e.EventId}~c{copy}",
                DocumentId = id,
                EventDate = e.EventDate.AddYears(years),
                EventDateEnd = e.EventDateEnd?.AddYears(years),
            }).ToList();
            return new ExtractedDocument(doc, events) { SearchBody = d.SearchBody };
        }).ToList();
    }

    private Block WriteCopy(PostgresEventStore store, IReadOnlyList<ExtractedDocument> sample, int copy, bool shiftYears)
    {
        var docs = Copy(sample, copy, shiftYears);
        double cpu0 = CpuClock.Seconds(), server0 = ServerSeconds(), held0 = store.ClusteringLockHeld.TotalSeconds;
        var clock = Stopwatch.StartNew();
        foreach (var chunk in docs.Chunk(options.Batch))
        {
            store.Write(chunk);
        }

        return new Block(docs.Count, clock.Elapsed.TotalSeconds, CpuClock.Seconds() - cpu0, ServerSeconds() - server0, store.ClusteringLockHeld.TotalSeconds - held0);
    }

    /// <summary>N writers (own connections, as N worker processes would have), each writing copies for a fixed time.</summary>
    private (double Rate, double ServerMsPerDoc, double LockShare, long Written) Concurrent(string cs, IReadOnlyList<ExtractedDocument> sample, int writers, ref int copy)
    {
        int first = copy;
        copy += writers * 50;
        double server0 = ServerSeconds();
        var deadline = Stopwatch.StartNew();
        long written = 0;
        double lockSeconds = 0, writeSeconds = 0;
        var gate = new Lock();
        var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
        {
            using var store = PostgresEventStore.Open(cs);
            long mine = 0;
            var clock = Stopwatch.StartNew();
            for (int c = first + w * 50; deadline.Elapsed.TotalSeconds < options.Seconds && c < first + (w + 1) * 50; c++)
            {
                foreach (var chunk in Copy(sample, c, shiftYears: true).Chunk(options.Batch))
                {
                    store.Write(chunk);
                    mine += chunk.Length;
                    if (deadline.Elapsed.TotalSeconds >= options.Seconds)
                    {
                        break;
                    }
                }
            }

            lock (gate)
            {
                written += mine;
                lockSeconds += store.ClusteringLockWait.TotalSeconds;
                writeSeconds += clock.Elapsed.TotalSeconds;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        double elapsed = deadline.Elapsed.TotalSeconds;
        return (written / elapsed, 1000 * (ServerSeconds() - server0) / Math.Max(1, written), lockSeconds / Math.Max(0.001, writeSeconds), written);
    }

    private static void Reset(NpgsqlConnectionStringBuilder cs)
    {
        using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        c.Open();
        new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{cs.Database}\" WITH (FORCE)", c).ExecuteNonQuery();
        new NpgsqlCommand($"CREATE DATABASE \"{cs.Database}\"", c).ExecuteNonQuery();
    }

    private static void Vacuum(NpgsqlConnectionStringBuilder cs)
    {
        using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs.ConnectionString) { Pooling = false }.ConnectionString);
        c.Open();
        new NpgsqlCommand("VACUUM ANALYZE", c) { CommandTimeout = 600 }.ExecuteNonQuery();
    }

    private static (long Bytes, long Docs) Size(NpgsqlConnectionStringBuilder cs)
    {
        using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs.ConnectionString) { Pooling = false }.ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand("SELECT pg_database_size(current_database()), (SELECT count(*) FROM documents)", c);
        using var r = cmd.ExecuteReader();
        r.Read();
        return (r.GetInt64(0), r.GetInt64(1));
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
