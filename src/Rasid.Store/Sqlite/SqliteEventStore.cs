using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Rasid.Arabic.Text;
using Rasid.Core;

namespace Rasid.Store.Sqlite;

/// <summary>
/// The default store: one SQLite file in WAL mode. Writes go through one connection in batched transactions, so a crash
/// (even kill -9) loses at most the batch in flight and never half of one; reads may come from other threads and
/// processes while a write is under way.
/// </summary>
public sealed class SqliteEventStore : IEventStore
{
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly Lock _writeLock = new();

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
        _writer = OpenConnection();
        Exec(_writer, "PRAGMA journal_mode=WAL");
        SqliteMigrator.Migrate(_writer, path);
    }

    public string Location { get; }

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

    public bool ContainsContentHash(string contentHash)
    {
        using var c = OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT 1 FROM documents WHERE content_hash = $h";
        cmd.Parameters.AddWithValue("$h", contentHash);
        return cmd.ExecuteScalar() is not null;
    }

    /// <summary>Every stored content hash, to skip known documents before extracting them.</summary>
    public HashSet<string> ContentHashes()
    {
        using var c = OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT content_hash FROM documents";
        var set = new HashSet<string>(StringComparer.Ordinal);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            set.Add(r.GetString(0));
        }

        return set;
    }

    public StoreWriteResult Write(IReadOnlyList<ExtractedDocument> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_writeLock)
        {
            int added = 0, skipped = 0, events = 0;
            using var tx = _writer.BeginTransaction();
            var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            foreach (var item in batch)
            {
                var doc = item.Document;
                var hash = ContentHash.Of(doc.Text);
                if (Scalar(tx, "SELECT 1 FROM documents WHERE content_hash = $h", ("$h", hash)) is not null)
                {
                    skipped++;
                    continue;
                }

                var id = doc.Id;
                if (Scalar(tx, "SELECT 1 FROM documents WHERE id = $id", ("$id", id)) is not null)
                {
                    id = $"{doc.Id}~{hash[..12]}"; // same id, other text (an updated article): keep both
                }

                long key = InsertDocument(tx, doc, id, hash, item, now);
                InsertFts(tx, "documents_fts", key, SearchTerms.IndexBody(doc.Text));
                foreach (var e in item.Error is null ? item.Events : [])
                {
                    var ev = e.DocumentId == id ? e : e with { DocumentId = id, EventId = id == doc.Id ? e.EventId : $"{e.EventId}~{hash[..8]}" };
                    if (InsertMention(tx, ev))
                    {
                        events++;
                        Cluster(tx, ev, now);
                    }
                }

                added++;
            }

            tx.Commit();
            return new StoreWriteResult(added, skipped, events);
        }
    }

    private long InsertDocument(SqliteTransaction tx, Document doc, string id, string hash, ExtractedDocument item, string now)
    {
        using var cmd = Command(tx, """
            INSERT INTO documents(id, content_hash, source, url, title, published, country_hint, text, status, error, event_count, ingested_at)
            VALUES ($id, $hash, $source, $url, $title, $published, $country, $text, $status, $error, $count, $now);
            SELECT last_insert_rowid();
            """);
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$hash", hash);
        cmd.Parameters.AddWithValue("$source", (object?)doc.Source ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$url", (object?)doc.Url ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$title", (object?)doc.Title ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$published", doc.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        cmd.Parameters.AddWithValue("$country", (object?)doc.CountryHint ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$text", doc.Text);
        cmd.Parameters.AddWithValue("$status", item.Error is null ? "extracted" : "failed");
        cmd.Parameters.AddWithValue("$error", (object?)item.Error ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$count", item.Error is null ? item.Events.Count : 0);
        cmd.Parameters.AddWithValue("$now", now);
        return (long)cmd.ExecuteScalar()!;
    }

    private bool InsertMention(SqliteTransaction tx, ConflictEvent e)
    {
        using var cmd = Command(tx, $"""
            INSERT OR IGNORE INTO events(event_id, document_id, incident_id, {EventColumns.List}, evidence, place_candidates)
            VALUES ($event_id, $document_id, $event_id, {EventColumns.Parameters}, $evidence, $candidates)
            """);
        cmd.Parameters.AddWithValue("$event_id", e.EventId);
        cmd.Parameters.AddWithValue("$document_id", e.DocumentId);
        EventColumns.Bind(cmd, e);
        cmd.Parameters.AddWithValue("$evidence", EventJson.Evidence(e.Evidence));
        cmd.Parameters.AddWithValue("$candidates", EventJson.Candidates(e.PlaceCandidates));
        if (cmd.ExecuteNonQuery() == 0)
        {
            return false;
        }

        foreach (var ev in e.Evidence)
        {
            using var ins = Command(tx, """
                INSERT INTO evidence(event_id, document_id, start_offset, end_offset, text) VALUES ($e, $d, $s, $t, $x);
                SELECT last_insert_rowid();
                """);
            ins.Parameters.AddWithValue("$e", e.EventId);
            ins.Parameters.AddWithValue("$d", e.DocumentId);
            ins.Parameters.AddWithValue("$s", ev.Start);
            ins.Parameters.AddWithValue("$t", ev.End);
            ins.Parameters.AddWithValue("$x", ev.Text);
            long key = (long)ins.ExecuteScalar()!;
            InsertFts(tx, "evidence_fts", key, SearchTerms.IndexBody(ev.Text));
        }

        return true;
    }

    /// <summary>Joins a new mention to every incident it matches (merging them) and rewrites the merged incident row.</summary>
    private void Cluster(SqliteTransaction tx, ConflictEvent mention, string now)
    {
        var candidates = new List<(ConflictEvent Event, string Incident)>();
        using (var cmd = Command(tx, $"""
            SELECT event_id, document_id, incident_id, evidence, place_candidates, {EventColumns.List} FROM events
            WHERE event_type = $type AND counted = $counted AND event_date BETWEEN $from AND $to AND document_id <> $doc
            """))
        {
            cmd.Parameters.AddWithValue("$type", mention.EventType.Name());
            cmd.Parameters.AddWithValue("$counted", mention.Modality.Counts() ? 1 : 0);
            cmd.Parameters.AddWithValue("$from", mention.EventDate.AddDays(-IncidentRules.MaxDaysApart).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$to", mention.EventDate.AddDays(IncidentRules.MaxDaysApart).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$doc", mention.DocumentId);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var other = EventColumns.Read(r, 5, r.GetString(0), r.GetString(1), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4));
                if (IncidentRules.SameIncident(mention, other))
                {
                    candidates.Add((other, r.GetString(2)));
                }
            }
        }

        var incidents = candidates.Select(c => c.Incident).Append(mention.EventId).Distinct().ToList();
        var members = new List<ConflictEvent>();
        foreach (var incident in incidents)
        {
            members.AddRange(LoadMentions(tx, incident));
        }

        if (!members.Any(m => m.EventId == mention.EventId))
        {
            members.Add(mention);
        }

        members = members.DistinctBy(m => m.EventId).ToList();
        var merged = IncidentRules.Merge(members);
        foreach (var old in incidents)
        {
            Exec(tx, "DELETE FROM incidents WHERE incident_id = $i", ("$i", old));
        }

        foreach (var m in members)
        {
            Exec(tx, "UPDATE events SET incident_id = $i WHERE event_id = $e", ("$i", merged.EventId), ("$e", m.EventId));
        }

        var review = incidents.Count > 1 ? "unreviewed" : null;
        using var ins = Command(tx, $"""
            INSERT INTO incidents(incident_id, {EventColumns.List}, interaction, evidence, place_candidates, primary_document_id,
                                  document_ids, source_count, review_state, updated_at)
            VALUES ($incident_id, {EventColumns.Parameters}, $interaction, $evidence, $candidates, $primary, $docs, $count,
                    COALESCE($review, 'unreviewed'), $now)
            """);
        ins.Parameters.AddWithValue("$incident_id", merged.EventId);
        EventColumns.Bind(ins, merged);
        ins.Parameters.AddWithValue("$interaction", merged.Interaction);
        ins.Parameters.AddWithValue("$evidence", EventJson.Evidence(merged.Evidence));
        ins.Parameters.AddWithValue("$candidates", EventJson.Candidates(merged.PlaceCandidates));
        ins.Parameters.AddWithValue("$primary", merged.DocumentId);
        var docs = members.Select(m => m.DocumentId).Distinct().Order(StringComparer.Ordinal).ToList();
        ins.Parameters.AddWithValue("$docs", JsonSerializer.Serialize(docs));
        ins.Parameters.AddWithValue("$count", docs.Count);
        ins.Parameters.AddWithValue("$review", (object?)review ?? DBNull.Value);
        ins.Parameters.AddWithValue("$now", now);
        ins.ExecuteNonQuery();
    }

    private List<ConflictEvent> LoadMentions(SqliteTransaction? tx, string incidentId)
    {
        var list = new List<ConflictEvent>();
        using var cmd = tx is null ? _writer.CreateCommand() : Command(tx, string.Empty);
        cmd.CommandText = $"SELECT event_id, document_id, evidence, place_candidates, {EventColumns.List} FROM events WHERE incident_id = $i ORDER BY event_id";
        cmd.Parameters.AddWithValue("$i", incidentId);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(EventColumns.Read(r, 4, r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
        }

        return list;
    }

    public IReadOnlyList<StoredEvent> Query(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var c = OpenConnection();
        using var cmd = c.CreateCommand();
        var where = Where(cmd, query);
        var order = query.OrderBy switch
        {
            "date_asc" => "event_date ASC, incident_id",
            "fatalities" => "fatalities DESC, event_date DESC, incident_id",
            _ => "event_date DESC, incident_id",
        };
        cmd.CommandText = $"""
            SELECT incident_id, primary_document_id, evidence, place_candidates, {EventColumns.List}, source_count, document_ids, review_state
            FROM incidents {where} ORDER BY {order} LIMIT $limit OFFSET $offset
            """;
        cmd.Parameters.AddWithValue("$limit", Math.Clamp(query.Limit, 0, 100_000));
        cmd.Parameters.AddWithValue("$offset", Math.Max(0, query.Offset));
        var list = new List<StoredEvent>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(ReadIncident(r));
        }

        return list;
    }

    public long Count(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var c = OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM incidents {Where(cmd, query)}";
        return (long)cmd.ExecuteScalar()!;
    }

    public StoredEvent? GetIncident(string incidentId)
    {
        using var c = OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"""
            SELECT incident_id, primary_document_id, evidence, place_candidates, {EventColumns.List}, source_count, document_ids, review_state
            FROM incidents WHERE incident_id = $i
            """;
        cmd.Parameters.AddWithValue("$i", incidentId);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadIncident(r) : null;
    }

    public IReadOnlyList<ConflictEvent> GetMentions(string incidentId)
    {
        lock (_writeLock)
        {
            return LoadMentions(null, incidentId);
        }
    }

    public StoredDocument? GetDocument(string documentId)
    {
        using var c = OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT id, text, published, country_hint, source, url, title, content_hash, status, error, event_count, ingested_at
            FROM documents WHERE id = $id
            """;
        cmd.Parameters.AddWithValue("$id", documentId);
        using var r = cmd.ExecuteReader();
        if (!r.Read())
        {
            return null;
        }

        var doc = new Document(r.GetString(0), r.GetString(1), DateOnly.ParseExact(r.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture))
        {
            CountryHint = r.IsDBNull(3) ? null : r.GetString(3),
            Source = r.IsDBNull(4) ? null : r.GetString(4),
            Url = r.IsDBNull(5) ? null : r.GetString(5),
            Title = r.IsDBNull(6) ? null : r.GetString(6),
        };
        return new StoredDocument(doc, r.GetString(7), r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9), r.GetInt32(10),
            DateTimeOffset.Parse(r.GetString(11), CultureInfo.InvariantCulture));
    }

    public IReadOnlyList<DocumentHit> SearchDocuments(string text, int limit = 20)
    {
        var match = SearchTerms.MatchExpression(text);
        if (match is null)
        {
            return [];
        }

        using var c = OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT d.id, d.title, d.published, d.text FROM documents d
            JOIN (SELECT rowid, rank FROM documents_fts WHERE documents_fts MATCH $q ORDER BY rank LIMIT $limit) f ON f.rowid = d.doc_key
            ORDER BY f.rank
            """;
        cmd.Parameters.AddWithValue("$q", match);
        cmd.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, 1000));
        var hits = new List<DocumentHit>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            hits.Add(new DocumentHit(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1),
                DateOnly.ParseExact(r.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture), Snippet(r.GetString(3), text)));
        }

        return hits;
    }

    public StoreStats Stats()
    {
        using var c = OpenConnection();
        long Count(string sql)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            return (long)cmd.ExecuteScalar()!;
        }

        return new StoreStats(
            Count("SELECT COUNT(*) FROM documents"),
            Count("SELECT COUNT(*) FROM documents WHERE status = 'failed'"),
            Count("SELECT COUNT(*) FROM events"),
            Count("SELECT COUNT(*) FROM incidents"),
            Count("SELECT COUNT(*) FROM incidents WHERE counted = 1"),
            Count("SELECT COUNT(*) FROM evidence"));
    }

    public void Dispose() => _writer.Dispose();

    private static string Where(SqliteCommand cmd, EventQuery q)
    {
        var clauses = new List<string>();
        void Add(string clause, string name, object value)
        {
            clauses.Add(clause);
            cmd.Parameters.AddWithValue(name, value);
        }

        if (q.Modality is { } m)
        {
            Add("modality = $modality", "$modality", m.ToWireName());
        }
        else if (!q.IncludeUncounted)
        {
            clauses.Add("counted = 1");
        }

        if (q.From is { } from)
        {
            Add("event_date >= $from", "$from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (q.To is { } to)
        {
            Add("event_date <= $to", "$to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrWhiteSpace(q.Country))
        {
            Add("(country_code = $country COLLATE NOCASE OR country = $country COLLATE NOCASE)", "$country", q.Country.Trim());
        }

        if (!string.IsNullOrWhiteSpace(q.Admin1))
        {
            Add("admin1 = $admin1 COLLATE NOCASE", "$admin1", q.Admin1.Trim());
        }

        if (!string.IsNullOrWhiteSpace(q.EventType))
        {
            Add("event_type = $type COLLATE NOCASE", "$type", q.EventType.Trim());
        }

        if (!string.IsNullOrWhiteSpace(q.SubEventType))
        {
            Add("sub_event_type = $sub COLLATE NOCASE", "$sub", q.SubEventType.Trim());
        }

        if (!string.IsNullOrWhiteSpace(q.Actor))
        {
            Add("(actor1 LIKE $actor ESCAPE '\\' OR actor2 LIKE $actor ESCAPE '\\' OR assoc_actor_1 LIKE $actor ESCAPE '\\' OR assoc_actor_2 LIKE $actor ESCAPE '\\')",
                "$actor", "%" + EscapeLike(q.Actor.Trim()) + "%");
        }

        if (!string.IsNullOrWhiteSpace(q.ReviewState))
        {
            Add("review_state = $review", "$review", q.ReviewState.Trim());
        }

        if (!string.IsNullOrWhiteSpace(q.DocumentId))
        {
            Add("incident_id IN (SELECT incident_id FROM events WHERE document_id = $docid)", "$docid", q.DocumentId);
        }

        if (q.BoundingBox is { } b)
        {
            clauses.Add("latitude BETWEEN $minlat AND $maxlat AND longitude BETWEEN $minlon AND $maxlon");
            cmd.Parameters.AddWithValue("$minlat", b.MinLat);
            cmd.Parameters.AddWithValue("$maxlat", b.MaxLat);
            cmd.Parameters.AddWithValue("$minlon", b.MinLon);
            cmd.Parameters.AddWithValue("$maxlon", b.MaxLon);
        }

        if (!string.IsNullOrWhiteSpace(q.Text))
        {
            var match = SearchTerms.MatchExpression(q.Text);
            if (match is null)
            {
                clauses.Add("0");
            }
            else
            {
                Add("""
                    incident_id IN (
                        SELECT e.incident_id FROM events e JOIN evidence v ON v.event_id = e.event_id
                        WHERE v.evidence_key IN (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH $fts)
                        UNION
                        SELECT e.incident_id FROM events e JOIN documents d ON d.id = e.document_id
                        WHERE d.doc_key IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH $fts))
                    """, "$fts", match);
            }
        }

        return clauses.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", clauses);
    }

    private static string EscapeLike(string s) =>
        s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static StoredEvent ReadIncident(SqliteDataReader r)
    {
        var e = EventColumns.Read(r, 4, r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3));
        int o = 4 + EventColumns.Count;
        var docs = JsonSerializer.Deserialize<List<string>>(r.GetString(o + 1)) ?? [];
        return new StoredEvent(e, r.GetInt32(o), docs, r.GetString(o + 2));
    }

    private static string Snippet(string text, string query)
    {
        var normText = ArabicNormalizer.Normalize(text);
        var words = PhraseWords(query);
        int at = -1;
        foreach (var w in words)
        {
            at = normText.Text.IndexOf(w, StringComparison.Ordinal);
            if (at >= 0)
            {
                break;
            }
        }

        int start = at < 0 ? 0 : normText.ToOriginalIndex(Math.Max(0, at - 60));
        int end = Math.Min(text.Length, start + 200);
        var sb = new StringBuilder();
        if (start > 0)
        {
            sb.Append('…');
        }

        sb.Append(text.AsSpan(start, end - start).ToString().ReplaceLineEndings(" "));
        if (end < text.Length)
        {
            sb.Append('…');
        }

        return sb.ToString();
    }

    private static IEnumerable<string> PhraseWords(string query) =>
        ArabicNormalizer.Normalize(query).Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.TrimEnd('*')).Where(w => w.Length > 1);

    private SqliteConnection OpenConnection()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        Exec(c, "PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;");
        return c;
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteTransaction tx, string sql)
    {
        var cmd = tx.Connection!.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private static object? Scalar(SqliteTransaction tx, string sql, params (string Name, object Value)[] args)
    {
        using var cmd = Command(tx, sql);
        foreach (var (n, v) in args)
        {
            cmd.Parameters.AddWithValue(n, v);
        }

        return cmd.ExecuteScalar();
    }

    private static void Exec(SqliteTransaction tx, string sql, params (string Name, object Value)[] args)
    {
        using var cmd = Command(tx, sql);
        foreach (var (n, v) in args)
        {
            cmd.Parameters.AddWithValue(n, v);
        }

        cmd.ExecuteNonQuery();
    }

    private static void InsertFts(SqliteTransaction tx, string table, long rowid, string body) =>
        Exec(tx, $"INSERT INTO {table}(rowid, body) VALUES ($r, $b)", ("$r", rowid), ("$b", body));
}
