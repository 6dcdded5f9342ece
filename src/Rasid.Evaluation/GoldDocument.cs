namespace Rasid.Evaluation;

/// <summary>
/// One annotated document in format gold/1 (../shared/corpus/FORMAT.md): what a careful human coder extracts from
/// the report beside it. Immutable; read with <see cref="GoldReader"/>.
/// </summary>
public sealed record GoldDocument
{
    public required string Id { get; init; }

    /// <summary>The report's file name, relative to the gold file's folder.</summary>
    public required string File { get; init; }

    public required DateOnly Published { get; init; }

    /// <summary>ISO 3166-1 alpha-2, when the annotation gives one.</summary>
    public string? CountryHint { get; init; }

    public IReadOnlyList<GoldEvent> Events { get; init; } = [];

    /// <summary>Statements that must not become counted events (negated, hypothetical, speculative, future).</summary>
    public IReadOnlyList<MustNotStatement> MustNot { get; init; } = [];
}

/// <summary>An event a coder would record. Lists hold every acceptable value.</summary>
public sealed record GoldEvent
{
    public required string Id { get; init; }

    /// <summary>A short English description, for people reading evaluation output.</summary>
    public string What { get; init; } = string.Empty;

    public IReadOnlyList<string> EventTypes { get; init; } = [];

    public IReadOnlyList<string> SubEventTypes { get; init; } = [];

    /// <summary>The day, when the gold gives one; otherwise <see cref="DateRange"/> is set.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Inclusive span inside which the event's date must fall.</summary>
    public (DateOnly First, DateOnly Last)? DateRange { get; init; }

    /// <summary>ACLED time precision 1, 2 or 3; null when the annotation leaves it out.</summary>
    public int? TimePrecision { get; init; }

    public required GoldPlace Place { get; init; }

    public GoldActor? Actor1 { get; init; }

    public GoldActor? Actor2 { get; init; }

    /// <summary>Deaths stated; null when the text gives no number.</summary>
    public int? Fatalities { get; init; }

    public string Evidence { get; init; } = string.Empty;

    /// <summary>False for an event a coder may or may not record: matching it is no error, missing it is no error.</summary>
    public bool Required { get; init; } = true;
}

public sealed record GoldPlace
{
    public string Name { get; init; } = string.Empty;

    public string? NameArabic { get; init; }

    public string? Country { get; init; }

    public string? Admin1 { get; init; }

    public double Latitude { get; init; }

    public double Longitude { get; init; }

    /// <summary>ACLED geo precision 1, 2 or 3; null when the annotation leaves it out.</summary>
    public int? GeoPrecision { get; init; }
}

/// <summary>An actor by its canonical name and any aliases a system may write (compared case-insensitively).</summary>
public sealed record GoldActor(string Name, IReadOnlyList<string> Aliases);

/// <summary>A statement in the text that must not become an asserted event, and why.</summary>
public sealed record MustNotStatement(string Evidence, string Why);

/// <summary>A gold document with the text of the report it annotates and where it was read from.</summary>
public sealed record GoldCase(GoldDocument Gold, string Text, string GoldPath)
{
    /// <summary>The gold file's name without <c>.gold.json</c>: the name outputs are stored under.</summary>
    public string Name => GoldReader.NameOf(GoldPath);

    public string TextPath => Path.Combine(Path.GetDirectoryName(GoldPath) ?? ".", Gold.File);
}
