using Rasid.Core;

namespace Rasid.Store.Tests;

/// <summary>Builders for documents and events in store tests, and a temp database file that deletes itself.</summary>
internal static class TestEvents
{
    public static ConflictEvent Event(string docId, string eventId, SubEventType sub, string date, double lat, double lon,
        string? actor1 = "Islamic State", string? actor2 = null, int fatalities = 0, Modality modality = Modality.Asserted,
        TimePrecision tp = TimePrecision.Day, GeoPrecision gp = GeoPrecision.Town, string place = "Abu Kamal", string admin1 = "Deir ez-Zor") =>
        new()
        {
            EventId = eventId,
            DocumentId = docId,
            EventDate = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            TimePrecision = tp,
            SubEventType = sub,
            Actor1 = actor1 is null ? null : new EventActor(actor1, ActorType.RebelGroup),
            Actor2 = actor2 is null ? null : new EventActor(actor2, ActorType.StateForces),
            Location = new EventLocation
            {
                CountryCode = "SY", Country = "Syria", Admin1 = admin1, Name = place, Latitude = lat, Longitude = lon, Precision = gp,
            },
            Fatalities = fatalities,
            Modality = modality,
            Notes = $"note {eventId}",
            Confidence = 0.8,
            Source = "test",
            Evidence = [new Evidence(0, 4, "قصف")],
        };

    public static ExtractedDocument Doc(string id, string text, params ConflictEvent[] events) =>
        new(new Document(id, text, new DateOnly(2017, 5, 2)) { CountryHint = "SY", Source = "test" }, events);
}

internal sealed class TempDb : IDisposable
{
    public TempDb()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rasid-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Path = System.IO.Path.Combine(Folder, "rasid.db");
    }

    public string Folder { get; }

    public string Path { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
