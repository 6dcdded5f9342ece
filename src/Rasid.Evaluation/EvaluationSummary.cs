namespace Rasid.Evaluation;

/// <summary>
/// Totals over documents (FORMAT.md §3): precision = matched required / (counted system events − matches to optional
/// golds), recall = matched required / required gold events, F1 their harmonic mean; field accuracies and modality
/// errors summed over documents.
/// </summary>
public sealed record EvaluationSummary
{
    public required IReadOnlyList<DocumentScore> Documents { get; init; }

    public int TruePositives => Documents.Sum(d => d.TruePositives);

    public int FalsePositives => Documents.Sum(d => d.FalsePositives);

    public int OptionalMatches => Documents.Sum(d => d.OptionalMatches);

    public int RequiredGold => Documents.Sum(d => d.RequiredGold);

    /// <summary>Counted system events (asserted, reported, claimed).</summary>
    public int SystemEvents => Documents.Sum(d => d.Counted.Count);

    public int FailedDocuments => Documents.Count(d => d.Failed);

    public int ModalityErrors => Documents.Sum(d => d.ModalityErrors.Count);

    public int MustNotStatements => Documents.Sum(d => d.Gold.MustNot.Count);

    /// <summary>FORMAT.md: a match to an optional gold event is set aside, neither right nor wrong.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>
    /// Matched required / every counted system event, optional matches included in the denominator: what
    /// ../shared/tools/score.py prints as P (it does not set optional matches aside). Reported beside
    /// <see cref="Precision"/> so the two tools can be compared; tag: score-py-precision.
    /// </summary>
    public double PrecisionCountingOptionalMatches => SystemEvents == 0 ? 0 : (double)TruePositives / SystemEvents;

    public double Recall => RequiredGold == 0 ? 0 : (double)TruePositives / RequiredGold;

    public double F1 => F1Of(Precision, Recall);

    public FieldAccuracy Fields => Documents.Aggregate(FieldAccuracy.Empty, (a, d) => a.Plus(d.Fields));

    public static double F1Of(double precision, double recall) =>
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
}
