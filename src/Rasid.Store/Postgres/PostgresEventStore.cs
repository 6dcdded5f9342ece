using System.Data.Common;
using Npgsql;
using Rasid.Core;
using Rasid.Store.Relational;

namespace Rasid.Store.Postgres;

/// <summary>
/// The scale-out store on PostgreSQL: the same schema semantics and migrations as SQLite, full-text search on tsvector
/// columns (the 'simple' configuration over Rasid's Arabic-normalized, clitic-stemmed terms), and writers from many
/// processes serialized only for incident clustering (a transaction-level advisory lock).
/// </summary>
public sealed class PostgresEventStore : RelationalEventStore
{
    private const long ClusteringLock = 0x5241_5349_44; // "RASID"
    private readonly NpgsqlDataSource _dataSource;

    private PostgresEventStore(string connectionString, string location)
    {
        Location = location;
        _dataSource = NpgsqlDataSource.Create(connectionString);
        using var c = OpenConnection();
        Db.Exec(c, null, "SELECT pg_advisory_lock(@l)", ("@l", ClusteringLock)); // one migrator at a time
        try
        {
            SchemaMigrator.Migrate(c, "Postgres", location);
        }
        finally
        {
            Db.Exec(c, null, "SELECT pg_advisory_unlock(@l)", ("@l", ClusteringLock));
        }
    }

    public override string Location { get; }

    /// <summary>True for a postgres:// or postgresql:// URL, or an Npgsql "Host=…" connection string.</summary>
    public static bool IsPostgres(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || db.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    public static PostgresEventStore Open(string db)
    {
        ArgumentException.ThrowIfNullOrEmpty(db);
        var builder = new NpgsqlConnectionStringBuilder(ToConnectionString(db));
        // No automatic preparation (Max Auto Prepare): the write path reuses one command object per statement for a whole
        // transaction (WriteSession), and Npgsql's auto-prepare on such a reused INSERT … ON CONFLICT DO NOTHING RETURNING
        // silently stopped returning (and storing) rows after its fifth use (found by the store contract tests).
        // No JIT compilation: the store's queries run for milliseconds, and PostgreSQL compiled any whose estimate passed
        // jit_above_cost (a count or a timeline over a million incidents) for 30–90 ms first. A user's own setting wins.
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
        {
            builder.Options = ((builder.Options ?? string.Empty) + " -c jit=off").Trim();
        }

        var cs = builder.ConnectionString;
        var location = new NpgsqlConnectionStringBuilder(cs) { Password = null }.ToString();
        try
        {
            return new PostgresEventStore(cs, location);
        }
        catch (NpgsqlException ex)
        {
            throw new RasidException("E310", location, $"cannot use the PostgreSQL database ({ex.Message})");
        }
    }

    /// <summary>postgres://user:password@host:port/database?options → an Npgsql connection string.</summary>
    public static string ToConnectionString(string db)
    {
        if (!db.StartsWith("postgres", StringComparison.OrdinalIgnoreCase))
        {
            return db;
        }

        var uri = new Uri(db);
        var b = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var parts = uri.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1)
            {
                b.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            b[Uri.UnescapeDataString(kv[0])] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "true";
        }

        return b.ToString();
    }

    /// <summary>The connection source, for the job queue that shares the database.</summary>
    public NpgsqlDataSource DataSource => _dataSource;

    protected override DbConnection OpenConnection() => _dataSource.OpenConnection();

    protected override DbConnection WriteConnection() => _dataSource.OpenConnection();

    protected override void ReleaseWriteConnection(DbConnection connection) => connection.Dispose();

    private long _lockWaitTicks;
    private long _lockHeldTicks;
    private long _lockedAt;

    /// <summary>Total time this store's writes waited for the clustering lock (held by writers in other processes).</summary>
    public TimeSpan ClusteringLockWait => TimeSpan.FromTicks(Interlocked.Read(ref _lockWaitTicks));

    /// <summary>Total time this store's writes held the clustering lock: the part of writing no other writer can overlap.</summary>
    public TimeSpan ClusteringLockHeld => TimeSpan.FromTicks(Interlocked.Read(ref _lockHeldTicks));

