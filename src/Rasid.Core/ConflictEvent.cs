namespace Rasid.Core;

/// <summary>An actor as it appears on an event: ACLED's canonical English name and actor type.</summary>
public sealed record EventActor(string Name, ActorType Type)
{
    /// <summary>The span in the original text that named the actor, when it was named.</summary>
    public TextSpan? Evidence { get; init; }
}

/// <summary>Where an event happened, at ACLED's level of detail.</summary>
public sealed record EventLocation
{
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string CountryCode { get; init; }

    /// <summary>The country's English name as ACLED writes it.</summary>
    public string? Country { get; init; }

    public string? Admin1 { get; init; }

    public string? Admin2 { get; init; }

    public string? Admin3 { get; init; }

    /// <summary>The location name as ACLED writes it (a town, or the admin unit when that is all that is known).</summary>
    public required string Name { get; init; }

    public string? NameArabic { get; init; }

    public double Latitude { get; init; }

    public double Longitude { get; init; }

    public GeoPrecision Precision { get; init; }
}

/// <summary>A gazetteer candidate the geocoder considered for an event's place, kept so an analyst can fix a wrong pick.</summary>
public sealed record PlaceCandidate(string Name, string CountryCode, string? Admin1, double Latitude, double Longitude, double Score);

/// <summary>An exact substring of the original text that states (part of) the event.</summary>
public sealed record Evidence(int Start, int End, string Text)
{
    public TextSpan Span => new(Start, End);

    public static Evidence From(string originalText, TextSpan span) => new(span.Start, span.End, span.Slice(originalText));
}

/// <summary>
/// One ACLED-compatible event extracted from one document (the event record of DESIGN.md). Immutable: a review
/// produces a new record.
/// </summary>
public sealed record ConflictEvent
{
    /// <summary>Stable: the same event from the same document keeps its id across runs.</summary>
    public required string EventId { get; init; }

    public required string DocumentId { get; init; }

    public required DateOnly EventDate { get; init; }

    /// <summary>Inclusive range the date is known to lie in, when the text gives a range or a vague date.</summary>
    public DateOnly? EventDateEnd { get; init; }

    public required TimePrecision TimePrecision { get; init; }

    public required SubEventType SubEventType { get; init; }

    public EventType EventType => SubEventType.Parent();

    public EventActor? Actor1 { get; init; }

    public EventActor? AssocActor1 { get; init; }

    public EventActor? Actor2 { get; init; }

    public EventActor? AssocActor2 { get; init; }

    public int Interaction => Core.Interaction.Code(Actor1?.Type ?? ActorType.None, Actor2?.Type ?? ActorType.None);

    public EventLocation? Location { get; init; }

    /// <summary>ACLED fatalities: the most conservative credible number; 0 when the text reports none.</summary>
    public int Fatalities { get; init; }

    /// <summary>Low end of a stated range ("between 10 and 15", "more than 20"), when the text gives one.</summary>
    public int? FatalitiesLow { get; init; }

    /// <summary>High end of a stated range, when the text gives one.</summary>
    public int? FatalitiesHigh { get; init; }

    public required Modality Modality { get; init; }

    public string? Source { get; init; }

    /// <summary>English note generated from the fields.</summary>
    public string Notes { get; init; } = string.Empty;

    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    public double Confidence { get; init; }

    public IReadOnlyList<PlaceCandidate> PlaceCandidates { get; init; } = [];
}
