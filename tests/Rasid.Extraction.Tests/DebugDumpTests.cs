using Rasid.Arabic.Text;
using Rasid.Tests;
using Xunit.Abstractions;

namespace Rasid.Extraction.Tests;

/// <summary>A developer's view of one corpus document's mentions (set RASID_DEBUG_DOC=name); skips otherwise.</summary>
public sealed class DebugDumpTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Dump_mentions_of_one_document()
    {
        var name = Environment.GetEnvironmentVariable("RASID_DEBUG_DOC");
        Skip.If(string.IsNullOrEmpty(name), "set RASID_DEBUG_DOC to corpus document names (comma-separated) to dump its mentions");
        foreach (var sub in new[] { "seed", "dev" })
        {
            var dir = SharedData.Require("corpus", sub);
            foreach (var g in GoldCorpus.Load(dir).Where(g => name.Split(',').Contains(g.Name)))
            {
                var text = TextAnalyzer.Analyze(g.Document.Text);
                foreach (var p in new Mentions.GazetteerPlaceSource(Rasid.Geo.Gazetteer.LoadBuiltIn()).Find(text, g.Document.CountryHint))
                {
                    output.WriteLine($"place {p.Span} s{text.SentenceOf(p.FirstToken)} c{text.ClauseOf(p.FirstToken)} {p.Span.Slice(g.Document.Text)} -> {p.Location?.Name} {p.Precision}");
                }

                var dates = new Mentions.DateFinderSource().Find(text, g.Document.Published);
                var doc = new Mentions.DocumentMentions(g.Document, text)
                {
                    Numbers = new Mentions.NumberFinderSource().Find(text).Where(n => !dates.Any(d => d.Span.Overlaps(n.Span))).ToList(),
                    Dates = dates,
                    Places = new Mentions.GazetteerPlaceSource(Rasid.Geo.Gazetteer.LoadBuiltIn()).Find(text, g.Document.CountryHint),
                };
                Stages.ActorStage.Run(doc);
                Stages.TriggerStage.Run(doc);
                Stages.CueStage.Run(doc);
                foreach (var d in Stages.EventAssembler.Run(doc))
                {
                    output.WriteLine($"draft t{d.Trigger.FirstToken} {d.Trigger.Class} {d.SubEventType} {d.EventDate} {d.Place?.Location?.Name} {d.Place?.Precision} {d.Actor1?.Name}/{d.Actor2?.Name} f={d.Deaths.Fatalities} headline={d.FromHeadline}");
                }

                foreach (var a in doc.Actors)
                {
                    output.WriteLine($"actor s{text.SentenceOf(a.FirstToken)} c{text.ClauseOf(a.FirstToken)} t{a.FirstToken} {a.Span.Slice(g.Document.Text)} -> {a.Name}");
                }

                foreach (var t in doc.Triggers)
                {
                    output.WriteLine($"trigger s{text.SentenceOf(t.FirstToken)} c{text.ClauseOf(t.FirstToken)} t{t.FirstToken} {t.Span.Slice(g.Document.Text)} {t.Class} strong={t.Strong}");
                }

                foreach (var e in GoldCorpus.Extractor.Extract(g.Document))
                {
                    output.WriteLine($"event {g.Name} {e.SubEventType} {e.EventDate} {e.Location?.Name} {e.Actor1?.Name}/{e.Actor2?.Name} f={e.Fatalities} {e.Modality} | {string.Join(" || ", e.Evidence.Select(x => x.Text))}");
                }
            }
        }
    }
}
