using Rasid.Core;
using Rasid.Extraction;

namespace Rasid.Cli;

/// <summary>The one extraction pipeline every command shares, built on first use.</summary>
internal static class DefaultPipeline
{
    private static readonly Lazy<IEventExtractor> Instance = new(() => new ArabicEventExtractor());

    public static IEventExtractor Extractor => Instance.Value;
}
