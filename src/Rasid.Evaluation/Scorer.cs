namespace Rasid.Evaluation;

/// <summary>
/// Scores a system's events for one document against its gold annotation, exactly as corpus/FORMAT.md says: only
/// counted modalities take part; a pair matches on event type, date and place (<see cref="MatchRules"/>); pairs are
/// taken one-to-one, best first (required gold events before optional ones, then the closer place, then gold order,
/// then system order); field accuracy is measured on the matched pairs; a must-not statement overlapped by a counted
/// event's evidence is one modality error. Pure: no I/O, so tests and the web reuse it.
/// </summary>
public static class Scorer
{
    /// <summary>Distance used to rank a pair whose system event has no point (matched by admin1 alone), as score.py does.</summary>
    public const double NoPointDistanceKm = 99;

    public static DocumentScore Score(GoldDocument gold, string text, IReadOnlyList<SystemEvent> systemEvents)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(systemEvents);
        var counted = systemEvents.Where(e => MatchRules.Counts(e.Modality)).ToList();
        var golds = gold.Events;

        var candidates = new List<(int Rank, double Km, int Gi, int Si)>();
        for (int gi = 0; gi < golds.Count; gi++)
        {
            for (int si = 0; si < counted.Count; si++)
            {
                if (MatchRules.Matches(golds[gi], counted[si]))
                {
                    var km = MatchRules.DistanceKm(golds[gi].Place, counted[si]) ?? NoPointDistanceKm;
                    candidates.Add((golds[gi].Required ? 0 : 1, km, gi, si));
                }
            }
        }

        candidates.Sort();
        var usedGold = new HashSet<int>();
        var usedSystem = new HashSet<int>();
        var matches = new List<MatchedPair>();
        foreach (var (_, km, gi, si) in candidates)
        {
            if (usedGold.Contains(gi) || usedSystem.Contains(si))
            {
                continue;
            }

            usedGold.Add(gi);
            usedSystem.Add(si);
            matches.Add(new MatchedPair(gi, si, MatchRules.DistanceKm(golds[gi].Place, counted[si])));
        }

        var fields = FieldAccuracy.Empty;
        foreach (var m in matches)
        {
            fields = fields.Plus(FieldsOf(golds[m.GoldIndex], counted[m.SystemIndex]));
        }

        var modalityErrors = new List<ModalityError>();
        for (int mi = 0; mi < gold.MustNot.Count; mi++)
        {
            for (int si = 0; si < counted.Count; si++)
            {
                if (MatchRules.EvidenceOverlaps(counted[si].Evidence, text, gold.MustNot[mi].Evidence))
                {
                    modalityErrors.Add(new ModalityError(mi, si));
                    break;
                }
            }
        }

        var required = Enumerable.Range(0, golds.Count).Where(i => golds[i].Required).ToList();
        return new DocumentScore
        {
            Gold = gold,
            Counted = counted,
            AllSystemEvents = systemEvents.Count,
            Matches = matches,
            TruePositives = matches.Count(m => golds[m.GoldIndex].Required),
            OptionalMatches = matches.Count(m => !golds[m.GoldIndex].Required),
            RequiredGold = required.Count,
            Missed = [.. required.Where(i => !usedGold.Contains(i))],
            Spurious = [.. Enumerable.Range(0, counted.Count).Where(i => !usedSystem.Contains(i))],
            ModalityErrors = modalityErrors,
            Fields = fields,
        };
    }

    /// <summary>A document the system failed on: scored as if it produced no events.</summary>
    public static DocumentScore Failure(GoldDocument gold, string text, string reason) =>
        Score(gold, text, []) with { Failed = true, FailureReason = reason };

    /// <summary>Field agreement of one matched pair (FORMAT.md §4).</summary>
    public static FieldAccuracy FieldsOf(GoldEvent g, SystemEvent e)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(e);
        var actors = default(FieldTally)
            .Add(MatchRules.ActorMatches(g.Actor1, e.ActorNames))
            .Add(MatchRules.ActorMatches(g.Actor2, e.ActorNames));
        return new FieldAccuracy
        {
            SubEventType = default(FieldTally).Add(e.SubEventType is not null && g.SubEventTypes.Contains(e.SubEventType, StringComparer.Ordinal)),
            Actors = actors,
            Fatalities = g.Fatalities is { } f ? default(FieldTally).Add(e.Fatalities == f) : default,
            TimePrecision = default(FieldTally).Add(e.TimePrecision == g.TimePrecision),
            GeoPrecision = g.Place.GeoPrecision is { } gp and not 0 ? default(FieldTally).Add(e.GeoPrecision == gp) : default,
        };
    }
}
