namespace Rasid.Store;

public sealed record CopySummary(long Documents, long Mentions, long Reviews);

/// <summary>
/// Copies one store into another (e.g. <c>rasid migrate --from rasid.db --to postgres://…</c>): every document with its
/// original text, ids, dates and mentions, then review states and history. Incidents are rebuilt on the target by the
/// same order-independent rule, so they come out identical. Safe to rerun: documents already there are skipped.
/// </summary>
public static class StoreCopier
{
    public static CopySummary Copy(IEventStore from, IEventStore to, int batchSize = 200, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        long docs = 0, mentions = 0;
        var batch = new List<ExtractedDocument>(batchSize);
        void Flush()
        {
            if (batch.Count > 0)
            {
                to.Write(batch);
                batch.Clear();
                progress?.Report(docs);
            }
        }

        foreach (var (doc, events) in from.ReadAll())
        {
            batch.Add(new ExtractedDocument(doc.Document, events)
            {
                Error = doc.Status == "failed" ? doc.Error ?? "failed" : null,
                IngestedAt = doc.IngestedAt,
            });
            docs++;
            mentions += events.Count;
            if (batch.Count >= batchSize)
            {
                Flush();
            }
        }

        Flush();
        var (states, history) = from.ReadReviews();
        to.WriteReviews(states, history);
        return new CopySummary(docs, mentions, history.Count);
    }
}
