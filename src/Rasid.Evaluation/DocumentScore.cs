namespace Rasid.Evaluation;

/// <summary>Correct / total for one field over matched pairs.</summary>
public readonly record struct FieldTally(int Correct, int Total)
{
    public FieldTally Add(bool? correct) => correct is { } c ? new(Correct + (c ? 1 : 0), Total + 1) : this;

    public static FieldTally operator +(FieldTally a, FieldTally b) => new(a.Correct + b.Correct, a.Total + b.Total);

    public FieldTally Plus(FieldTally other) => this + other;

    /// <summary>Correct / Total; null when nothing was compared.</summary>
    public double? Accuracy => Total == 0 ? null : (double)Correct / Total;
}

/// <summary>Per-field accuracy on matched pairs (FORMAT.md §4).</summary>
public sealed record FieldAccuracy
{
    public static readonly FieldAccuracy Empty = new();

    public FieldTally SubEventType { get; init; }

    /// <summary>Counted per gold actor present (actor1 and actor2 each), either system actor, swap allowed.</summary>
    public FieldTally Actors { get; init; }

    /// <summary>Exact, where the gold gives a number.</summary>
    public FieldTally Fatalities { get; init; }

    public FieldTally TimePrecision { get; init; }

    /// <summary>Where the gold gives a geo precision.</summary>
    public FieldTally GeoPrecision { get; init; }

    public static FieldAccuracy operator +(FieldAccuracy a, FieldAccuracy b) => a.Plus(b);

    public FieldAccuracy Plus(FieldAccuracy other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new()
        {
            SubEventType = SubEventType + other.SubEventType,
            Actors = Actors + other.Actors,
            Fatalities = Fatalities + other.Fatalities,
            TimePrecision = TimePrecision + other.TimePrecision,
            GeoPrecision = GeoPrecision + other.GeoPrecision,
        };
    }

    /// <summary>The fields in the order reports list them, with their wire names.</summary>
    public IEnumerable<(string Name, FieldTally Tally)> All()
    {
        yield return ("sub_event_type", SubEventType);
        yield return ("actors", Actors);
        yield return ("fatalities", Fatalities);
        yield return ("time_precision", TimePrecision);
        yield return ("geo_precision", GeoPrecision);
    }
}

/// <summary>A gold event paired with the system event that matched it (indices into the gold and counted lists).</summary>
public readonly record struct MatchedPair(int GoldIndex, int SystemIndex, double? DistanceKm);

/// <summary>A must-not statement and the counted system event whose evidence overlaps it.</summary>
public readonly record struct ModalityError(int MustNotIndex, int SystemIndex);

/// <summary>The score of one document: counts, the pairs behind them, and what was missed or spurious.</summary>
public sealed record DocumentScore
{
    public required GoldDocument Gold { get; init; }

    /// <summary>The gold file's name without .gold.json, when the score came from a file (what score.py prints).</summary>
    public string? Name { get; init; }

    /// <summary>The system events that count (asserted, reported, claimed); indices below point into this list.</summary>
    public required IReadOnlyList<SystemEvent> Counted { get; init; }

    /// <summary>Every system event, counted or not.</summary>
    public int AllSystemEvents { get; init; }

    public IReadOnlyList<MatchedPair> Matches { get; init; } = [];

    /// <summary>Matches to required gold events.</summary>
    public int TruePositives { get; init; }

    /// <summary>Matches to optional gold events: set aside, neither right nor wrong.</summary>
    public int OptionalMatches { get; init; }

    /// <summary>Counted system events that matched no gold event.</summary>
    public int FalsePositives => Counted.Count - TruePositives - OptionalMatches;

    public int RequiredGold { get; init; }

    /// <summary>Required gold events no system event matched (indices into <see cref="GoldDocument.Events"/>).</summary>
    public IReadOnlyList<int> Missed { get; init; } = [];

    /// <summary>Counted system events that matched nothing (indices into <see cref="Counted"/>).</summary>
    public IReadOnlyList<int> Spurious { get; init; } = [];

    /// <summary>One per must-not statement that some counted event's evidence overlaps.</summary>
    public IReadOnlyList<ModalityError> ModalityErrors { get; init; } = [];

    public FieldAccuracy Fields { get; init; } = FieldAccuracy.Empty;

    /// <summary>True when the system could not produce output for this document (it then counts as no events).</summary>
    public bool Failed { get; init; }

    public string? FailureReason { get; init; }
}
