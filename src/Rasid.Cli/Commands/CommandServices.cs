using Rasid.Core;

namespace Rasid.Cli.Commands;

/// <summary>
/// What a command needs from the outside world, injectable so tests run commands in-process with a fake extractor,
/// a fixed clock and a given stdin (STYLE.md §12: time is an input).
/// </summary>
internal sealed record CommandServices(Func<IEventExtractor> Extractor, TimeProvider Time, Func<Stream> OpenStdin)
{
    public static CommandServices Default { get; } = new(() => DefaultPipeline.Extractor, TimeProvider.System, Console.OpenStandardInput);

    public DateOnly Today => DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);
}
