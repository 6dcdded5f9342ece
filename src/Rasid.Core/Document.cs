namespace Rasid.Core;

/// <summary>
/// One report as received. <see cref="Text"/> is the original text and is never modified; every span points into it.
/// </summary>
public sealed record Document
{
    public Document(string id, string text, DateOnly published)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(text);
        Id = id;
        Text = text;
        Published = published;
    }

    public string Id { get; }

    public string Text { get; }

    /// <summary>Publication date: relative dates ("أمس", "يوم الأحد") resolve against it.</summary>
    public DateOnly Published { get; }

    /// <summary>ISO 3166-1 alpha-2 country the report is mostly about, when a feed says so.</summary>
    public string? CountryHint { get; init; }

    public string? Source { get; init; }

    public string? Url { get; init; }

    public string? Title { get; init; }
}
