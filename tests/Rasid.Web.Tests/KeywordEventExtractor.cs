using Rasid.Core;

namespace Rasid.Web.Tests;

/// <summary>
/// A stand-in extractor for the latency benchmark only: one event per trigger word (up to five per document), placed
/// near the hint country's centre with a jitter from the document id, so a store built from the real news corpus has a
/// realistic number of incidents whatever state the real extractor is in. Its events are not meant to be right.
/// </summary>
internal sealed class KeywordEventExtractor : IEventExtractor
{
    private static readonly (string Word, SubEventType Sub)[] Triggers =
    [
        ("قصف", SubEventType.ShellingArtilleryMissileAttack), ("غارة", SubEventType.AirDroneStrike), ("غارات", SubEventType.AirDroneStrike),
        ("اشتباكات", SubEventType.ArmedClash), ("انفجار", SubEventType.RemoteExplosiveLandmineIed), ("اعتقال", SubEventType.Arrests),
        ("تظاهرة", SubEventType.PeacefulProtest), ("مقتل", SubEventType.Attack),
    ];

    private static readonly Dictionary<string, (double Lat, double Lon, string Name)> Centres = new(StringComparer.Ordinal)
    {
        ["SY"] = (35.0, 38.5, "Syria"), ["YE"] = (15.5, 47.5, "Yemen"), ["IQ"] = (33.0, 43.5, "Iraq"), ["LY"] = (27.0, 17.0, "Libya"),
        ["SA"] = (24.0, 45.0, "Saudi Arabia"), ["EG"] = (27.0, 30.0, "Egypt"), ["LB"] = (33.9, 35.8, "Lebanon"),
    };

    public IReadOnlyList<ConflictEvent> Extract(Document document)
    {
        var list = new List<ConflictEvent>();
        var hint = document.CountryHint ?? "SA";
        var centre = Centres.TryGetValue(hint, out var c) ? c : Centres["SA"];
        foreach (var (word, sub) in Triggers)
        {
            int at = document.Text.IndexOf(word, StringComparison.Ordinal);
            if (at < 0 || list.Count >= 5)
            {
                continue;
            }

            int end = Math.Min(document.Text.Length, at + word.Length + 30);
            int h = StableHash(document.Id + word);
            list.Add(new ConflictEvent
            {
                EventId = $"{document.Id}-{list.Count}",
                DocumentId = document.Id,
                EventDate = document.Published.AddDays(-(h % 3)),
                TimePrecision = TimePrecision.Day,
                SubEventType = sub,
                Actor1 = new EventActor(h % 2 == 0 ? "Houthis and Saleh forces" : "Islamic State", ActorType.PoliticalMilitia),
                Location = new EventLocation
                {
                    CountryCode = hint, Country = centre.Name, Admin1 = "Province " + (h % 7), Name = "Town " + (h % 50),
                    Latitude = centre.Lat + (h % 400 - 200) / 100.0, Longitude = centre.Lon + (h / 400 % 400 - 200) / 100.0, Precision = GeoPrecision.Town,
                },
                Fatalities = h % 12,
                Modality = Modality.Reported,
                Notes = "benchmark event",
                Confidence = 0.5,
                Source = document.Source,
                Evidence = [Evidence.From(document.Text, new TextSpan(at, end))],
            });
        }

        return list;
    }

    private static int StableHash(string s)
    {
        unchecked
        {
            int h = 17;
            foreach (var ch in s)
            {
                h = h * 31 + ch;
            }

            return h & 0x7fffffff;
        }
    }
}
