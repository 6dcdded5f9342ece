using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Rasid.Arabic.Text;
using Rasid.Core;

namespace Rasid.Store.Relational;

/// <summary>
/// The store's logic over ADO.NET, shared by SQLite and PostgreSQL: idempotent document writes, mentions, evidence,
/// order-independent incident clustering (<see cref="IncidentRules"/>), filtered queries and full-text search. A dialect
/// subclass supplies connections, full-text indexing and locking.
/// </summary>
public abstract partial class RelationalEventStore : IEventStore
{
    private const string DateFormat = "yyyy-MM-dd";

    public abstract string Location { get; }

    /// <summary>Opens and configures a new connection.</summary>
    protected abstract DbConnection OpenConnection();

    /// <summary>Indexes the searchable body of a row of <c>documents</c> or <c>evidence</c>.</summary>
    private protected abstract void IndexText(WriteSession session, string table, long key, string body);

    /// <summary>
    /// An SQL expression computing a row's search column from parameter <paramref name="param"/> in the INSERT itself
    /// (one statement, no second row version); null when the dialect indexes in a separate table (<see cref="IndexText"/>).
    /// </summary>
    protected virtual string? InlineSearchValue(string param) => null;

    /// <summary>Binds the parameter(s) <see cref="InlineSearchValue"/> reads for the index body <paramref name="body"/>.</summary>
    protected virtual void BindSearch(DbCommand cmd, string param, string body) => cmd.Add(param, body);

    /// <summary>SQL selecting the keys (doc_key / evidence_key) of rows of <paramref name="table"/> matching parameter <paramref name="param"/>.</summary>
    protected abstract string MatchingKeys(string table, string param);

    /// <summary>An SQL condition: the row of <paramref name="table"/> with key <paramref name="keySql"/> matches parameter <paramref name="param"/>.</summary>
    protected abstract string KeyMatches(string table, string keySql, string param);

    /// <summary>
    /// True when the database plans ranges without value histograms (SQLite without STAT4): the store then decides from
    /// a quick count whether a bounding box is large enough to be better checked in page order than read from its index.
    /// </summary>
    protected virtual bool GuessesRangeSelectivity => false;

    /// <summary>
    /// True when a correlated full-text check runs per incident as written (SQLite: an FTS5 rowid probe). PostgreSQL's
    /// planner turns it into a hashed subplan over every match, the matching-set plan again, so it keeps that plan.
    /// </summary>
    protected virtual bool ProbesTextPerIncident => false;

    /// <summary>
    /// An SQL condition on <c>incidents</c>: the incident's mentions' documents and evidence hold every term of parameter
    /// <paramref name="param"/> between them (PostgreSQL: the incidents' own search vector); null where the store has none.
    /// </summary>
    protected virtual string? IncidentTextCondition(string param) => null;

    /// <summary>The full-text query parameter's value for the dialect.</summary>
    protected abstract string FullTextQuery(IReadOnlyList<SearchTerms.Term> terms);

    /// <summary>SQL ordering documents by relevance for <see cref="SearchDocuments"/>; selects doc_key, ordered best first.</summary>
    protected abstract string RankedDocumentKeys(string param, string limitParam);

    /// <summary>Called at the start of every write transaction; PostgreSQL serializes incident clustering across writers here.</summary>
    protected virtual void BeginWrite(DbTransaction tx)
    {
    }

    /// <summary>Called after a write transaction committed (its locks are released).</summary>
    protected virtual void EndWrite()
    {
    }

    /// <summary>The one connection writes go through (SQLite); PostgreSQL opens one per write.</summary>
    protected abstract DbConnection WriteConnection();

    protected virtual void ReleaseWriteConnection(DbConnection connection)
    {
    }

    private readonly Lock _writeLock = new();

    public bool ContainsContentHash(string contentHash)
    {
        using var c = OpenConnection();
        return Db.Scalar(c, null, "SELECT 1 FROM documents WHERE content_hash = @h", ("@h", contentHash)) is not null;
    }

