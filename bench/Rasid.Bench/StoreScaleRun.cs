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
        output.WriteLine("| store docs | new period: docs/s (1 writer) | ms/doc | second source: docs/s | ms/doc | DB MB | bytes/doc | " +
                         string.Join(" | ", options.Writers.Select(w => $"{w} writers docs/s (lock wait %)")) + " |");
        output.WriteLine("|---|---|---|---|---|---|---|" + string.Concat(options.Writers.Select(_ => "---|")));

        int copy = 0;
        long stored = 0;
        using var store = PostgresEventStore.Open(cs.ConnectionString);
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
                var (rate, lockShare, written) = Concurrent(cs.ConnectionString, sample, writers, ref copy);
                stored += written;
                concurrent.Add(FormattableString.Invariant($"{rate:F0} ({100 * lockShare:F0} %)"));
            }

            output.WriteLine(FormattableString.Invariant(
                $"| {docs:N0} | {fresh.Docs / fresh.Seconds:F0} | {1000 * fresh.Seconds / fresh.Docs:F2} | {second.Docs / second.Seconds:F0} | {1000 * second.Seconds / second.Docs:F2} | {bytes / 1048576.0:F0} | {bytes / (double)Math.Max(1, docs):F0} | {string.Join(" | ", concurrent)} |"));
            output.Flush();
        }

        output.WriteLine();
        output.WriteLine($"Load average at the end: {LoadAverage()}.");
        return 0;
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

    private (int Docs, double Seconds) WriteCopy(PostgresEventStore store, IReadOnlyList<ExtractedDocument> sample, int copy, bool shiftYears)
    {
        var docs = Copy(sample, copy, shiftYears);
        var clock = Stopwatch.StartNew();
        foreach (var chunk in docs.Chunk(options.Batch))
        {
            store.Write(chunk);
        }

        return (docs.Count, clock.Elapsed.TotalSeconds);
    }

    /// <summary>N writers (own connections, as N worker processes would have), each writing copies for a fixed time.</summary>
    private (double Rate, double LockShare, long Written) Concurrent(string cs, IReadOnlyList<ExtractedDocument> sample, int writers, ref int copy)
    {
        int first = copy;
        copy += writers * 50;
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
        return (written / deadline.Elapsed.TotalSeconds, lockSeconds / Math.Max(0.001, writeSeconds), written);
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
