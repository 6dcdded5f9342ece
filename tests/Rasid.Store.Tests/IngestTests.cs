using System.Text;
using System.Text.Json;
using Rasid.Store.Ingest;
using Rasid.Store.Sqlite;

namespace Rasid.Store.Tests;

public class IngestTests
{
    private static readonly SourceDefaults Defaults = new(new DateOnly(2017, 5, 2), "SY", "test");

    private static SourceDocument Doc(string id, string text) =>
        new(id, new Rasid.Core.Document(id, text, new DateOnly(2017, 5, 2)));

    [Fact]
    public void Ingest_is_idempotent_and_a_failing_document_is_stored_as_failed_while_the_batch_goes_on()
    {
        using var db = new TempDb();
        using var store = SqliteEventStore.Open(db.Path);
        var items = new List<SourceItem>
        {
            Doc("a", "EV|Armed clash|2017-04-26|34.45|40.92|Islamic State|3"),
            new SourceRejection("bad.txt", "E104", "looks binary"),
            Doc("b", "EV|Air/drone strike|2017-04-27|35.95|39.01|Saudi-led coalition|5"),
            Doc("c", "EV|Attack|2017-04-27|35.95|39.01|THROW|0"),
            Doc("a-again", "EV|Armed clash|2017-04-26|34.45|40.92|Islamic State|3"),
        };
        var ingestor = new Ingestor(store, new LineEventExtractor(), new IngestOptions { BatchSize = 2, Workers = 2 });
        var first = ingestor.Run(items);
        Assert.Equal(3, first.Stored);
        Assert.Equal(1, first.Skipped); // same text as "a"
        Assert.Equal(2, first.Events);
        Assert.Equal("E104", Assert.Single(first.Rejected).Code);
        Assert.Equal(1, first.Failed);
        Assert.StartsWith("c:", Assert.Single(first.FailedDocuments), StringComparison.Ordinal);

        var second = ingestor.Run(items);
        Assert.Equal(0, second.Stored);
        Assert.Equal(4, second.Skipped);
        Assert.Equal(3, store.Stats().Documents);
        Assert.Equal(2, store.Stats().Incidents);
    }

    [SkippableFact]
    public void The_shared_news_dump_is_read_whole_without_rejections()
    {
        var path = Rasid.Tests.SharedData.Require("corpus", "news", "saudinewsnet-conflict-2015.jsonl");
        var items = DocumentSources.Read(path, new SourceDefaults(null, null, null)).ToList();
        Assert.Empty(items.OfType<SourceRejection>());
        Assert.Equal(File.ReadLines(path).Count(l => l.Length > 0), items.Count);
        Assert.All(items.OfType<SourceDocument>(), d => Assert.False(string.IsNullOrWhiteSpace(d.Document.Text)));
    }

    [Fact]
    public void Optimize_after_an_ingest_reports_the_store_and_keeps_its_counts()
    {
        using var dir = new TempDb();
        var dump = Path.Combine(dir.Folder, "dump.jsonl");
        WriteDump(dump, 200);
        var db = Path.Combine(dir.Folder, "store.db");
        var (code, _, err) = RasidProcess.Run("ingest", dump, "--db", db, "--quiet", "--batch", "20");
        Assert.True(code == 0, err);
        StoreStats before;
        using (var store = SqliteEventStore.Open(db))
        {
            before = store.Stats();
        }

        (code, var output, err) = RasidProcess.Run("optimize", "--db", db);
        Assert.True(code == 0, err);
        Assert.Contains("optimized", output, StringComparison.Ordinal);
        using var after = SqliteEventStore.Open(db);
        Assert.Equal(before, after.Stats());
    }

    [Fact]
    public void Killing_a_real_ingest_mid_run_then_rerunning_loses_nothing_and_duplicates_nothing()
    {
        using var dir = new TempDb();
        var dump = Path.Combine(dir.Folder, "dump.jsonl");
        WriteDump(dump, 3000);
        var clean = Path.Combine(dir.Folder, "clean.db");
        var crashed = Path.Combine(dir.Folder, "crashed.db");

        var (code, _, err) = RasidProcess.Run("ingest", dump, "--db", clean, "--quiet");
        Assert.True(code == 0, err);

        // Start the same ingest and kill -9 it once some batches are committed but before it is done.
        using (var p = RasidProcess.Start("ingest", dump, "--db", crashed, "--quiet", "--batch", "50"))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            long seen = 0;
            while (!p.HasExited && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
                seen = CountDocuments(crashed);
                if (seen > 0)
                {
                    break;
                }
            }

            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
                p.WaitForExit();
            }
        }

        var afterKill = CountDocuments(crashed);
        Assert.True(afterKill < 3000, $"the ingest finished ({afterKill} docs) before it could be killed; make the dump larger");

        (code, _, err) = RasidProcess.Run("ingest", dump, "--db", crashed, "--quiet");
        Assert.True(code == 0, err);

        using var a = SqliteEventStore.Open(clean);
        using var b = SqliteEventStore.Open(crashed);
        Assert.Equal(a.Stats(), b.Stats());
        Assert.Equal(3000, b.Stats().Documents);
    }

    private static long CountDocuments(string db)
    {
        if (!File.Exists(db))
        {
            return 0;
        }

        try
        {
            using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM documents";
            return (long)cmd.ExecuteScalar()!;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // not created yet, or the schema is being written
        }
    }

    private static void WriteDump(string path, int n)
    {
        var places = new[] { "الرقة", "دير الزور", "حلب", "إدلب", "تدمر", "الموصل", "عدن", "تعز" };
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        for (int i = 0; i < n; i++)
        {
            var text = $"قتل {i % 20 + 1} مدنيين في قصف على {places[i % places.Length]} يوم الأحد، بحسب مصادر محلية. تقرير رقم {i}.";
            // Spread over a year of publication dates, as a real archive is (so incidents stay small).
            var published = new DateOnly(2017, 1, 1).AddDays(i % 365).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            w.WriteLine(JsonSerializer.Serialize(new { id = $"doc-{i}", published, country_hint = "SY", text }));
        }
    }
}
