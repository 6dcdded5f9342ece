using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Rasid.Core;
using Rasid.Store.Relational;

namespace Rasid.Store.Sqlite;

/// <summary>
/// The default store: one SQLite file in WAL mode. Writes go through one connection in batched transactions, so a crash
/// (even kill -9) loses at most the batch in flight and never half of one; reads may come from other threads and
/// processes while a write is under way. Full-text search uses FTS5 tables beside documents and evidence.
/// </summary>
public sealed class SqliteEventStore : RelationalEventStore
{
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;

    private SqliteEventStore(string path)
    {
        Location = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _writer = (SqliteConnection)OpenConnection();
        Db.Exec(_writer, null, "PRAGMA journal_mode=WAL");
        // The writer keeps up to 64 MB of pages (default 2 MB): an ingest re-reads the full-text segments it merges and
        // the content-hash index, and with the default cache every one of those reads is a system call.
        Db.Exec(_writer, null, "PRAGMA cache_size=-65536");
        SchemaMigrator.Migrate(_writer, "Sqlite", path);
    }

    public override string Location { get; }

    /// <summary>Opens (creating and migrating when needed) the store in a SQLite file.</summary>
    public static SqliteEventStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full);
        if (dir is not null && !Directory.Exists(dir))
        {
            throw new RasidException("E301", path, "the folder for the database does not exist");
        }

        try
        {
            return new SqliteEventStore(full);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 26 or 11)
        {
            throw new RasidException("E302", path, "is not a Rasid SQLite database (or it is corrupt)");
        }
    }

    protected override DbConnection OpenConnection()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        Db.Exec(c, null, "PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;");
        return c;
    }

    protected override DbConnection WriteConnection() => _writer;

    private protected override void IndexText(WriteSession session, string table, long key, string body) =>
        session.Exec(table == "documents" ? "INSERT INTO documents_fts(rowid, body) VALUES (@r, @b)" : "INSERT INTO evidence_fts(rowid, body) VALUES (@r, @b)",
            ("@r", key), ("@b", body));

    protected override string MatchingKeys(string table, string param) => $"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH {param}";

    // FTS5 seeks the term's document list to the one rowid: a probe costs microseconds however common the term.
    protected override string KeyMatches(string table, string keySql, string param) =>
        $"EXISTS (SELECT 1 FROM {table}_fts WHERE {table}_fts MATCH {param} AND rowid = {keySql})";

    // The keys come back as one comma-separated string (reading tens of thousands of one-column rows one by one costs
    // several times the index read itself). The set is consulted by a function registered on this (pooled) connection
    // for the query that follows; the next query that walks sets registers its own.
    protected override Func<string, string> KeySetCondition(DbConnection c, string table, string fullText)
    {
        var list = Db.Scalar(c, null, $"SELECT group_concat(rowid) FROM {table}_fts WHERE {table}_fts MATCH @q", ("@q", fullText)) as string;
        var keys = new HashSet<long>();
        var span = list.AsSpan();
        foreach (var range in span.Split(','))
        {
            if (range.Start.Equals(range.End))
            {
                continue; // no matching row: group_concat gave NULL
            }

            keys.Add(long.Parse(span[range], CultureInfo.InvariantCulture));
        }

        var name = $"rasid_matching_{table}";
        ((SqliteConnection)c).CreateFunction<long, bool>(name, keys.Contains, isDeterministic: true);
        return key => $"{name}({key})";
    }

    protected override bool GuessesRangeSelectivity => true;

    protected override bool ProbesTextPerIncident => true;

    protected override string FullTextQuery(IReadOnlyList<SearchTerms.Term> terms) =>
        string.Join(' ', terms.Select(t => "\"" + t.Text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (t.Prefix ? "*" : string.Empty)));

    protected override string RankedDocumentKeys(string param, string limitParam) =>
        $"SELECT rowid FROM documents_fts WHERE documents_fts MATCH {param} ORDER BY rank LIMIT {limitParam}";

    // FTS5 keeps adding segments as batches are written (a million incidents: 13–21 of them); a probe for a common term
    // reads each, so merging them made term queries over a million incidents ≈ 1.4× faster (docs/benchmarks.md).
    public override void Optimize()
    {
        using var cmd = _writer.CreateCommand();
        cmd.CommandTimeout = 0;
        cmd.CommandText = """
            INSERT INTO documents_fts(documents_fts) VALUES('optimize');
            INSERT INTO evidence_fts(evidence_fts) VALUES('optimize');
            ANALYZE;
            PRAGMA wal_checkpoint(TRUNCATE);
            """;
        cmd.ExecuteNonQuery();
    }

    public override void Dispose() => _writer.Dispose();
}
