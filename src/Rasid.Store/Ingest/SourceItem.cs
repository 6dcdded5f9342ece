using Rasid.Core;

namespace Rasid.Store.Ingest;

/// <summary>One thing read from an input: a document, or the reason a piece of input was refused.</summary>
public abstract record SourceItem(string Input);

/// <summary>A document read from <see cref="SourceItem.Input"/> (a file, a JSONL line, a feed item).</summary>
public sealed record SourceDocument(string Input, Document Document) : SourceItem(Input)
{
    /// <summary>True when the input itself gave no publication date: it came from <see cref="SourceDefaults"/> or the file's time.</summary>
    public bool DatedByDefault { get; init; }
}

/// <summary>A piece of input that could not be read, with a clear reason; the batch goes on.</summary>
public sealed record SourceRejection(string Input, string Code, string Reason) : SourceItem(Input)
{
    public override string ToString() => $"{Code}: {Input}: {Reason}";
}

/// <summary>Defaults for documents whose input does not say (a .txt file has no publication date).</summary>
public sealed record SourceDefaults(DateOnly? Published, string? CountryHint, string? Source);
