using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rasid.Evaluation;

/// <summary>
/// Renders an <see cref="EvaluationSummary"/>: a plain-text report (per-document lines, totals, field accuracies;
/// with <c>verbose</c> each missed gold event and each spurious system event with its evidence), or JSON whose
/// top-level keys are those of ../shared/tools/score.py --json plus Rasid's counts and per-document scores.
/// Figures are rounded to three decimals as Python's round() does, so they compare equal to score.py's.
/// </summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static double Round3(double x) => MatchRules.RoundLikePython(x, 3);

    public static void WriteText(EvaluationSummary summary, TextWriter w, bool verbose) => WriteText(summary, w, verbose, fields: false);

    /// <summary>
    /// The text report; with <paramref name="fields"/> each matched pair with a wrong field (gold vs system value and
    /// both evidences) and each missed gold event with the nearest system event of its type and why it did not match.
    /// </summary>
    public static void WriteText(EvaluationSummary summary, TextWriter w, bool verbose, bool fields)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(w);
        var inv = CultureInfo.InvariantCulture;
        foreach (var d in summary.Documents)
        {
            var missed = string.Join(",", d.Missed.Select(i => d.Gold.Events[i].Id));
            w.WriteLine(string.Create(inv, $"{d.Gold.Id}: tp={d.TruePositives} fp={d.FalsePositives} optional={d.OptionalMatches} required={d.RequiredGold} system={d.Counted.Count} missed=[{missed}] modality_errors={d.ModalityErrors.Count}/{d.Gold.MustNot.Count}{(d.Failed ? " FAILED: " + d.FailureReason : string.Empty)}"));
            if (verbose)
            {
                WriteDetails(d, w);
            }

            if (fields)
            {
                WriteFieldErrors(d, w);
            }
        }

        w.WriteLine(string.Create(inv, $"docs={summary.Documents.Count} failed={summary.FailedDocuments} P={Round3(summary.Precision):0.000} R={Round3(summary.Recall):0.000} F1={Round3(summary.F1):0.000}"));
        w.WriteLine(string.Create(inv, $"  matched required={summary.TruePositives} of {summary.RequiredGold}; counted system events={summary.SystemEvents} (false positives={summary.FalsePositives}, matches to optional gold set aside={summary.OptionalMatches}); P counting optional matches={Round3(summary.PrecisionCountingOptionalMatches):0.000}"));
        w.WriteLine(string.Create(inv, $"modality errors={summary.ModalityErrors} of {summary.MustNotStatements} must-not statements"));
        w.WriteLine("field accuracy on matched pairs:");
        foreach (var (name, t) in summary.Fields.All())
        {
            w.WriteLine(string.Create(inv, $"  {name,-15} {(t.Accuracy is { } a ? Round3(a).ToString("0.000", inv) : "  n/a")} ({t.Correct}/{t.Total})"));
        }
    }

    private static void WriteDetails(DocumentScore d, TextWriter w)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var gi in d.Missed)
        {
            var g = d.Gold.Events[gi];
            var when = g.DateRange is { } r ? $"{r.First:yyyy-MM-dd}..{r.Last:yyyy-MM-dd}" : g.Date?.ToString("yyyy-MM-dd", inv);
            w.WriteLine($"  missed   {g.Id} [{string.Join(" | ", g.EventTypes)}] {when} {g.Place.Name}: {g.What}");
            w.WriteLine($"           evidence: «{g.Evidence}»");
        }

        foreach (var si in d.Spurious)
        {
            var e = d.Counted[si];
            var place = e.Location ?? (e.Latitude is { } lat && e.Longitude is { } lon ? string.Create(inv, $"({lat:0.####},{lon:0.####})") : "(no place)");
            var admin1 = string.IsNullOrEmpty(e.Admin1) ? string.Empty : $" ({e.Admin1})";
            w.WriteLine($"  spurious {e.EventType} / {e.SubEventType} {e.EventDateText} {place}{admin1} [{e.Modality}]");
            w.WriteLine($"           evidence: «{string.Join(" … ", e.Evidence.Select(x => x.Text))}»");
        }

        foreach (var m in d.ModalityErrors)
        {
            var statement = d.Gold.MustNot[m.MustNotIndex];
            var e = d.Counted[m.SystemIndex];
            w.WriteLine($"  modality error: «{statement.Evidence}» ({statement.Why}) became a {e.Modality} {e.EventType} event");
        }
    }

    private static void WriteFieldErrors(DocumentScore d, TextWriter w)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var m in d.Matches)
        {
            var g = d.Gold.Events[m.GoldIndex];
            var e = d.Counted[m.SystemIndex];
            var wrong = new List<string>();
            if (e.SubEventType is null || !g.SubEventTypes.Contains(e.SubEventType, StringComparer.Ordinal))
            {
                wrong.Add($"sub_event gold={string.Join("|", g.SubEventTypes)} system={e.SubEventType}");
            }

            foreach (var (label, actor) in new[] { ("actor1", g.Actor1), ("actor2", g.Actor2) })
            {
                if (MatchRules.ActorMatches(actor, e.ActorNames) == false)
                {
                    wrong.Add($"{label} gold={actor!.Name} system={string.Join(" / ", e.ActorNames.Where(n => n.Length > 0))}");
                }
            }

            if (g.Fatalities is { } f && e.Fatalities != f)
            {
                wrong.Add(string.Create(inv, $"fatalities gold={f} system={e.Fatalities}"));
            }

            if (e.TimePrecision != g.TimePrecision)
            {
                wrong.Add(string.Create(inv, $"time_precision gold={g.TimePrecision} ({GoldWhen(g)}) system={e.TimePrecision} ({e.EventDateText})"));
            }

            if (g.Place.GeoPrecision is { } gp and not 0 && e.GeoPrecision != gp)
            {
                wrong.Add(string.Create(inv, $"geo_precision gold={gp} ({g.Place.Name}) system={e.GeoPrecision} ({e.Location})"));
            }

            if (wrong.Count == 0)
            {
                continue;
            }

            w.WriteLine($"  pair {g.Id}: {g.What}");
            foreach (var x in wrong)
            {
                w.WriteLine($"    wrong {x}");
            }

            w.WriteLine($"    gold evidence:   «{g.Evidence}»");
            w.WriteLine($"    system evidence: «{string.Join(" … ", e.Evidence.Select(x => x.Text))}»");
        }

        foreach (var gi in d.Missed)
        {
            var g = d.Gold.Events[gi];
            var near = d.Counted
                .Where(e => e.EventType is not null && g.EventTypes.Contains(e.EventType, StringComparer.Ordinal))
                .OrderBy(e => (MatchRules.DateMatches(g, e.EventDate) ? 0 : 1) + (MatchRules.PlaceMatches(g.Place, e) ? 0 : 1))
                .ThenBy(e => MatchRules.DistanceKm(g.Place, e) ?? Scorer.NoPointDistanceKm)
                .FirstOrDefault();
            w.WriteLine($"  missed {g.Id} {GoldWhen(g)} {g.Place.Name} ({g.Place.Admin1}): {g.What}");
            if (near is null)
            {
                w.WriteLine("    no system event of its type");
                continue;
            }

            var why = new List<string>();
            if (!MatchRules.DateMatches(g, near.EventDate))
            {
                why.Add($"date {near.EventDateText}");
            }

            if (!MatchRules.PlaceMatches(g.Place, near))
            {
                why.Add(string.Create(inv, $"place {near.Location} ({near.Admin1}) {MatchRules.DistanceKm(g.Place, near):0} km"));
            }

            w.WriteLine($"    nearest of its type: {(why.Count == 0 ? "matches, taken by another gold event" : string.Join("; ", why))}");
            w.WriteLine($"    system evidence: «{string.Join(" … ", near.Evidence.Select(x => x.Text))}»");
        }
    }

    private static string GoldWhen(GoldEvent g) =>
        g.DateRange is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r.First:yyyy-MM-dd}..{r.Last:yyyy-MM-dd}") : g.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?";

    public static string ToJson(EvaluationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var fields = new JsonObject();
        foreach (var (name, t) in summary.Fields.All())
        {
            fields[name] = t.Accuracy is { } a ? Round3(a) : null;
        }

        var docs = new JsonArray();
        foreach (var d in summary.Documents)
        {
            docs.Add(new JsonObject
            {
                ["id"] = d.Gold.Id,
                ["name"] = d.Name,
                ["tp"] = d.TruePositives,
                ["fp"] = d.FalsePositives,
                ["optional_hits"] = d.OptionalMatches,
                ["required"] = d.RequiredGold,
                ["system"] = d.Counted.Count,
                ["missed"] = new JsonArray([.. d.Missed.Select(i => (JsonNode?)JsonValue.Create(d.Gold.Events[i].Id))]),
                ["modality_errors"] = d.ModalityErrors.Count,
                ["must_not"] = d.Gold.MustNot.Count,
                ["failed"] = d.Failed,
            });
        }

        var root = new JsonObject
        {
            ["docs"] = summary.Documents.Count,
            ["failed_docs"] = summary.FailedDocuments,
            ["precision"] = Round3(summary.Precision),
            ["recall"] = Round3(summary.Recall),
            ["f1"] = Round3(summary.F1),
            ["modality_errors"] = summary.ModalityErrors,
            ["must_not"] = summary.MustNotStatements,
            ["fields"] = fields,
            ["tp"] = summary.TruePositives,
            ["fp"] = summary.FalsePositives,
            ["optional_hits"] = summary.OptionalMatches,
            ["required"] = summary.RequiredGold,
            ["system"] = summary.SystemEvents,
            ["precision_counting_optional_matches"] = Round3(summary.PrecisionCountingOptionalMatches),
            ["f1_counting_optional_matches"] = Round3(EvaluationSummary.F1Of(summary.PrecisionCountingOptionalMatches, summary.Recall)),
            ["documents"] = docs,
        };
        return root.ToJsonString(JsonOptions);
    }
}
