using System.CommandLine;
using System.Text;
using Rasid.Cli.Commands;
using Rasid.Core;

namespace Rasid.Cli.Tests;

/// <summary>Runs <c>rasid extract</c> / <c>rasid eval</c> in-process with captured stdout/stderr, a fake extractor, a fixed clock and a given stdin.</summary>
internal static class CliHarness
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(IEventExtractor extractor, string[] args, byte[]? stdin = null)
    {
        var services = new CommandServices(() => extractor, new FixedTime(Now), () => new MemoryStream(stdin ?? []));
        var root = new RootCommand("test") { ExtractCommand.Create(services), EvalCommand.Create(services) };
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new Result(exit, output.ToString(), error.ToString());
    }

    public static string TempFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "rasid-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static string Write(string folder, string name, string text) => WriteBytes(folder, name, Encoding.UTF8.GetBytes(text));

    public static string WriteBytes(string folder, string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>An extractor that returns what a function gives for each document, and remembers the documents it saw.</summary>
internal sealed class FakeExtractor(Func<Document, IReadOnlyList<ConflictEvent>> extract) : IEventExtractor
{
    public List<Document> Seen { get; } = [];

    public IReadOnlyList<ConflictEvent> Extract(Document document)
    {
        Seen.Add(document);
        return extract(document);
    }

    /// <summary>One asserted air strike per document, dated on its publication day.</summary>
    public static FakeExtractor OneEventPerDocument() => new(d => [TestEvents.AirStrike(d.Id, d.Published)]);
}

internal static class TestEvents
{
    public static ConflictEvent AirStrike(string documentId, DateOnly date, Modality modality = Modality.Asserted) => new()
    {
        EventId = documentId + "-1",
        DocumentId = documentId,
        EventDate = date,
        TimePrecision = TimePrecision.Day,
        SubEventType = SubEventType.AirDroneStrike,
        Modality = modality,
        Actor1 = new EventActor("Military Forces of Syria (2000-2024)", ActorType.StateForces),
        Actor2 = new EventActor("Civilians (Syria)", ActorType.Civilians),
        Location = new EventLocation { CountryCode = "SY", Name = "Ariha", Admin1 = "Idlib", Admin2 = "Ariha", Latitude = 35.8128, Longitude = 36.6094, Precision = GeoPrecision.Town },
        Fatalities = 3,
        Notes = "On a day, an air strike hit \"Ariha\", killing 3, injuring others.",
        Evidence = [new Evidence(0, 4, "قصفت")],
        Confidence = 0.8,
    };
}