    public HashSet<string> ContentHashes()
    {
        using var c = OpenConnection();
        using var cmd = Db.Command(c, null, "SELECT content_hash FROM documents");
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
            var connection = WriteConnection();
            try
            {
                int added = 0, skipped = 0, events = 0;
                using var tx = connection.BeginTransaction();
                using var session = new WriteSession(tx);
                var started = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

                // Documents, their full-text index, mentions and evidence first, outside the clustering lock, so writers in
                // other processes (PostgreSQL workers) do this — the bulk of the bytes and the tokenizing — in parallel.
                // A concurrent insert of the same text waits on the unique index and then counts as skipped. Mentions go in
                // pending (no incident yet: clustering skips them), so each is clustered below against exactly what a
                // one-by-one write would have seen.
                var pending = new List<(ConflictEvent Mention, string Now)>();
                foreach (var item in batch)
                {
                    var now = item.IngestedAt?.ToString("O", CultureInfo.InvariantCulture) ?? started;
                    var doc = item.Document;
                    long t0 = WriteProfile.Start();
                    var hash = item.ContentHash ?? ContentHash.Of(doc.Text);
                    var id = doc.Id;
                    var body = item.SearchBody ?? SearchTerms.IndexBody(doc.Text);
                    // The insert itself detects a known text or id (ON CONFLICT DO NOTHING): no look-up before it.
                    var key = InsertDocument(session, doc, id, hash, item, now, body);
                    if (key is null)
                    {
                        if (session.Scalar("SELECT 1 FROM documents WHERE content_hash = @h", ("@h", hash)) is not null)
                        {
                            WriteProfile.Add("insert document", t0);
                            skipped++; // stored before, or by another writer a moment ago
                            continue;
                        }

                        id = $"{doc.Id}~{hash[..12]}"; // same id, other text (an updated article): keep both
                        key = InsertDocument(session, doc, id, hash, item, now, body);
                        if (key is null)
                        {
                            WriteProfile.Add("insert document", t0);
                            skipped++;
                            continue;
                        }
                    }

                    WriteProfile.Add("insert document", t0);
                    if (!IndexesInline)
                    {
                        t0 = WriteProfile.Start();
                        IndexText(session, "documents", key.Value, body);
                        WriteProfile.Add("index document text", t0);
                    }

                    foreach (var e in item.Error is null ? item.Events : [])
                    {
                        var ev = e.DocumentId == id ? e : e with { DocumentId = id, EventId = id == doc.Id ? e.EventId : $"{e.EventId}~{hash[..8]}" };
                        t0 = WriteProfile.Start();
                        bool inserted = InsertMention(session, ev);
                        WriteProfile.Add("insert mention + evidence", t0);
                        if (inserted)
                        {
                            pending.Add((ev, now));
                        }
                    }

                    added++;
                }

                // Incident clustering: serialized across writers (BeginWrite), since it reads and rewrites incidents other
                // writers may touch. Each statement here sees what earlier writers committed.
                BeginWrite(tx);
                var incidents = new IncidentBatch(session);
                foreach (var (mention, now) in pending)
                {
                    long t0 = WriteProfile.Start();
                    incidents.Add(mention, now);
                    WriteProfile.Add("cluster", t0);
                    events++;
                }

                long tf = WriteProfile.Start();
                incidents.Flush();
                WriteProfile.Add("write incidents", tf);
                tf = WriteProfile.Start();
                tx.Commit();
                WriteProfile.Add("commit", tf);
                EndWrite();
                return new StoreWriteResult(added, skipped, events);
            }
            finally
            {
                ReleaseWriteConnection(connection);
            }
        }
    }

    // Whether the dialect computes the search column inside the INSERT (InlineSearchValue), and the write statements built
    // for it once per store rather than once per row.
    private bool IndexesInline => _indexesInline ??= InlineSearchValue("@search") is not null;

    private bool? _indexesInline;

    private string InsertDocumentSql => _insertDocumentSql ??= InsertSql(
        "documents(id, content_hash, source, url, title, published, country_hint, text, status, error, event_count, ingested_at",
        "@id, @hash, @source, @url, @title, @published, @country, @text, @status, @error, @count, @now", "@search",
        "ON CONFLICT DO NOTHING RETURNING doc_key");

    private string InsertEvidenceSql => _insertEvidenceSql ??= InsertSql(
        "evidence(event_id, document_id, start_offset, end_offset, text", "@e, @d, @s, @t, @x", "@body", "RETURNING evidence_key");

    private string? _insertDocumentSql;
    private string? _insertEvidenceSql;

    private string InsertSql(string tableAndColumns, string values, string searchParam, string tail)
    {
        var search = InlineSearchValue(searchParam);
        return search is null
            ? $"INSERT INTO {tableAndColumns}) VALUES ({values}) {tail}"
            : $"INSERT INTO {tableAndColumns}, search) VALUES ({values}, {search}) {tail}";
    }

    private long? InsertDocument(WriteSession session, Document doc, string id, string hash, ExtractedDocument item, string now, string body)
    {
        var cmd = session.Command(InsertDocumentSql);
        cmd.Add("@id", id);
        cmd.Add("@hash", hash);
        cmd.Add("@source", doc.Source);
        cmd.Add("@url", doc.Url);
        cmd.Add("@title", doc.Title);
        cmd.Add("@published", doc.Published.ToString(DateFormat, CultureInfo.InvariantCulture));
        cmd.Add("@country", doc.CountryHint);
        cmd.Add("@text", doc.Text);
        cmd.Add("@status", item.Error is null ? "extracted" : "failed");
        cmd.Add("@error", item.Error);
        cmd.Add("@count", item.Error is null ? item.Events.Count : 0);
        cmd.Add("@now", now);
        if (IndexesInline)
        {
            BindSearch(cmd, "@search", body);
        }

        var r = cmd.ExecuteScalar();
        return r is null or DBNull ? null : Db.Long(r);
    }

    private static readonly string InsertMentionSql = $"""
        INSERT INTO events(event_id, document_id, incident_id, {EventColumns.List}, evidence, place_candidates)
        VALUES (@event_id, @document_id, '', {EventColumns.Parameters}, @evidence, @candidates)
        ON CONFLICT (event_id) DO NOTHING
        """;

    private bool InsertMention(WriteSession session, ConflictEvent e)
    {
        var cmd = session.Command(InsertMentionSql);
        cmd.Add("@event_id", e.EventId);
        cmd.Add("@document_id", e.DocumentId);
        EventColumns.Bind(cmd, e);
        cmd.Add("@evidence", EventJson.Evidence(e.Evidence));
        cmd.Add("@candidates", EventJson.Candidates(e.PlaceCandidates));
        if (cmd.ExecuteNonQuery() == 0)
        {
            return false;
        }

        bool inline = IndexesInline;
        foreach (var ev in e.Evidence)
        {
            var ins = session.Command(InsertEvidenceSql);
            ins.Add("@e", e.EventId);
            ins.Add("@d", e.DocumentId);
            ins.Add("@s", ev.Start);
            ins.Add("@t", ev.End);
            ins.Add("@x", ev.Text);
            var body = SearchTerms.IndexBody(ev.Text);
            if (inline)
            {
                BindSearch(ins, "@body", body);
            }

            var key = Db.Long(ins.ExecuteScalar());
            if (!inline)
            {
                IndexText(session, "evidence", key, body);
            }
        }

        return true;
    }

    private static List<ConflictEvent> LoadMentions(DbConnection c, DbTransaction? tx, string incidentId)
    {
        var list = new List<ConflictEvent>();
        using var cmd = Db.Command(c, tx, $"SELECT event_id, document_id, evidence, place_candidates, {EventColumns.List} FROM events WHERE incident_id = @i ORDER BY event_id");
        cmd.Add("@i", incidentId);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(EventColumns.Read(r, 4, r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
        }

        return list;
    }

    private const string IncidentColumns = "incident_id, primary_document_id, evidence, place_candidates, " + EventColumns.List + ", source_count, document_ids, review_state";

    public IReadOnlyList<StoredEvent> Query(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var c = OpenConnection();
        using var cmd = c.CreateCommand();
        var where = Where(cmd, query, page: c);
        var order = query.OrderBy switch
        {
            "date_asc" => "event_date ASC, incident_id",
            "fatalities" => "fatalities DESC, event_date DESC, incident_id",
            _ => "event_date DESC, incident_id",
        };
        if (query.After is { } after)
        {
            where = (where.Length == 0 ? "WHERE " : where + " AND ") + Keyset(cmd, query.OrderBy, after);
        }

        // When the page must be sorted out of many rows or found past an OFFSET, its ids are found first — sorted or
        // skipped over the index, whose last column is incident_id — and only then its rows are read, instead of
        // sorting or skipping whole rows with their evidence and candidates JSON. A first page in date order is read
        // straight from an index already in that order.
        bool idsFirst = query.Offset > 0 || query.OrderBy == "fatalities" || !string.IsNullOrWhiteSpace(query.Text) || query.BoundingBox is not null;
        cmd.CommandText = idsFirst
            ? $"""
              SELECT {IncidentColumns} FROM incidents
              WHERE incident_id IN (SELECT incident_id FROM incidents {where} ORDER BY {order} LIMIT @limit OFFSET @offset)
              ORDER BY {order}
              """
            : $"SELECT {IncidentColumns} FROM incidents {where} ORDER BY {order} LIMIT @limit OFFSET @offset";
        cmd.Add("@limit", Math.Clamp(query.Limit, 0, 100_000));
        cmd.Add("@offset", Math.Max(0, query.Offset));
        var list = new List<StoredEvent>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(ReadIncident(r));
        }

        return list;
    }

    /// <summary>The incidents after <paramref name="after"/> in the order <paramref name="orderBy"/> (written so the leading sort column bounds an index range).</summary>
    private static string Keyset(DbCommand cmd, string orderBy, EventCursor after)
    {
        if (after.OrderBy != orderBy)
        {
            throw new RasidException("E336", after.OrderBy, $"the page cursor was made for order '{after.OrderBy}', not '{orderBy}'");
        }

        cmd.Add("@after_date", after.EventDate.ToString(DateFormat, CultureInfo.InvariantCulture));
        cmd.Add("@after_id", after.IncidentId);
        switch (orderBy)
        {
            case "date_asc":
                return "(event_date >= @after_date AND (event_date > @after_date OR incident_id > @after_id))";
            case "fatalities":
                cmd.Add("@after_fatalities", after.Fatalities);
                return """
                    (fatalities <= @after_fatalities AND (fatalities < @after_fatalities OR event_date < @after_date
                     OR (event_date = @after_date AND incident_id > @after_id)))
                    """;
            default:
                return "(event_date <= @after_date AND (event_date < @after_date OR incident_id > @after_id))";
        }
    }

    /// <summary>
    /// SQL for the id of the incident that <paramref name="parameter"/> names now. An incident's id is its smallest
    /// member event id, so it changes when a report with a smaller id joins (or an analyst merges): an id that no longer
    /// names an incident still names that mention, whose current incident is found through the events table. Links
    /// and review actions taken from a page read a moment earlier keep working while ingest goes on.
    /// </summary>
    private static string CurrentIncidentOf(string parameter) =>
        $"COALESCE((SELECT incident_id FROM incidents WHERE incident_id = {parameter}), (SELECT incident_id FROM events WHERE event_id = {parameter}))";

    public StoredEvent? GetIncident(string incidentId)
    {
        using var c = OpenConnection();
        using var cmd = Db.Command(c, null, $"SELECT {IncidentColumns} FROM incidents WHERE incident_id = {CurrentIncidentOf("@i")}");
        cmd.Add("@i", incidentId);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadIncident(r) : null;
    }

    public IReadOnlyList<ConflictEvent> GetMentions(string incidentId)
    {
        using var c = OpenConnection();
        return LoadMentions(c, null, incidentId);
    }

    public StoredDocument? GetDocument(string documentId)
    {
        using var c = OpenConnection();
        using var cmd = Db.Command(c, null, """
            SELECT id, text, published, country_hint, source, url, title, content_hash, status, error, event_count, ingested_at
            FROM documents WHERE id = @id
            """);
        cmd.Add("@id", documentId);
        using var r = cmd.ExecuteReader();
        if (!r.Read())
        {
            return null;
        }

        var doc = new Document(r.GetString(0), r.GetString(1), DateOnly.ParseExact(r.GetString(2), DateFormat, CultureInfo.InvariantCulture))
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
        ArgumentNullException.ThrowIfNull(text);
        var terms = SearchTerms.Terms(text);
        if (terms.Count == 0)
        {
            return [];
        }

        using var c = OpenConnection();
        var keys = new List<long>();
        using (var rank = Db.Command(c, null, RankedDocumentKeys("@q", "@limit")))
        {
            rank.Add("@q", FullTextQuery(terms));
            rank.Add("@limit", Math.Clamp(limit, 1, 1000));
            using var rr = rank.ExecuteReader();
            while (rr.Read())
            {
                keys.Add(rr.GetInt64(0));
            }
        }

        var hits = new List<DocumentHit>();
        foreach (var key in keys)
        {
            using var cmd = Db.Command(c, null, "SELECT id, title, published, text FROM documents WHERE doc_key = @k");
            cmd.Add("@k", key);
            using var r = cmd.ExecuteReader();
            if (r.Read())
            {
                hits.Add(new DocumentHit(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1),
                    DateOnly.ParseExact(r.GetString(2), DateFormat, CultureInfo.InvariantCulture), Snippet(r.GetString(3), text)));
            }
        }

        return hits;
    }

    public StoreStats Stats()
    {
        using var c = OpenConnection();
        long Count(string sql) => Db.Long(Db.Scalar(c, null, sql));
        return new StoreStats(
            Count("SELECT COUNT(*) FROM documents"),
            Count("SELECT COUNT(*) FROM documents WHERE status = 'failed'"),
            Count("SELECT COUNT(*) FROM events"),
            Count("SELECT COUNT(*) FROM incidents"),
            Count("SELECT COUNT(*) FROM incidents WHERE counted = 1"),
            Count("SELECT COUNT(*) FROM evidence"));
    }

    public IEnumerable<(StoredDocument Document, IReadOnlyList<ConflictEvent> Mentions)> ReadAll()
    {
        long after = -1;
        while (true)
        {
            var page = new List<(long Key, string Id)>();
            using (var c = OpenConnection())
            using (var cmd = Db.Command(c, null, "SELECT doc_key, id FROM documents WHERE doc_key > @k ORDER BY doc_key LIMIT 500"))
            {
                cmd.Add("@k", after);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    page.Add((r.GetInt64(0), r.GetString(1)));
                }
            }

            if (page.Count == 0)
            {
                yield break;
            }

            foreach (var (key, id) in page)
            {
                var doc = GetDocument(id)!;
                var mentions = new List<ConflictEvent>();
                using (var c = OpenConnection())
                using (var cmd = Db.Command(c, null, $"SELECT event_id, document_id, evidence, place_candidates, {EventColumns.List} FROM events WHERE document_id = @d ORDER BY event_id"))
                {
                    cmd.Add("@d", id);
                    using var r = cmd.ExecuteReader();
                    while (r.Read())
                    {
                        mentions.Add(EventColumns.Read(r, 4, r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
                    }
                }

                yield return (doc, mentions);
                after = key;
            }
        }
    }

    public (IReadOnlyDictionary<string, string> States, IReadOnlyList<ReviewEntry> History) ReadReviews()
    {
        using var c = OpenConnection();
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var cmd = Db.Command(c, null, "SELECT incident_id, review_state FROM incidents WHERE review_state <> 'unreviewed'"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                states[r.GetString(0)] = r.GetString(1);
            }
        }

        var history = new List<ReviewEntry>();
        using (var cmd = Db.Command(c, null, "SELECT incident_id, user_name, action, field, old_value, new_value, at FROM review_history ORDER BY history_key"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                history.Add(new ReviewEntry(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                    r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), DateTimeOffset.Parse(r.GetString(6), CultureInfo.InvariantCulture)));
            }
        }

        return (states, history);
    }

    public void WriteReviews(IReadOnlyDictionary<string, string> states, IReadOnlyList<ReviewEntry> history)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(history);
        lock (_writeLock)
        {
            var connection = WriteConnection();
            try
            {
                using var tx = connection.BeginTransaction();
                foreach (var (id, state) in states)
                {
                    Db.Exec(connection, tx, "UPDATE incidents SET review_state = @s WHERE incident_id = @i", ("@s", state), ("@i", id));
                }

                foreach (var h in history)
                {
                    Db.Exec(connection, tx,
                        "INSERT INTO review_history(incident_id, user_name, action, field, old_value, new_value, at) VALUES (@i, @u, @a, @f, @o, @n, @t)",
                        ("@i", h.IncidentId), ("@u", h.User), ("@a", h.Action), ("@f", h.Field), ("@o", h.OldValue), ("@n", h.NewValue),
                        ("@t", h.At.ToString("O", CultureInfo.InvariantCulture)));
                }

                tx.Commit();
            }
            finally
            {
                ReleaseWriteConnection(connection);
            }
        }
    }

    public abstract void Optimize();

    public abstract void Dispose();

    /// <summary>
    /// The WHERE clause of a query's filters. <paramref name="page"/> (the connection, when only the first page of the
    /// selection will be read) lets a common full-text term or a large bounding box be checked per incident while the
    /// index is walked in page order, instead of building the whole matching set first.
    /// </summary>
    private string Where(DbCommand cmd, EventQuery q, DbConnection? page = null)
    {
        var clauses = new List<string>();
        void Add(string clause, string name, object value)
        {
            clauses.Add(clause);
            cmd.Add(name, value);
        }

        if (q.Modality is { } m)
        {
            Add("modality = @modality", "@modality", m.ToWireName());
        }
        else if (!q.IncludeUncounted)
        {
            clauses.Add("counted = 1");
        }

        if (q.From is { } from)
        {
            Add("event_date >= @from", "@from", from.ToString(DateFormat, CultureInfo.InvariantCulture));
        }

        if (q.To is { } to)
        {
            Add("event_date <= @to", "@to", to.ToString(DateFormat, CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrWhiteSpace(q.Country))
        {
            // Two letters are an ISO2 code, anything longer a country's name: one indexed comparison (an OR of the two
            // would read every row of the store).
            var country = q.Country.Trim();
            Add(country.Length == 2 ? "lower(country_code) = lower(@country)" : "lower(country) = lower(@country)", "@country", country);
        }

        if (!string.IsNullOrWhiteSpace(q.Admin1))
        {
            Add("lower(admin1) = lower(@admin1)", "@admin1", q.Admin1.Trim());
        }

        if (!string.IsNullOrWhiteSpace(q.EventType))
        {
            Add("lower(event_type) = lower(@type)", "@type", q.EventType.Trim());
        }

        if (!string.IsNullOrWhiteSpace(q.SubEventType))
        {
            Add("lower(sub_event_type) = lower(@sub)", "@sub", q.SubEventType.Trim());
        }

        if (!string.IsNullOrWhiteSpace(q.Actor))
        {
            Add("""
                (lower(actor1) LIKE @actor ESCAPE '\' OR lower(actor2) LIKE @actor ESCAPE '\'
                 OR lower(assoc_actor_1) LIKE @actor ESCAPE '\' OR lower(assoc_actor_2) LIKE @actor ESCAPE '\')
                """, "@actor", "%" + EscapeLike(q.Actor.Trim().ToLowerInvariant()) + "%");
        }

        if (!string.IsNullOrWhiteSpace(q.ReviewState))
        {
            Add("review_state = @review", "@review", q.ReviewState.Trim());
        }

        if (!string.IsNullOrWhiteSpace(q.DocumentId))
        {
            Add("incident_id IN (SELECT incident_id FROM events WHERE document_id = @docid)", "@docid", q.DocumentId);
        }

        if (q.BoundingBox is { } b)
        {
            // A bounding box that holds many incidents is checked on each incident in page order ('+' keeps SQLite off
            // the latitude index, which would read and sort every incident inside it); a small one reads that index.
            var plus = page is not null && GuessesRangeSelectivity && ManyInBox(page, b) ? "+" : string.Empty;
            clauses.Add($"{plus}latitude BETWEEN @minlat AND @maxlat AND {plus}longitude BETWEEN @minlon AND @maxlon");
            cmd.Add("@minlat", b.MinLat);
            cmd.Add("@maxlat", b.MaxLat);
            cmd.Add("@minlon", b.MinLon);
            cmd.Add("@maxlon", b.MaxLon);
        }

        if (!string.IsNullOrWhiteSpace(q.Text))
        {
            var terms = SearchTerms.Terms(q.Text);
            if (terms.Count == 0)
            {
                clauses.Add("1 = 0");
            }
            else if (page is not null && ProbesTextPerIncident && CommonTextPlan(page, FullTextQuery(terms), q, cmd, clauses) is { } plan)
            {
                // A term in many documents: walk the incidents in page order and check each against the full-text index,
                // so the page is found after a few hundred incidents — either with an index probe per incident, or, when the
                // walk may be long (a narrow selection, a deep page), against the sets of matching keys read once. The
                // document check comes first: an evidence span is part of its document's text, so the evidence check rarely
                // decides.
                Add($"""
                    (EXISTS (SELECT 1 FROM events e JOIN documents d ON d.id = e.document_id
                             WHERE e.incident_id = incidents.incident_id AND {plan.Documents("d.doc_key")})
                     OR EXISTS (SELECT 1 FROM events e JOIN evidence v ON v.event_id = e.event_id
                                WHERE e.incident_id = incidents.incident_id AND {plan.Evidence("v.evidence_key")}))
                    """, "@fts", FullTextQuery(terms));
            }
            else
            {
                var matchingSet = $"""
                    incident_id IN (
                        SELECT e.incident_id FROM events e JOIN evidence v ON v.event_id = e.event_id
                        WHERE v.evidence_key IN ({MatchingKeys("evidence", "@fts")})
                        UNION
                        SELECT e.incident_id FROM events e JOIN documents d ON d.id = e.document_id
                        WHERE d.doc_key IN ({MatchingKeys("documents", "@fts")}))
                    """;
                cmd.Add("@fts", FullTextQuery(terms));
                if (IncidentTextCondition("@fts") is { } onIncidents)
                {
                    // The incident's own lexemes decide one plain word exactly; several words (or a term the parser splits,
                    // like 'al-qaeda') must also meet in one document or evidence span, which the matching set checks.
                    clauses.Add(onIncidents);
                    if (terms.Count > 1 || !terms[0].Text.All(char.IsLetterOrDigit))
                    {
                        clauses.Add(matchingSet);
                    }
                }
                else
                {
                    clauses.Add(matchingSet);
                }
            }
        }

        return clauses.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", clauses);
    }

    /// <summary>How a page walk checks a common term on each incident: SQL conditions on a document and an evidence key.</summary>
    private sealed record TextWalk(Func<string, string> Documents, Func<string, string> Evidence);

    /// <summary>
    /// The walk plan for a term whose documents are a large share of the store (3 % or more; null for a rarer term, which
    /// keeps the matching-set plan: joining its few matches is cheaper than any walk). The walk reads incidents in page
    /// order until the page is full: about (offset + limit) / share of them, fewer when the other filters select fewer
    /// (counted from their index, stopping there). Each walked incident costs one or two index probes (tens of µs: the
    /// term's document list is sought in every segment), or, after the term's document and evidence keys are read once
    /// (a fraction of a µs each), two set look-ups: the cheaper of the two is taken. A term in most documents fills a
    /// page after a few hundred probes; a narrow selection (a country and a month) may walk all of it and fail most probes.
    /// </summary>
    private TextWalk? CommonTextPlan(DbConnection c, string fullText, EventQuery q, DbCommand filters, List<string> clauses)
    {
        long documents = Db.Long(Db.Scalar(c, null, "SELECT COALESCE(MAX(doc_key), 0) FROM documents") ?? 0L);
        if (documents < PagePlans.CommonTextMinimumDocuments)
        {
            return null;
        }

        long docMatches = Db.Long(Db.Scalar(c, null, $"SELECT COUNT(*) FROM ({MatchingKeys("documents", "@q")}) m", ("@q", fullText)) ?? 0L);
        if (docMatches * 100 < documents * PagePlans.CommonTextPercent)
        {
            return null;
        }

        var probe = new TextWalk(k => KeyMatches("documents", k, "@fts"), k => KeyMatches("evidence", k, "@fts"));
        if (PagePlans.TextWalk is { } forced)
        {
            return forced == TextWalkPlan.Probe ? probe : KeySetWalk(c, fullText);
        }

        long wanted = Math.Max(0, q.Offset) + Math.Clamp(q.Limit, 1, 100_000);
        long walk = (long)Math.Min(int.MaxValue, Math.Ceiling(wanted * (double)documents / Math.Max(1, docMatches)));
        using (var count = c.CreateCommand())
        {
            count.CommandText = $"SELECT COUNT(*) FROM (SELECT 1 FROM incidents {(clauses.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", clauses))} LIMIT @walk) x";
            foreach (DbParameter p in filters.Parameters)
            {
                count.Add(p.ParameterName, p.Value);
            }

            count.Add("@walk", walk);
            walk = Db.Long(count.ExecuteScalar());
        }

        long evidenceMatches = Db.Long(Db.Scalar(c, null, $"SELECT COUNT(*) FROM ({MatchingKeys("evidence", "@q")}) m", ("@q", fullText)) ?? 0L);
        double probeMicros = walk * ProbeMicros;
        double setMicros = (docMatches + evidenceMatches) * KeyReadMicros + walk * SetWalkMicros;
        return probeMicros <= setMicros ? probe : KeySetWalk(c, fullText);
    }

    // Measured over the one-million-incident store (docs/benchmarks.md): a walked incident that fails both index probes
    // ≈ 80 µs; one checked against the key sets ≈ 8 µs; a matching key read into a set ≈ 0.2 µs.
    private const double ProbeMicros = 80, SetWalkMicros = 8, KeyReadMicros = 0.2;

    private TextWalk KeySetWalk(DbConnection c, string fullText) =>
        new(KeySetCondition(c, "documents", fullText), KeySetCondition(c, "evidence", fullText));

    /// <summary>
    /// Reads the keys of the rows of <paramref name="table"/> matching <paramref name="fullText"/> once and returns an SQL
    /// condition builder: is a key among them. Only called where <see cref="ProbesTextPerIncident"/> is true.
    /// </summary>
    protected virtual Func<string, string> KeySetCondition(DbConnection c, string table, string fullText) =>
        throw new NotSupportedException("this store walks no key sets");

    /// <summary>How a common term is checked on each walked incident (null: by the cost estimate).</summary>
    internal enum TextWalkPlan
    {
        Probe,
        KeySets,
    }

    /// <summary>Where a page query changes plan; the tests move them to run each plan over a small store.</summary>
    internal sealed record PagePlanLimits(long CommonTextMinimumDocuments, int CommonTextPercent, int ManyInBox, TextWalkPlan? TextWalk = null)
    {
        public static PagePlanLimits Default { get; } = new(10_000, 3, 20_000);
    }

    internal PagePlanLimits PagePlans { get; set; } = PagePlanLimits.Default;

    /// <summary>Whether a bounding box holds at least 20,000 incidents (read from the latitude/longitude index, stopping there).</summary>
    private bool ManyInBox(DbConnection c, (double MinLon, double MinLat, double MaxLon, double MaxLat) b) =>
        Db.Long(Db.Scalar(c, null, """
            SELECT COUNT(*) FROM (SELECT 1 FROM incidents
                                  WHERE latitude BETWEEN @minlat AND @maxlat AND longitude BETWEEN @minlon AND @maxlon LIMIT @many) x
            """, ("@minlat", b.MinLat), ("@maxlat", b.MaxLat), ("@minlon", b.MinLon), ("@maxlon", b.MaxLon), ("@many", PagePlans.ManyInBox)) ?? 0L)
        >= PagePlans.ManyInBox;

    private static string EscapeLike(string s) =>
        s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static StoredEvent ReadIncident(DbDataReader r)
    {
        var e = EventColumns.Read(r, 4, r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3));
        int o = 4 + EventColumns.Count;
        var docs = JsonSerializer.Deserialize<List<string>>(r.GetString(o + 1)) ?? [];
        return new StoredEvent(e, r.GetInt32(o), docs, r.GetString(o + 2));
    }

    private static string Snippet(string text, string query)
    {
        var normText = ArabicNormalizer.Normalize(text);
        int at = -1;
        foreach (var w in ArabicNormalizer.Normalize(query).Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.TrimEnd('*')).Where(w => w.Length > 1))
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
}