    /// <summary>
    /// Commit store writes without waiting for the disk (synchronous_commit off), so the clustering lock is released
    /// without an fsync while it is held. Only for a writer that records the outcome with a later synchronous commit — the
    /// queue worker's job completion, whose WAL flush covers every earlier record — so a crash can lose a write only
    /// while its job is still leased (and comes back). Other writers (ingest, the API) keep durable commits.
    /// </summary>
    public bool CommitWithoutWaitingForDisk { get; set; }

    protected override void BeginWrite(DbTransaction tx)
    {
        long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
        Db.Exec(tx.Connection!, tx, CommitWithoutWaitingForDisk
            ? "SET LOCAL synchronous_commit = off; SELECT pg_advisory_xact_lock(@l)"
            : "SELECT pg_advisory_xact_lock(@l)", ("@l", ClusteringLock));
        _lockedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        Interlocked.Add(ref _lockWaitTicks, System.Diagnostics.Stopwatch.GetElapsedTime(t0, _lockedAt).Ticks);
    }

    protected override void EndWrite()
    {
        if (_lockedAt != 0)
        {
            Interlocked.Add(ref _lockHeldTicks, System.Diagnostics.Stopwatch.GetElapsedTime(_lockedAt).Ticks);
            _lockedAt = 0;
        }
    }

    private protected override void IndexText(WriteSession session, string table, long key, string body) =>
        session.Exec(
            table == "documents"
                ? "UPDATE documents SET search = to_tsvector('simple', @b) WHERE doc_key = @k"
                : "UPDATE evidence SET search = to_tsvector('simple', @b) WHERE evidence_key = @k",
            ("@b", body), ("@k", key));

    // The worker sends the vector itself (TsVectorLiteral) — the server only reads a literal; a body with a word only the
    // server's parser can split is sent as text instead. One of the two parameters is null.
    protected override string? InlineSearchValue(string param) => $"COALESCE({param}_v::tsvector, to_tsvector('simple', {param}))";

    protected override void BindSearch(DbCommand cmd, string param, string body)
    {
        var vector = ComputeVectors ? TsVectorLiteral.FromBody(body) : null;
        cmd.Add(param + "_v", vector);
        cmd.Add(param, vector is null ? body : null);
    }

    /// <summary>
    /// Whether writes compute the full-text vector in this process (default) instead of in the database; off only to
    /// measure the difference (RASID_PG_SERVER_TSVECTOR=1).
    /// </summary>
    public bool ComputeVectors { get; init; } = Environment.GetEnvironmentVariable("RASID_PG_SERVER_TSVECTOR") != "1";

    protected override string MatchingKeys(string table, string param)
    {
        var keyColumn = table == "documents" ? "doc_key" : "evidence_key";
        return $"SELECT {keyColumn} FROM {table} WHERE search @@ to_tsquery('simple', {param})";
    }

    protected override string KeyMatches(string table, string keySql, string param)
    {
        var keyColumn = table == "documents" ? "doc_key" : "evidence_key";
        return $"EXISTS (SELECT 1 FROM {table} m WHERE m.{keyColumn} = {keySql} AND m.search @@ to_tsquery('simple', {param}))";
    }

    // Migration 0011: incidents.search holds the lexemes of the incident's documents and evidence, kept by a trigger.
    protected override string? IncidentTextCondition(string param) => $"search @@ to_tsquery('simple', {param})";

    protected override string FullTextQuery(IReadOnlyList<SearchTerms.Term> terms) =>
        string.Join(" & ", terms.Select(t => "'" + t.Text.Replace("'", "''", StringComparison.Ordinal).Replace("\\", "\\\\", StringComparison.Ordinal) + "'" + (t.Prefix ? ":*" : string.Empty)));

    protected override string RankedDocumentKeys(string param, string limitParam) =>
        $"SELECT doc_key FROM documents WHERE search @@ to_tsquery('simple', {param}) ORDER BY ts_rank(search, to_tsquery('simple', {param})) DESC, doc_key LIMIT {limitParam}";

    // GIN pending lists are merged by VACUUM; statistics keep the plans of migration 0011 (term on incidents) right.
    public override void Optimize()
    {
        using var c = _dataSource.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandTimeout = 0;
        cmd.CommandText = "VACUUM (ANALYZE)";
        cmd.ExecuteNonQuery();
    }

    public override void Dispose() => _dataSource.Dispose();
}
