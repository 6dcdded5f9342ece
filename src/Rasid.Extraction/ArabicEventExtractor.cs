using Rasid.Arabic.Text;
using Rasid.Core;
using Rasid.Extraction.Mentions;
using Rasid.Extraction.Stages;
using Rasid.Geo;

namespace Rasid.Extraction;

/// <summary>
/// The default extraction pipeline: Arabic report in, ACLED events out. Built once; immutable and thread-safe.
/// Stages, in order (each says what it needs and adds): text analysis → numbers, dates, places (through the mention
/// seams) → <see cref="ActorStage"/> → <see cref="TriggerStage"/> → <see cref="CueStage"/> → <see cref="EventAssembler"/>
/// (with <see cref="EventTypeRules"/>, <see cref="CasualtyStage"/>, <see cref="ModalityStage"/>) → <see cref="EventMerger"/>
/// → ids, notes.
/// </summary>
public sealed class ArabicEventExtractor : IEventExtractor
{
    private readonly INumberSource _numbers;
    private readonly IDateSource _dates;
    private readonly IPlaceSource _places;

    /// <summary>The pipeline with the text layer's numbers and dates and the built-in gazetteer.</summary>
    public ArabicEventExtractor()
        : this(Gazetteer.LoadBuiltIn())
    {
    }

    /// <summary>The pipeline with a given gazetteer (an imported index, or the built-in one).</summary>
    public ArabicEventExtractor(Gazetteer gazetteer)
        : this(null, null, new GazetteerPlaceSource(gazetteer))
    {
    }

    /// <summary>The pipeline with its mention sources replaced (tests; other gazetteers).</summary>
    public ArabicEventExtractor(INumberSource? numbers, IDateSource? dates, IPlaceSource? places)
    {
        _numbers = numbers ?? new NumberFinderSource();
        _dates = dates ?? new DateFinderSource();
        _places = places ?? new NoPlaces();
    }

    public IReadOnlyList<ConflictEvent> Extract(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (PublicationDate.Problem(document.Published) is { } problem)
        {
            throw new RasidException("E305", document.Id, problem);
        }

        var text = TextAnalyzer.Analyze(document.Text);
        var dates = _dates.Find(text, document.Published);
        var doc = new DocumentMentions(document, text)
        {
            // A day number inside a date ("28 نيسان") is no count.
            Numbers = _numbers.Find(text).Where(n => !dates.Any(d => d.Span.Overlaps(n.Span))).ToList(),
            Dates = dates,
            Places = _places.Find(text, document.CountryHint),
        };
        doc.Country = document.CountryHint ?? CountryOfPlaces(doc.Places);
        ActorStage.Run(doc);
        TriggerStage.Run(doc);
        CueStage.Run(doc);
        var drafts = EventMerger.Run(EventAssembler.Run(doc));
        return drafts.OrderBy(d => d.Trigger.Span.Start).Select(d => ToEvent(document, d)).ToList();
    }

    /// <summary>
    /// With no country hint, the country named by most town-level places (the first such place breaks ties): a report
    /// datelined Aleppo is about Syria. Provinces and whole countries are left out, as a report names its neighbours.
    /// </summary>
    private static string? CountryOfPlaces(IReadOnlyList<PlaceRef> places)
    {
        var counts = new Dictionary<string, (int Count, int First)>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < places.Count; i++)
        {
            if (places[i] is { Location: { } l, Precision: < GeoPrecision.Province } && !string.IsNullOrEmpty(l.CountryCode))
            {
                counts[l.CountryCode] = counts.TryGetValue(l.CountryCode, out var c) ? (c.Count + 1, c.First) : (1, i);
            }
        }

        return counts.Count == 0 ? null : counts.OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Value.First).First().Key;
    }

    private static ConflictEvent ToEvent(Document document, EventDraft d)
    {
        var location = d.Place?.Location;
        if (location is not null && d.Place!.Precision > location.Precision)
        {
            location = location with { Precision = d.Place.Precision };
        }

        var evidence = new List<Evidence> { Core.Evidence.From(document.Text, d.Evidence) };
        foreach (var span in d.MoreEvidence)
        {
            if (!evidence.Any(e => e.Span == span))
            {
                evidence.Add(Core.Evidence.From(document.Text, span));
            }
        }

        var e = new ConflictEvent
        {
            EventId = EventIds.For(document.Id, d.SubEventType, location?.Name, d.EventDate, d.Trigger.Span.Start),
            DocumentId = document.Id,
            EventDate = d.EventDate,
            EventDateEnd = d.EventDateEnd,
            TimePrecision = d.TimePrecision,
            SubEventType = d.SubEventType,
            Actor1 = d.Actor1 is null ? null : new EventActor(d.Actor1.Name, d.Actor1.Entry.Type) { Evidence = d.Actor1.Span },
            Actor2 = d.Actor2 is null ? null : new EventActor(d.Actor2.Name, d.Actor2.Entry.Type) { Evidence = d.Actor2.Span },
            Location = location,
            Fatalities = d.Deaths.Fatalities,
            FatalitiesLow = d.Deaths.Low,
            FatalitiesHigh = d.Deaths.High,
            Modality = d.Modality,
            Source = document.Source,
            Evidence = evidence,
            Confidence = Math.Round(d.Confidence, 2), // a score, not a measurement: two decimals, no float noise
            PlaceCandidates = d.Place?.Candidates ?? [],
        };
        return e with { Notes = NoteWriter.Write(e) };
    }
}
