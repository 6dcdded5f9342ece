using Rasid.Core;
using Rasid.Evaluation;
using Rasid.Export;

namespace Rasid.Cli.Tests;

/// <summary>
/// Fake system events for the invented gold fixtures, each placed to exercise one scoring rule: date tolerances by
/// precision and date ranges; the 30 km edge; admin1 spellings and the 50 km radius for province-level golds;
/// required-before-optional and closer-first pairing; optional matches set aside; swapped, contained, associated and
/// too-short actor names; fatalities; uncounted modalities; evidence overlapping must-not statements.
/// </summary>
internal static class CrossCheckScenario
{
    public static string GoldFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "gold");

    /// <summary>Expected totals of the scenario (worked out by hand from the rules; see each document below).</summary>
    public const int TruePositives = 12, FalsePositives = 10, OptionalMatches = 2, Required = 14, Counted = 24, ModalityErrors = 2;

    public static IReadOnlyList<GoldCase> Cases() => [.. GoldReader.FindGoldFiles(GoldFolder).Select(GoldReader.Load)];

    /// <summary>An extractor that returns the scenario's events for each fixture document.</summary>
    public static FakeExtractor Extractor()
    {
        var byId = Cases().ToDictionary(c => c.Gold.Id, c => EventsFor(c));
        return new FakeExtractor(d => byId.TryGetValue(d.Id, out var events) ? events : []);
    }

    /// <summary>Writes NAME.jsonl per fixture with the JSONL writer <c>rasid extract</c> uses; returns the folder.</summary>
    public static string WriteOutputs(string folder, Func<GoldCase, IReadOnlyList<ConflictEvent>>? events = null, IEnumerable<GoldCase>? cases = null)
    {
        foreach (var c in cases ?? Cases())
        {
            using var file = new StreamWriter(Path.Combine(folder, c.Name + ".jsonl"));
            var writer = ExportFormat.Jsonl.CreateWriter(file, CliHarness.Now);
            foreach (var e in (events ?? EventsFor)(c))
            {
                writer.Write(e);
            }

            writer.Complete();
        }

        return folder;
    }

    public static IReadOnlyList<ConflictEvent> EventsFor(GoldCase c)
    {
        var b = new Builder(c);
        var g = c.Gold.Events.ToDictionary(e => e.Id);
        return c.Name switch
        {
            // D1 ±1 day: S1 +1 matches, S2 −2 does not; D2 week: +7 matches; D3 month: +32 misses; D4 range: last day
            // matches, the day after does not; a wrong event type at D1 matches nothing. tp 3, fp 4.
            "dates" =>
            [
                b.Event(SubEventType.AirDroneStrike, "2024-03-09", b.Near(g["D1"]), evidence: "قصفت طائرات حربية مدينة حمص", actor1: ("Military Forces of Syria (2000-2024)", ActorType.StateForces)),
                b.Event(SubEventType.AirDroneStrike, "2024-03-06", b.Near(g["D1"], 2, 90)),
                b.Event(SubEventType.ArmedClash, "2024-03-11", b.Near(g["D2"]), actor1: ("Opposition Rebels", ActorType.RebelGroup), precision: TimePrecision.Week),
                b.Event(SubEventType.Arrests, "2024-03-18", b.Near(g["D3"])),
                b.Event(SubEventType.RemoteExplosiveLandmineIed, "2024-02-29", b.Near(g["D4"]), precision: TimePrecision.Month),
                b.Event(SubEventType.RemoteExplosiveLandmineIed, "2024-03-01", b.Near(g["D4"])),
                b.Event(SubEventType.ArmedClash, "2024-03-08", b.Near(g["D1"])),
            ],

            // P1 at 29.9 km matches; P2 at 30.1 km does not; P3 by admin1 spelled "Dayr Az Zawr" 120 km away; P4 by a
            // point 40 km away though admin1 is Arabic; P5 by "Idleb Governorate" 200 km away; a clash 8 days late. tp 4, fp 2.
            "places" =>
            [
                b.Event(SubEventType.AirDroneStrike, "2024-04-17", b.Near(g["P1"], 29.9, 90)),
                b.Event(SubEventType.ShellingArtilleryMissileAttack, "2024-04-17", b.Near(g["P2"], 30.1, 270), admin1: "Ar Raqqa"),
                b.Event(SubEventType.ArmedClash, "2024-04-17", b.Near(g["P3"], 120, 0), admin1: "Dayr Az Zawr", geo: GeoPrecision.Province),
                b.Event(SubEventType.ShellingArtilleryMissileAttack, "2024-04-17", b.Near(g["P4"], 40, 180), admin1: "الحسكة", geo: GeoPrecision.Province),
                b.Event(SubEventType.AirDroneStrike, "2024-04-17", b.Near(g["P5"], 200, 180), admin1: "Idleb Governorate", geo: GeoPrecision.Province),
                b.Event(SubEventType.ArmedClash, "2024-04-25", b.Near(g["P3"]), admin1: "Deir ez-Zor"),
            ],

            // S1 and S2 both match required O1 and optional O2; O1 takes the closer (S2), O2 the other; S3 matches
            // optional O3; S4 matches nothing. tp 1, optional 2, fp 1.
            "optional" =>
            [
                b.Event(SubEventType.ArmedClash, "2024-05-04", b.Near(g["O2"], 1, 315)),
                b.Event(SubEventType.ArmedClash, "2024-05-04", b.Near(g["O2"], 0.5, 135)),
                b.Event(SubEventType.Other, "2024-05-01", b.Near(g["O3"]), precision: TimePrecision.Week),
                b.Event(SubEventType.ArmedClash, "2024-05-04", b.Near(g["O3"])),
            ],

            // A1 actors swapped (2/2), fatalities right; A2 "ISF" does not contain a >3-letter alias (0/1), fatalities
            // wrong, time precision wrong; A3 actor contained + civilians as associated actor (2/2), sub-type and geo
            // precision wrong. tp 3, fp 0.
            "actors" =>
            [
                b.Event(SubEventType.ArmedClash, "2024-06-10", b.Near(g["A1"]), fatalities: 4, actor1: ("Military Forces of Yemen (2016-)", ActorType.StateForces), actor2: ("Houthi Movement", ActorType.RebelGroup)),
                b.Event(SubEventType.Attack, "2024-06-10", b.Near(g["A2"]), fatalities: 3, actor1: ("ISF", ActorType.RebelGroup)),
                b.Event(SubEventType.AbductionForcedDisappearance, "2024-06-11", b.Near(g["A3"], 3, 0), fatalities: 1, geo: GeoPrecision.Near, actor1: ("Unidentified Armed Group (Yemen)", ActorType.PoliticalMilitia), assoc1: ("Civilians (Yemen)", ActorType.Civilians)),
            ],

            // S1 matches M1; S2 (asserted) and S3 (reported) overlap must-not 0 (one modality error); S4 hypothetical
            // and S5 negated do not count; S6 claimed quotes part of must-not 2 (second error). tp 1, fp 3.
            "modality" =>
            [
                b.Event(SubEventType.ShellingArtilleryMissileAttack, "2024-06-30", b.Near(g["M1"]), evidence: "قصفت قوات النظام بلدة كفرنبل", actor1: ("قوات النظام", ActorType.StateForces)),
                b.Event(SubEventType.AirDroneStrike, "2024-06-30", (36.37, 37.52), evidence: "تقصف الطائرات مدينة الباب"),
                b.Event(SubEventType.AirDroneStrike, "2024-06-30", (36.37, 37.52), modality: Modality.Reported, evidence: "الباب خلال اليوم"),
                b.Event(SubEventType.ArmedClash, "2024-07-03", (36.48, 37.22), modality: Modality.Hypothetical, evidence: "يشن التنظيم هجوما"),
                b.Event(SubEventType.ArmedClash, "2024-06-30", (36.52, 37.95), modality: Modality.Negated, evidence: "ونفت مصادر محلية سقوط قتلى"),
                b.Event(SubEventType.ArmedClash, "2024-06-30", (36.52, 37.95), modality: Modality.Claimed, evidence: "سقوط قتلى"),
            ],
            _ => [],
        };
    }

    /// <summary>The point <paramref name="km"/> from (lat, lon) along <paramref name="bearingDeg"/> on the scorer's sphere.</summary>
    public static (double Lat, double Lon) Offset(double lat, double lon, double km, double bearingDeg)
    {
        const double R = 6371.0;
        double d = km / R, b = bearingDeg * Math.PI / 180, p1 = lat * Math.PI / 180, l1 = lon * Math.PI / 180;
        double p2 = Math.Asin((Math.Sin(p1) * Math.Cos(d)) + (Math.Cos(p1) * Math.Sin(d) * Math.Cos(b)));
        double l2 = l1 + Math.Atan2(Math.Sin(b) * Math.Sin(d) * Math.Cos(p1), Math.Cos(d) - (Math.Sin(p1) * Math.Sin(p2)));
        return (p2 * 180 / Math.PI, l2 * 180 / Math.PI);
    }

    internal sealed class Builder(GoldCase c)
    {
        private int n;

        public (double Lat, double Lon) Near(GoldEvent g, double km = 0, double bearing = 0) => Offset(g.Place.Latitude, g.Place.Longitude, km, bearing);

        public ConflictEvent Event(
            SubEventType sub,
            string date,
            (double Lat, double Lon) at,
            Modality modality = Modality.Asserted,
            string? admin1 = null,
            TimePrecision precision = TimePrecision.Day,
            GeoPrecision geo = GeoPrecision.Town,
            int fatalities = 0,
            string? evidence = null,
            (string Name, ActorType Type)? actor1 = null,
            (string Name, ActorType Type)? actor2 = null,
            (string Name, ActorType Type)? assoc1 = null)
        {
            n++;
            var evidenceList = new List<Evidence>();
            if (evidence is not null)
            {
                int start = c.Text.IndexOf(evidence, StringComparison.Ordinal);
                if (start < 0)
                {
                    throw new InvalidOperationException($"scenario evidence «{evidence}» is not in {c.Name}.txt");
                }

                evidenceList.Add(Rasid.Core.Evidence.From(c.Text, new TextSpan(start, start + evidence.Length)));
            }

            return new ConflictEvent
            {
                EventId = $"{c.Gold.Id}-{n}",
                DocumentId = c.Gold.Id,
                EventDate = DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                TimePrecision = precision,
                SubEventType = sub,
                Modality = modality,
                Actor1 = actor1 is { } a1 ? new EventActor(a1.Name, a1.Type) : null,
                Actor2 = actor2 is { } a2 ? new EventActor(a2.Name, a2.Type) : null,
                AssocActor1 = assoc1 is { } s1 ? new EventActor(s1.Name, s1.Type) : null,
                Location = new EventLocation { CountryCode = c.Gold.CountryHint ?? "SY", Name = $"place {n}", Admin1 = admin1, Latitude = at.Lat, Longitude = at.Lon, Precision = geo },
                Fatalities = fatalities,
                Evidence = evidenceList,
            };
        }
    }
}
