using Rasid.Core;

namespace Rasid.Store;

/// <summary>A document with the events extracted from it, written to the store in one piece.</summary>
public sealed record ExtractedDocument(Document Document, IReadOnlyList<ConflictEvent> Events)
{
    /// <summary>Set when extraction failed: the document is kept (status failed) so nothing is lost, with no events.</summary>
    public string? Error { get; init; }

    /// <summary>When the document was first stored (kept when a store is copied); default: now.</summary>
    public DateTimeOffset? IngestedAt { get; init; }

    /// <summary>
    /// The full-text index body (<see cref="SearchTerms.IndexBody"/>), when the caller computed it already — ingest does
    /// so on its extraction threads so the single writer does not have to.
    /// </summary>
    public string? SearchBody { get; init; }

    /// <summary>The document's <see cref="Store.ContentHash"/>, when the caller computed it already (ingest does, to skip known texts).</summary>
    public string? ContentHash { get; init; }
}

/// <summary>One entry of an incident's review history.</summary>
public sealed record ReviewEntry(string IncidentId, string User, string Action, string? Field, string? OldValue, string? NewValue, DateTimeOffset At);

/// <summary>An incident as analysts see it: the merged event, how many reports describe it, and which.</summary>
public sealed record StoredEvent(ConflictEvent Event, int SourceCount, IReadOnlyList<string> DocumentIds, string ReviewState);

/// <summary>A stored document with its status.</summary>
public sealed record StoredDocument(Document Document, string ContentHash, string Status, string? Error, int EventCount, DateTimeOffset IngestedAt);

/// <summary>What one write did.</summary>
public sealed record StoreWriteResult(int DocumentsAdded, int DocumentsSkipped, int EventsAdded);

/// <summary>Counts for status lines and consistency checks.</summary>
public sealed record StoreStats(long Documents, long FailedDocuments, long Events, long Incidents, long CountedIncidents, long EvidenceRows);

/// <summary>A full-text hit in a document.</summary>
public sealed record DocumentHit(string DocumentId, string? Title, DateOnly Published, string Snippet);

/// <summary>Which incidents to return. Every filter is optional; all given filters must hold.</summary>
public sealed record EventQuery
{
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>ISO2 code or country name.</summary>
    public string? Country { get; init; }

    public string? Admin1 { get; init; }

    public string? EventType { get; init; }

    public string? SubEventType { get; init; }

    /// <summary>Matches actor1, actor2 or the associated actors, case-insensitive substring.</summary>
    public string? Actor { get; init; }

    /// <summary>Full-text query over evidence and document text (Arabic-normalized on both sides).</summary>
    public string? Text { get; init; }

    /// <summary>min_lon, min_lat, max_lon, max_lat.</summary>
    public (double MinLon, double MinLat, double MaxLon, double MaxLat)? BoundingBox { get; init; }

    /// <summary>Null: counted modalities only (asserted/reported/claimed). Set: exactly that modality.</summary>
    public Modality? Modality { get; init; }

    /// <summary>Include negated/hypothetical/speculative/future incidents too.</summary>
    public bool IncludeUncounted { get; init; }

    public string? ReviewState { get; init; }

    public string? DocumentId { get; init; }

    public int Limit { get; init; } = 100;

    public int Offset { get; init; }

    /// <summary>date (default, newest first), date_asc, fatalities.</summary>
    public string OrderBy { get; init; } = "date";

    /// <summary>
    /// Keyset paging: only incidents after this one in <see cref="OrderBy"/>'s order (<see cref="EventCursor.Next"/> of
    /// the previous page); <see cref="Offset"/> still applies after it. Count, timeline and facets ignore it.
    /// </summary>
    public EventCursor? After { get; init; }
}

/// <summary>
/// Where Rasid keeps documents, events and incidents. The SQLite implementation is the default; a PostgreSQL one
/// follows behind the same interface. Implementations are safe for one writer and many readers.
/// </summary>
public interface IEventStore : IDisposable
{
    /// <summary>Human-readable description of where the store is (a file path, a server).</summary>
    string Location { get; }

    /// <summary>True when a document with this content hash is already stored.</summary>
    bool ContainsContentHash(string contentHash);

    /// <summary>Every stored content hash, so a batch can skip known documents before extracting them.</summary>
    HashSet<string> ContentHashes();

    /// <summary>Writes documents and their events in one transaction; documents already stored are skipped.</summary>
    StoreWriteResult Write(IReadOnlyList<ExtractedDocument> batch);

    /// <summary>
    /// Maintenance after a large load: merges the full-text index into one segment (SQLite FTS5 'optimize') and refreshes
    /// the planner's statistics (SQLite ANALYZE, PostgreSQL VACUUM ANALYZE). Every query answers the same afterwards, only
    /// faster; nothing is lost if it is interrupted.
    /// </summary>
    void Optimize();

    IReadOnlyList<StoredEvent> Query(EventQuery query);

    long Count(EventQuery query);

    StoredEvent? GetIncident(string incidentId);

    /// <summary>The per-document mentions that make up an incident.</summary>
    IReadOnlyList<ConflictEvent> GetMentions(string incidentId);

    StoredDocument? GetDocument(string documentId);

    IReadOnlyList<DocumentHit> SearchDocuments(string text, int limit = 20);

    StoreStats Stats();

    /// <summary>Every document with the mentions extracted from it, in storage order (for copying a store).</summary>
    IEnumerable<(StoredDocument Document, IReadOnlyList<ConflictEvent> Mentions)> ReadAll();

    /// <summary>Review states that are not 'unreviewed', and the whole review history (for copying a store).</summary>
    (IReadOnlyDictionary<string, string> States, IReadOnlyList<ReviewEntry> History) ReadReviews();

    /// <summary>Restores review states and history read from another store.</summary>
    void WriteReviews(IReadOnlyDictionary<string, string> states, IReadOnlyList<ReviewEntry> history);

    /// <summary>
    /// Applies an analyst's review action in one transaction, writing one history entry per changed field (who, what,
    /// old → new, when). Throws <see cref="Rasid.Core.RasidException"/> (E330 unknown incident, E331 bad request).
    /// </summary>
    ReviewResult Review(ReviewRequest request);

    /// <summary>The review history of an incident, oldest first.</summary>
    IReadOnlyList<ReviewEntry> History(string incidentId);

    /// <summary>Incidents and fatalities per day among those the query selects (limit and offset are ignored).</summary>
    IReadOnlyList<TimelineDay> Timeline(EventQuery query);

    /// <summary>The <paramref name="top"/> most frequent values of each filterable field among the selected incidents.</summary>
    EventFacets Facets(EventQuery query, int top = 20);

    /// <summary>Adds a user; throws E340 when the name is taken.</summary>
    void AddUser(UserRecord user);

    UserRecord? FindUser(string name);

    /// <summary>The user whose API key has this SHA-256 hash (<see cref="UserSecrets.HashApiKey"/>).</summary>
    UserRecord? FindUserByApiKeyHash(string apiKeyHash);

    IReadOnlyList<UserRecord> ListUsers();

    bool RemoveUser(string name);

    /// <summary>Records the outcome of a login: the failed-login count and the lockout end.</summary>
    void SetLoginState(string name, int failedLogins, DateTimeOffset? lockedUntil);
}
