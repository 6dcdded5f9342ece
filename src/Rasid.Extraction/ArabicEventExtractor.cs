using Rasid.Arabic.Text;
using Rasid.Core;

namespace Rasid.Extraction;

/// <summary>
/// The default extraction pipeline: Arabic report in, ACLED events out. Built once; immutable and thread-safe.
/// </summary>
public sealed class ArabicEventExtractor : IEventExtractor
{
    public IReadOnlyList<ConflictEvent> Extract(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _ = TextAnalyzer.Analyze(document.Text);
        return [];
    }
}
