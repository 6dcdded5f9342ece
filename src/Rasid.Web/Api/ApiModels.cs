using System.Globalization;
using System.Text.Json.Serialization;
using Rasid.Core;
using Rasid.Store;

namespace Rasid.Web.Api;

/// <summary>
/// An event on the wire: every field of DESIGN.md's event record under ACLED's names, plus the incident view
/// (source_count, document_ids, review_state). For a per-document mention, <see cref="IncidentId"/> names the incident it belongs to.
/// </summary>
public sealed record EventDto(
    string EventId,
    string? IncidentId,
    string EventDate,
    string? EventDateEnd,
    int TimePrecision,
    string EventType,
    string SubEventType,
    string? Actor1,
    [property: JsonPropertyName("assoc_actor_1")] string? AssocActor1,
    int Inter1,
    string? Actor2,
    [property: JsonPropertyName("assoc_actor_2")] string? AssocActor2,
    int Inter2,
    int Interaction,
    string? Country,
    string? CountryCode,
    string? Admin1,
    string? Admin2,
    string? Admin3,
    string? Location,
    string? LocationAr,
    double? Latitude,
    double? Longitude,
    int? GeoPrecision,
    string? Source,
    string Notes,
    int Fatalities,
    int? FatalitiesLow,
    int? FatalitiesHigh,
    string Modality,
    IReadOnlyList<EvidenceDto> Evidence,
    string DocumentId,
    double Confidence,
    IReadOnlyList<PlaceCandidateDto> PlaceCandidates,
    int SourceCount,
    IReadOnlyList<string> DocumentIds,
    string? ReviewState)
{
    public static EventDto From(StoredEvent s) => From(s.Event, s.Event.EventId, s.SourceCount, s.DocumentIds, s.ReviewState);

    public static EventDto FromMention(ConflictEvent e, string? incidentId) => From(e, incidentId, 1, [e.DocumentId], null);

    private static EventDto From(ConflictEvent e, string? incidentId, int sourceCount, IReadOnlyList<string> documentIds, string? reviewState)
    {
        var l = e.Location;
        return new EventDto(
            e.EventId, incidentId, Date(e.EventDate), e.EventDateEnd is { } end ? Date(end) : null, (int)e.TimePrecision,
            e.EventType.Name(), e.SubEventType.Name(),
            e.Actor1?.Name, e.AssocActor1?.Name, (int)(e.Actor1?.Type ?? ActorType.None),
            e.Actor2?.Name, e.AssocActor2?.Name, (int)(e.Actor2?.Type ?? ActorType.None), e.Interaction,
            l?.Country, l?.CountryCode, l?.Admin1, l?.Admin2, l?.Admin3, l?.Name, l?.NameArabic,
            l?.Latitude, l?.Longitude, l is null ? null : (int)l.Precision,
            e.Source, e.Notes, e.Fatalities, e.FatalitiesLow, e.FatalitiesHigh, e.Modality.ToWireName(),
            e.Evidence.Select(v => new EvidenceDto(v.Start, v.End, v.Text)).ToList(), e.DocumentId, e.Confidence,
            e.PlaceCandidates.Select(c => new PlaceCandidateDto(c.Name, c.CountryCode, c.Admin1, c.Latitude, c.Longitude, c.Score)).ToList(),
            sourceCount, documentIds, reviewState);
    }

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>An incident as the dashboard's map and table show it (GET /api/events?fields=summary): no evidence, notes or candidates.</summary>
public sealed record EventSummaryDto(
    string EventId,
    string EventDate,
    int TimePrecision,
    string EventType,
    string SubEventType,
    string? Actor1,
    string? Actor2,
    string? Country,
    string? CountryCode,
    string? Admin1,
    string? Location,
    double? Latitude,
    double? Longitude,
    int? GeoPrecision,
    int Fatalities,
    string Modality,
    int SourceCount,
    string? ReviewState)
{
    public static EventSummaryDto From(StoredEvent s)
    {
        var e = s.Event;
        var l = e.Location;
        return new EventSummaryDto(
            e.EventId, EventDto.Date(e.EventDate), (int)e.TimePrecision, e.EventType.Name(), e.SubEventType.Name(), e.Actor1?.Name, e.Actor2?.Name,
            l?.Country, l?.CountryCode, l?.Admin1, l?.Name, l?.Latitude, l?.Longitude, l is null ? null : (int)l.Precision,
            e.Fatalities, e.Modality.ToWireName(), s.SourceCount, s.ReviewState);
    }
}

/// <summary>A page of incidents; <see cref="Next"/> is the cursor for the following page (the <c>after</c> parameter), null on the last page.</summary>
public sealed record EventSummaryPage(long Total, int Limit, int Offset, IReadOnlyList<EventSummaryDto> Items, string? Next = null);

public sealed record EvidenceDto(int Start, int End, string Text);

public sealed record PlaceCandidateDto(string Name, string CountryCode, string? Admin1, double Latitude, double Longitude, double Score);

/// <summary>A page of incidents; <see cref="Next"/> is the cursor for the following page (the <c>after</c> parameter), null on the last page.</summary>
public sealed record EventPage(long Total, int Limit, int Offset, IReadOnlyList<EventDto> Items, string? Next = null);

public sealed record SourceDto(string DocumentId, string? Title, string? Url, string Published, string? Source);

public sealed record HistoryDto(string IncidentId, string User, string Action, string? Field, string? OldValue, string? NewValue, DateTimeOffset At)
{
    public static HistoryDto From(ReviewEntry e) => new(e.IncidentId, e.User, e.Action, e.Field, e.OldValue, e.NewValue, e.At);
}

public sealed record EventDetail(EventDto Event, IReadOnlyList<EventDto> Mentions, IReadOnlyList<SourceDto> Sources, IReadOnlyList<HistoryDto> History);

public sealed record SpanDto(int Start, int End, string EventId, string Kind);

public sealed record DocumentDto(
    string Id, string? Title, string? Url, string? Source, string Published, string? CountryHint, string Text, string Status, string? Error,
    IReadOnlyList<EventDto> Events, IReadOnlyList<SpanDto> Spans);

/// <summary>POST /api/documents and /api/extract. Dates and optional fields are checked by hand so errors name the field.</summary>
public sealed record DocumentRequest
{
    public string? Text { get; init; }

    /// <summary>yyyy-mm-dd.</summary>
    public string? Published { get; init; }

    public string? CountryHint { get; init; }

    public string? Title { get; init; }

    public string? Url { get; init; }

    public string? Source { get; init; }

    /// <summary>Optional document id; default: derived from the text's content hash.</summary>
    public string? Id { get; init; }
}

public sealed record DocumentCreated(string DocumentId, bool Duplicate, IReadOnlyList<EventDto> Events);

public sealed record ExtractResult(IReadOnlyList<EventDto> Events);

public sealed record ReviewBody
{
    /// <summary>accept | reject | edit | merge | split.</summary>
    public string? Action { get; init; }

    public Dictionary<string, string?>? Fields { get; init; }

    public string? MergeWith { get; init; }

    public List<string>? MentionIds { get; init; }
}

public sealed record ReviewAnswer(EventDto Event, EventDto? SplitOff, IReadOnlyList<HistoryDto> Changes);

public sealed record TimelineDto(string Date, long Events, long Fatalities);

public sealed record FacetDto(string Name, long Count, string? Code);

public sealed record FacetsDto(
    IReadOnlyList<FacetDto> Countries, IReadOnlyList<FacetDto> Admin1, IReadOnlyList<FacetDto> EventTypes, IReadOnlyList<FacetDto> SubEventTypes,
    IReadOnlyList<FacetDto> Actors);

public sealed record LoginRequest(string? Name, string? Password);

public sealed record SessionDto(string Name, string Role, string? CsrfToken, string AuthMethod);

public sealed record MeDto(bool Authenticated, string? Name, string? Role, string? CsrfToken, bool ReadKeyed);

public sealed record QueueDto(long Queued, long Running, long Done, long Failed, long DoneLastMinute);

public sealed record IngestStatusDto(IngestServerDto Server, StoreCountsDto Store, QueueDto? Queue);

public sealed record IngestServerDto(
    long DocumentsReceived, long DocumentsStored, long DocumentsSkipped, long DocumentsFailed, long Events, long InFlight, long DocumentsLastMinute,
    DateTimeOffset? FirstAt, DateTimeOffset? LastAt);

public sealed record StoreCountsDto(long Documents, long FailedDocuments, long Events, long Incidents, long CountedIncidents);
