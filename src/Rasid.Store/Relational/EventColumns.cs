using System.Globalization;
using System.Data.Common;
using Rasid.Core;

namespace Rasid.Store.Relational;

/// <summary>
/// The event columns shared by the <c>events</c> (mentions) and <c>incidents</c> tables, and the mapping between them
/// and <see cref="ConflictEvent"/>. Kept in one place so both tables stay in step.
/// </summary>
internal static class EventColumns
{
    public const string List =
        "event_date, event_date_end, time_precision, event_type, sub_event_type, actor1, inter1, assoc_actor_1, assoc_inter_1, " +
        "actor2, inter2, assoc_actor_2, assoc_inter_2, country_code, country, admin1, admin2, admin3, location, location_ar, " +
        "latitude, longitude, geo_precision, fatalities, fatalities_low, fatalities_high, modality, counted, notes, confidence, source";

    public const string Parameters =
        "@event_date, @event_date_end, @time_precision, @event_type, @sub_event_type, @actor1, @inter1, @assoc_actor_1, @assoc_inter_1, " +
        "@actor2, @inter2, @assoc_actor_2, @assoc_inter_2, @country_code, @country, @admin1, @admin2, @admin3, @location, @location_ar, " +
        "@latitude, @longitude, @geo_precision, @fatalities, @fatalities_low, @fatalities_high, @modality, @counted, @notes, @confidence, @source";

    public static void Bind(DbCommand cmd, ConflictEvent e)
    {
        var p = cmd;
        p.Add("@event_date", e.EventDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        p.Add("@event_date_end", (object?)e.EventDateEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value);
        p.Add("@time_precision", (int)e.TimePrecision);
        p.Add("@event_type", e.EventType.Name());
        p.Add("@sub_event_type", e.SubEventType.Name());
        BindActor(p, "actor1", "inter1", e.Actor1);
        BindActor(p, "assoc_actor_1", "assoc_inter_1", e.AssocActor1);
        BindActor(p, "actor2", "inter2", e.Actor2);
        BindActor(p, "assoc_actor_2", "assoc_inter_2", e.AssocActor2);
        var l = e.Location;
        p.Add("@country_code", (object?)l?.CountryCode ?? DBNull.Value);
        p.Add("@country", (object?)l?.Country ?? DBNull.Value);
        p.Add("@admin1", (object?)l?.Admin1 ?? DBNull.Value);
        p.Add("@admin2", (object?)l?.Admin2 ?? DBNull.Value);
        p.Add("@admin3", (object?)l?.Admin3 ?? DBNull.Value);
        p.Add("@location", (object?)l?.Name ?? DBNull.Value);
        p.Add("@location_ar", (object?)l?.NameArabic ?? DBNull.Value);
        p.Add("@latitude", l is null ? DBNull.Value : l.Latitude);
        p.Add("@longitude", l is null ? DBNull.Value : l.Longitude);
        p.Add("@geo_precision", l is null ? DBNull.Value : (int)l.Precision);
        p.Add("@fatalities", e.Fatalities);
        p.Add("@fatalities_low", (object?)e.FatalitiesLow ?? DBNull.Value);
        p.Add("@fatalities_high", (object?)e.FatalitiesHigh ?? DBNull.Value);
        p.Add("@modality", e.Modality.ToWireName());
        p.Add("@counted", e.Modality.Counts() ? 1 : 0);
        p.Add("@notes", e.Notes);
        p.Add("@confidence", e.Confidence);
        p.Add("@source", (object?)e.Source ?? DBNull.Value);
    }

    private static void BindActor(DbCommand p, string name, string inter, EventActor? actor)
    {
        p.Add("@" + name, actor?.Name);
        p.Add("@" + inter, (int)(actor?.Type ?? ActorType.None));
    }

    /// <summary>Reads the shared columns starting at <paramref name="o"/> (the position of event_date in the SELECT).</summary>
    public static ConflictEvent Read(DbDataReader r, int o, string eventId, string documentId, string evidenceJson, string? candidatesJson)
    {
        if (!AcledTaxonomy.TryParseSubEventType(r.GetString(o + 4), out var sub))
        {
            throw new RasidException("E303", eventId, $"stored sub-event type '{r.GetString(o + 4)}' is not in the ACLED taxonomy");
        }

        if (!ModalityExtensions.TryParse(r.GetString(o + 26), out var modality))
        {
            throw new RasidException("E303", eventId, $"stored modality '{r.GetString(o + 26)}' is unknown");
        }

        EventLocation? location = null;
        if (!r.IsDBNull(o + 13) || !r.IsDBNull(o + 18))
        {
            location = new EventLocation
            {
                CountryCode = r.IsDBNull(o + 13) ? string.Empty : r.GetString(o + 13),
                Country = Str(r, o + 14),
                Admin1 = Str(r, o + 15),
                Admin2 = Str(r, o + 16),
                Admin3 = Str(r, o + 17),
                Name = Str(r, o + 18) ?? string.Empty,
                NameArabic = Str(r, o + 19),
                Latitude = r.IsDBNull(o + 20) ? 0 : r.GetDouble(o + 20),
                Longitude = r.IsDBNull(o + 21) ? 0 : r.GetDouble(o + 21),
                Precision = r.IsDBNull(o + 22) ? GeoPrecision.Province : (GeoPrecision)r.GetInt32(o + 22),
            };
        }

        return new ConflictEvent
        {
            EventId = eventId,
            DocumentId = documentId,
            EventDate = DateOnly.ParseExact(r.GetString(o), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            EventDateEnd = r.IsDBNull(o + 1) ? null : DateOnly.ParseExact(r.GetString(o + 1), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimePrecision = (TimePrecision)r.GetInt32(o + 2),
            SubEventType = sub,
            Actor1 = Actor(r, o + 5),
            AssocActor1 = Actor(r, o + 7),
            Actor2 = Actor(r, o + 9),
            AssocActor2 = Actor(r, o + 11),
            Location = location,
            Fatalities = r.GetInt32(o + 23),
            FatalitiesLow = r.IsDBNull(o + 24) ? null : r.GetInt32(o + 24),
            FatalitiesHigh = r.IsDBNull(o + 25) ? null : r.GetInt32(o + 25),
            Modality = modality,
            Notes = Str(r, o + 28) ?? string.Empty,
            Confidence = r.GetDouble(o + 29),
            Source = Str(r, o + 30),
            Evidence = EventJson.ParseEvidence(evidenceJson),
            PlaceCandidates = EventJson.ParseCandidates(candidatesJson),
        };
    }

    public const int Count = 31;

    private static EventActor? Actor(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : new EventActor(r.GetString(i), (ActorType)r.GetInt32(i + 1));

    private static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
