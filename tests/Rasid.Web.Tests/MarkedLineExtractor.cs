using System.Globalization;
using Rasid.Core;

namespace Rasid.Web.Tests;

/// <summary>
/// A test extractor: every line <c>[[sub-event|yyyy-mm-dd|lat|lon|actor|fatalities]] Arabic sentence</c> yields one event
/// whose evidence is the sentence's exact span in the original text. Ids are stable per document and line.
/// </summary>
internal sealed class MarkedLineExtractor : IEventExtractor
{
    public IReadOnlyList<ConflictEvent> Extract(Document document)
    {
        var list = new List<ConflictEvent>();
        int lineStart = 0, n = 0;
        var text = document.Text;
        while (lineStart <= text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var line = text[lineStart..lineEnd];
            int close = line.IndexOf("]]", StringComparison.Ordinal);
            if (line.StartsWith("[[", StringComparison.Ordinal) && close > 0)
            {
                var f = line[2..close].Split('|');
                if (!AcledTaxonomy.TryParseSubEventType(f[0], out var sub))
                {
                    throw new FormatException($"unknown sub-event type {f[0]}");
                }

                int s = lineStart + close + 2;
                while (s < lineEnd && text[s] == ' ')
                {
                    s++;
                }

                list.Add(new ConflictEvent
                {
                    EventId = $"{document.Id}-{n++}",
                    DocumentId = document.Id,
                    EventDate = DateOnly.ParseExact(f[1], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    TimePrecision = TimePrecision.Day,
                    SubEventType = sub,
                    Actor1 = f[4].Length == 0 ? null : new EventActor(f[4], ActorType.RebelGroup),
                    Location = new EventLocation
                    {
                        CountryCode = document.CountryHint ?? "SY",
                        Country = document.CountryHint == "YE" ? "Yemen" : "Syria",
                        Admin1 = document.CountryHint == "YE" ? "Aden" : "Deir ez-Zor",
                        Name = document.CountryHint == "YE" ? "Aden" : "Abu Kamal",
                        Latitude = double.Parse(f[2], CultureInfo.InvariantCulture),
                        Longitude = double.Parse(f[3], CultureInfo.InvariantCulture),
                        Precision = GeoPrecision.Town,
                    },
                    Fatalities = int.Parse(f[5], CultureInfo.InvariantCulture),
                    Modality = Modality.Reported,
                    Notes = $"On {f[1]}, {f[0]}.",
                    Confidence = 0.9,
                    Source = document.Source,
                    Evidence = [Evidence.From(text, new TextSpan(s, lineEnd))],
                });
            }

            lineStart = lineEnd + 1;
        }

        return list;
    }
}
