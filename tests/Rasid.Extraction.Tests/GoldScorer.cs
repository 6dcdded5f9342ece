using System.Globalization;
using System.Text.Json.Nodes;
using Rasid.Core;

namespace Rasid.Extraction.Tests;

/// <summary>
/// Scores extracted events against a gold/1 file exactly as ../shared/corpus/FORMAT.md says (a test-side harness until
/// `rasid eval` lands): only counted modalities; a match needs the event type, the date within the gold's tolerance and
/// the place within 30 km (same admin1 or 50 km for province-level gold); one-to-one, best pairs first.
/// </summary>
internal static class GoldScorer
{
    public sealed record DocumentResult(int TruePositives, int FalsePositives, int Required, int System, int OptionalHits,
        int ModalityErrors, Dictionary<string, (int Ok, int N)> Fields, List<string> Missed, List<string> Spurious);

    public sealed record Result(int Docs, double Precision, double Recall, double F1, int ModalityErrors, Dictionary<string, (int Ok, int N)> Fields)
    {
        public double FieldAccuracy(string field) => Fields.TryGetValue(field, out var f) && f.N > 0 ? (double)f.Ok / f.N : 1.0;

        public override string ToString() =>
            $"docs={Docs} P={Precision:0.000} R={Recall:0.000} F1={F1:0.000} modality_errors={ModalityErrors} fields={{"
            + string.Join(", ", Fields.Select(kv => $"{kv.Key}: {(kv.Value.N == 0 ? "-" : ((double)kv.Value.Ok / kv.Value.N).ToString("0.000", CultureInfo.InvariantCulture))} ({kv.Value.Ok}/{kv.Value.N})")) + "}";
    }

    public static DocumentResult ScoreDocument(JsonObject gold, string text, IReadOnlyList<ConflictEvent> events)
    {
        var counted = events.Where(e => e.Modality.Counts()).ToList();
        var golds = gold["events"]!.AsArray().Select(n => n!.AsObject()).ToList();
        var pairs = new List<(int Optional, double Km, int G, int S)>();
        for (int gi = 0; gi < golds.Count; gi++)
        {
            for (int si = 0; si < counted.Count; si++)
            {
                if (Matches(golds[gi], counted[si], out double km))
                {
                    pairs.Add((Required(golds[gi]) ? 0 : 1, km, gi, si));
                }
            }
        }

        var usedG = new HashSet<int>();
        var usedS = new HashSet<int>();
        var matched = new List<(int G, int S)>();
        foreach (var p in pairs.OrderBy(p => p.Optional).ThenBy(p => p.Km))
        {
            if (usedG.Contains(p.G) || usedS.Contains(p.S))
            {
                continue;
            }

            usedG.Add(p.G);
            usedS.Add(p.S);
            matched.Add((p.G, p.S));
        }

        int tp = matched.Count(m => Required(golds[m.G]));
        int optional = matched.Count - tp;
        var fields = new Dictionary<string, (int, int)>
        {
            ["sub_event_type"] = (0, 0), ["actors"] = (0, 0), ["fatalities"] = (0, 0), ["time_precision"] = (0, 0), ["geo_precision"] = (0, 0),
        };
        foreach (var (gi, si) in matched)
        {
            var g = golds[gi];
            var e = counted[si];
            Add(fields, "sub_event_type", g["sub_event_type"]!.AsArray().Any(x => (string?)x == e.SubEventType.Name()));
            var names = new[] { e.Actor1?.Name, e.Actor2?.Name }.Where(n => n is not null).Select(n => n!.ToLowerInvariant()).ToList();
            foreach (var key in new[] { "actor1", "actor2" })
            {
                if (g[key] is JsonObject ga)
                {
                    var aliases = ga["aliases"]!.AsArray().Select(a => ((string)a!).ToLowerInvariant()).Append(((string)ga["name"]!).ToLowerInvariant()).ToList();
                    Add(fields, "actors", names.Any(n => aliases.Any(a => a == n || (a.Length > 3 && n.Contains(a, StringComparison.Ordinal)))));
                }
            }

            if (g["fatalities"] is JsonValue f)
            {
                Add(fields, "fatalities", (int)f == e.Fatalities);
            }

            Add(fields, "time_precision", (int)g["time_precision"]! == (int)e.TimePrecision);
            if (g["place"]!["geo_precision"] is JsonValue gp)
            {
                Add(fields, "geo_precision", e.Location is not null && (int)gp == (int)e.Location.Precision);
            }
        }

        int modalityErrors = 0;
        foreach (var m in gold["must_not"]?.AsArray() ?? [])
        {
            var snippet = (string)m!["evidence"]!;
            int i = text.IndexOf(snippet, StringComparison.Ordinal);
            if (i >= 0 && counted.Any(e => e.Evidence.Any(x => x.Start < i + snippet.Length && i < x.End)))
            {
                modalityErrors++;
            }
        }

        var missed = Enumerable.Range(0, golds.Count).Where(gi => Required(golds[gi]) && !usedG.Contains(gi)).Select(gi => (string)golds[gi]["id"]!).ToList();
        var spurious = Enumerable.Range(0, counted.Count).Where(si => !usedS.Contains(si))
            .Select(si => $"{counted[si].SubEventType.Name()}@{counted[si].Location?.Name}/{counted[si].EventDate:MM-dd}:{counted[si].Evidence[0].Text}").ToList();
        return new DocumentResult(tp, counted.Count - tp - optional, golds.Count(Required), counted.Count, optional, modalityErrors, fields, missed, spurious);
    }

