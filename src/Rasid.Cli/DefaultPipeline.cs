using Rasid.Core;
using Rasid.Extraction;
using Rasid.Geo;

namespace Rasid.Cli;

/// <summary>
/// The one extraction pipeline every command shares, built on first use: the text layer's numbers and dates and the
/// default gazetteer (RASID_GAZETTEER or the imported index when present, else the built-in one).
/// </summary>
internal static class DefaultPipeline
{
    private static readonly Lazy<IEventExtractor> Instance = new(() => new ArabicEventExtractor(Gazetteer.LoadDefault()));

    public static IEventExtractor Extractor => Instance.Value;
}
