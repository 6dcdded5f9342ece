using Rasid.Core;

namespace Rasid.Export.Tests;

internal static class SampleEvents
{
    public static readonly DateTimeOffset ExportedAt = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Every field set, with a note that needs CSV quoting (comma, quotes, a line break).</summary>
    public static ConflictEvent Full() => new()
    {
        EventId = "doc1-e1",
        DocumentId = "doc1",
        EventDate = new DateOnly(2017, 4, 26),
        EventDateEnd = new DateOnly(2017, 4, 27),
        TimePrecision = TimePrecision.Day,
        SubEventType = SubEventType.Attack,
        Modality = Modality.Reported,
        Actor1 = new EventActor("Islamic State", ActorType.RebelGroup),
        AssocActor1 = new EventActor("Wilayat al-Furat", ActorType.RebelGroup),
        Actor2 = new EventActor("Civilians (Syria)", ActorType.Civilians),
        AssocActor2 = new EventActor("Health workers", ActorType.Civilians),
        Location = new EventLocation
        {
            CountryCode = "SY", Admin1 = "Deir ez-Zor", Admin2 = "Al Mayadin", Admin3 = "Al Bukamal", Name = "Abu Kamal",
            NameArabic = "البوكمال", Latitude = 34.4529, Longitude = 40.9184, Precision = GeoPrecision.Town,
        },
        Fatalities = 4,
        FatalitiesLow = 4,
        FatalitiesHigh = 6,
        Source = "weekly report",
        Notes = "On 26 April 2017, Islamic State executed four \"spies\" in Abu Kamal,\nsaid a source.",
        Evidence = [new Evidence(10, 20, "أعدم التنظيم")],
        Confidence = 0.9,
        PlaceCandidates = [new PlaceCandidate("Abu Kamal", "SY", "Deir ez-Zor", 34.4529, 40.9184, 0.93), new PlaceCandidate("Kamal", "IQ", "Anbar", 34.1, 41.2, 0.1)],
    };

    public static ConflictEvent Negated() => Full() with { EventId = "doc1-e2", Modality = Modality.Negated };

    public static ConflictEvent WithoutPlace() => Full() with { EventId = "doc1-e3", Location = null, Actor2 = null, AssocActor2 = null };
}
