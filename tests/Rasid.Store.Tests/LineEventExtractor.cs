using System.Globalization;
using Rasid.Core;

namespace Rasid.Store.Tests;

/// <summary>
/// A test extractor that reads events from lines "EV|sub-event|yyyy-mm-dd|lat|lon|actor|fatalities" in a document, so
/// store and ingest tests control exactly which events each document yields. Event ids are stable per document.
/// </summary>
internal sealed class LineEventExtractor : IEventExtractor
{
    public IReadOnlyList<ConflictEvent> Extract(Document document)
    {
        var list = new List<ConflictEvent>();
        int n = 0;
        foreach (var line in document.Text.Split('\n'))
        {
            var f = line.Trim().Split('|');
            if (f.Length != 7 || f[0] != "EV")
            {
                continue;
            }

            if (f[5] == "THROW")
            {
                throw new InvalidOperationException("extractor failure requested by the test document");
            }

            if (!AcledTaxonomy.TryParseSubEventType(f[1], out var sub))
            {
                throw new FormatException($"unknown sub-event type {f[1]}");
            }

            list.Add(TestEvents.Event(document.Id, $"{document.Id}-{n++}", sub, f[2],
                double.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture),
                actor1: f[5], fatalities: int.Parse(f[6], CultureInfo.InvariantCulture)));
        }

        return list;
    }
}
