namespace Rasid.Core;

/// <summary>
/// Turns one document into events. Implementations are built once, are immutable and thread-safe, and are shared by
/// the CLI, ingest workers and the web app (STYLE.md §3).
/// </summary>
public interface IEventExtractor
{
    /// <summary>Every event found, including negated/hypothetical/speculative/future ones (marked by their modality).</summary>
    IReadOnlyList<ConflictEvent> Extract(Document document);
}
