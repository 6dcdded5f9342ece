using FsCheck;
using FsCheck.Fluent;
using Rasid.Core;
using Rasid.Export;
using Rasid.Extraction;
using Rasid.Geo;
using Xunit.Abstractions;

namespace Rasid.Fuzz.Tests;

/// <summary>
/// The extractor under arbitrary and mutated articles, with publication dates and country hints from the edges: it
/// never throws; every evidence span lies inside the text and is the surface it names; fatalities are ≥ 0 and ranges
/// ordered; modalities have valid wire names; negated/hypothetical/speculative/future events are never counted. A
/// publication date outside <see cref="PublicationDate"/>'s range is refused with a coded error.
/// </summary>
public class ExtractorFuzz(ITestOutputHelper output)
{
    private const int MaxChars = 30_000;

    private static readonly ArabicEventExtractor Extractor = new(Gazetteer.LoadBuiltIn());

    private static readonly DateOnly[] Dates =
    [
        new(2015, 7, 21), new(2017, 5, 2), new(2024, 2, 29), new(1, 1, 1), new(1, 1, 7), new(9999, 12, 31), new(9999, 12, 25), new(1900, 3, 1), new(1000, 1, 1), new(9000, 12, 31),
    ];

    private static readonly string?[] Countries = [null, "SY", "IQ", "YE", "LY", "SA", "XX", "", "sy", "ZZZ"];

    internal static Arbitrary<Document> Documents { get; } = Arb.From(
        // Extraction time grows faster than linearly with a document's mentions (every trigger scans the document's
        // actors, dates and places), so inputs stay at article size here; the hostile-input suite covers huge ones.
        Inputs.Text.Select(t => t.Length > MaxChars ? t[..MaxChars] : t).SelectMany(text => Gen.Elements(Dates).SelectMany(date => Gen.Elements(Countries).Select(country =>
            new Document("fuzz", text, date) { CountryHint = country, Source = "fuzz" }))),
        d => Inputs.ShrinkString(d.Text).Select(t => new Document(d.Id, t, d.Published) { CountryHint = d.CountryHint, Source = d.Source }));

    [Fact]
    public void Extractor_never_throws_and_every_event_points_into_its_text_with_sane_fields() =>
        FuzzRun.Run(output, "extractor", Documents, doc =>
        {
            if (!PublicationDate.IsSupported(doc.Published))
            {
                // refused with a coded error naming the document, never a crash
                var refused = Assert.Throws<RasidException>(() => Extractor.Extract(doc));
                Assert.Equal(("E305", "fuzz"), (refused.Code, refused.Input));
                return;
            }

            var events = Extractor.Extract(doc);
            var text = doc.Text;
            string where = $"published {doc.Published:yyyy-MM-dd}, country '{doc.CountryHint}', text {Inputs.Show(text)}";
            using var csv = new StringWriter();
            var writer = new AcledCsvWriter(csv, DateTimeOffset.UnixEpoch);
            foreach (var e in events)
            {
                FuzzRun.That(e.Evidence.Count > 0, () => $"event {e.EventId} has no evidence; {where}");
                foreach (var ev in e.Evidence)
                {
                    FuzzRun.That(ev.Start >= 0 && ev.Start < ev.End && ev.End <= text.Length, () => $"evidence [{ev.Start},{ev.End}) outside [0,{text.Length}); {where}");
                    FuzzRun.That(string.Equals(ev.Text, text[ev.Start..ev.End], StringComparison.Ordinal), () => $"evidence [{ev.Start},{ev.End}) names '{ev.Text}' but the text there is '{text[ev.Start..ev.End]}'; {where}");
                }

                foreach (var actor in new[] { e.Actor1, e.Actor2, e.AssocActor1, e.AssocActor2 })
                {
                    if (actor?.Evidence is { } span)
                    {
                        FuzzRun.That(span.Start >= 0 && span.End <= text.Length && span.Start <= span.End, () => $"actor '{actor.Name}' span {span} outside the text; {where}");
                    }
                }

                FuzzRun.That(e.Fatalities >= 0, () => $"fatalities {e.Fatalities}; {where}");
                FuzzRun.That(e.FatalitiesLow is null or >= 0 && e.FatalitiesHigh is null or >= 0, () => $"fatalities range {e.FatalitiesLow}–{e.FatalitiesHigh}; {where}");
                FuzzRun.That(e.FatalitiesLow is not { } low || e.FatalitiesHigh is not { } high || low <= high, () => $"fatalities range {e.FatalitiesLow}–{e.FatalitiesHigh}; {where}");
                var wire = e.Modality.ToWireName();
                FuzzRun.That(ModalityExtensions.TryParse(wire, out var back) && back == e.Modality, () => $"modality {e.Modality} wire name '{wire}'");
                bool counted = writer.Write(e);
                Assert.Equal(e.Modality is Modality.Asserted or Modality.Reported or Modality.Claimed, counted);
                if (e.Modality is Modality.Negated or Modality.Hypothetical)
                {
                    Assert.False(e.Modality.Counts());
                }

                FuzzRun.That(e.EventDateEnd is null || e.EventDateEnd >= e.EventDate, () => $"event date {e.EventDate}–{e.EventDateEnd}; {where}");
                Assert.InRange(e.Confidence, 0.0, 1.0);
                Assert.NotNull(e.Notes);
                if (e.Location is { } l)
                {
                    FuzzRun.That(l.Latitude is >= -90 and <= 90 && l.Longitude is >= -180 and <= 180, () => $"location {l.Name} at {l.Latitude},{l.Longitude}; {where}");
                }
            }

            writer.Complete();
            Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct(StringComparer.Ordinal).Count());
        }, roundSize: 20);
}