    /// <summary>Totals. Precision sets optional matches aside (FORMAT.md §3), so it is matched / (system − optional hits).</summary>
    public static Result Total(IReadOnlyList<DocumentResult> docs)
    {
        int tp = docs.Sum(d => d.TruePositives), sys = docs.Sum(d => d.System - d.OptionalHits), req = docs.Sum(d => d.Required);
        double p = sys == 0 ? 0 : (double)tp / sys, r = req == 0 ? 0 : (double)tp / req;
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        var fields = new Dictionary<string, (int Ok, int N)>();
        foreach (var d in docs)
        {
            foreach (var (k, v) in d.Fields)
            {
                fields[k] = fields.TryGetValue(k, out var t) ? (t.Ok + v.Ok, t.N + v.N) : v;
            }
        }

        return new Result(docs.Count, p, r, f1, docs.Sum(d => d.ModalityErrors), fields);
    }

    private static bool Required(JsonObject g) => g["required"] is not JsonValue v || (bool)v;

    private static void Add(Dictionary<string, (int Ok, int N)> fields, string key, bool ok)
    {
        var (o, n) = fields[key];
        fields[key] = (o + (ok ? 1 : 0), n + 1);
    }

    private static bool Matches(JsonObject g, ConflictEvent e, out double km)
    {
        km = 99;
        if (!g["event_type"]!.AsArray().Any(x => (string?)x == e.EventType.Name()))
        {
            return false;
        }

        var d = e.EventDate;
        if (g["date_range"] is JsonArray range)
        {
            var lo = DateOnly.Parse((string)range[0]!, CultureInfo.InvariantCulture);
            var hi = DateOnly.Parse((string)range[1]!, CultureInfo.InvariantCulture);
            if (d < lo || d > hi)
            {
                return false;
            }
        }
        else
        {
            var gd = DateOnly.Parse((string)g["date"]!, CultureInfo.InvariantCulture);
            int tol = (int?)g["time_precision"] switch { 2 => 7, 3 => 31, _ => 1 };
            if (Math.Abs(d.DayNumber - gd.DayNumber) > tol)
            {
                return false;
            }
        }

        if (e.Location is null)
        {
            return false;
        }

        var place = g["place"]!.AsObject();
        km = Km(e.Location.Latitude, e.Location.Longitude, (double)place["lat"]!, (double)place["lon"]!);
        if ((int?)place["geo_precision"] == 3)
        {
            return km <= 50 || (e.Location.Admin1 is { } a && place["admin1"] is JsonValue ga
                && string.Equals(Key(a), Key((string)ga!), StringComparison.Ordinal));
        }

        return km <= 30;
    }

    private static string Key(string admin1) =>
        new(admin1.ToLowerInvariant().Replace("governorate", string.Empty, StringComparison.Ordinal).Where(char.IsAsciiLetter).ToArray());

    private static double Km(double aLat, double aLon, double bLat, double bLon)
    {
        const double R = 6371.0;
        double p1 = aLat * Math.PI / 180, p2 = bLat * Math.PI / 180, dp = p2 - p1, dl = (bLon - aLon) * Math.PI / 180;
        double h = Math.Sin(dp / 2) * Math.Sin(dp / 2) + Math.Cos(p1) * Math.Cos(p2) * Math.Sin(dl / 2) * Math.Sin(dl / 2);
        return 2 * R * Math.Asin(Math.Min(1.0, Math.Sqrt(h)));
    }
}
