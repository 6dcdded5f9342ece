using System.CommandLine;
using Rasid.Store.Ingest;
using Spectre.Console;

namespace Rasid.Cli.Commands;

/// <summary>
/// <c>rasid ingest PATH…</c>: reads files, folders, JSONL(.gz) dumps and RSS/Atom feeds, extracts events on every core
/// and stores them. Idempotent and resumable: a rerun adds only what is missing.
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, folders, .jsonl/.jsonl.gz dumps, RSS/Atom feeds (file or URL).", Arity = ArgumentArity.OneOrMore };
        var db = StoreOptions.Db();
        var published = new Option<DateOnly?>("--published") { Description = "Publication date for inputs that carry none (plain .txt files; default: the file's date)." };
        var country = new Option<string?>("--country") { Description = "Country hint (ISO2) for inputs that carry none." };
        var source = new Option<string?>("--source") { Description = "Source name for inputs that carry none." };
        var workers = new Option<int>("--workers") { Description = "Extraction workers (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var batch = new Option<int>("--batch") { Description = "Documents per write transaction.", DefaultValueFactory = _ => IngestOptions.DefaultBatchSize };
        var quiet = new Option<bool>("--quiet") { Description = "No progress bar." };
        var maxChars = new Option<int>("--max-chars") { Description = "Refuse documents longer than this many characters (0: no limit).", DefaultValueFactory = _ => IngestOptions.DefaultMaxDocumentChars };
        var budget = new Option<int>("--time-budget") { Description = "Seconds extraction of one document may take before it is recorded as failed.", DefaultValueFactory = _ => (int)IngestOptions.DefaultDocumentTimeBudget.TotalSeconds };
        var enqueue = new Option<bool>("--enqueue") { Description = "Only put the documents on the PostgreSQL job queue; `rasid worker` processes extract and store them." };
        var cmd = new Command("ingest", "Read reports, extract events and store them (idempotent, resumable).")
        {
            paths, db, published, country, source, workers, batch, quiet, enqueue, maxChars, budget,
        };
        cmd.SetAction(p => CliRunner.Guard(() =>
        {
            var defaults = new SourceDefaults(p.GetValue(published), p.GetValue(country)?.ToUpperInvariant(), p.GetValue(source));
            var inputs = p.GetValue(paths)!;
            using var store = StoreOptions.Open(p.GetValue(db)!);
            if (p.GetValue(enqueue))
            {
                return Enqueue(store, inputs.SelectMany(i => DocumentSources.Read(i, defaults)));
            }

            var ingestor = new Ingestor(store, DefaultPipeline.Extractor, new IngestOptions
            {
                Workers = Math.Max(1, p.GetValue(workers)),
                BatchSize = Math.Clamp(p.GetValue(batch), 1, 10_000),
                MaxDocumentChars = Math.Max(0, p.GetValue(maxChars)),
                DocumentTimeBudget = TimeSpan.FromSeconds(Math.Max(1, p.GetValue(budget))),
            });
            var items = inputs.SelectMany(i => DocumentSources.Read(i, defaults));
            IngestSummary summary;
            bool showProgress = !p.GetValue(quiet) && !Console.IsErrorRedirected;
            if (showProgress)
            {
                long? total = 0;
                foreach (var i in inputs)
                {
                    total = DocumentSources.EstimateCount(i) is { } n && total is not null ? total + n : null;
                }

                summary = RunWithProgress(ingestor, items, total);
            }
            else
            {
                summary = ingestor.Run(items);
            }

            var err = Console.Error;
            err.WriteLine($"rasid ingest: {summary.Read} read, {summary.Stored} stored, {summary.Skipped} already stored, " +
                          $"{summary.Events} events, {summary.Rejected.Count} rejected, {summary.Failed} failed extraction, " +
                          $"{summary.Elapsed.TotalSeconds:F1} s ({(summary.Stored + summary.Skipped) / Math.Max(0.001, summary.Elapsed.TotalSeconds):F0} docs/s) into {store.Location}");
            if (Rasid.Store.WriteProfile.Enabled)
            {
                err.WriteLine(Rasid.Store.WriteProfile.Report());
            }

            foreach (var r in summary.Rejected)
            {
                err.WriteLine($"  rejected {r}");
            }

            foreach (var f in summary.FailedDocuments)
            {
                err.WriteLine($"  failed {f}");
            }

            return summary.Rejected.Count > 0 || summary.Failed > 0 ? 1 : 0;
        }));
        return cmd;
    }

    private static int Enqueue(Rasid.Store.IEventStore store, IEnumerable<SourceItem> items)
    {
        if (store is not Rasid.Store.Postgres.PostgresEventStore pg)
        {
            throw new Rasid.Core.RasidException("E320", store.Location, "--enqueue needs a PostgreSQL store (--db postgres://…); the job queue lives there");
        }

        var queue = new Rasid.Store.Postgres.PostgresJobQueue(pg);
        var batch = new List<(Rasid.Core.Document, string)>(500);
        var rejected = new List<SourceRejection>();
        long read = 0, added = 0;
        foreach (var item in items)
        {
            read++;
            if (item is SourceRejection r)
            {
                rejected.Add(r);
            }
            else if (item is SourceDocument d)
            {
                batch.Add((d.Document, d.Input));
                if (batch.Count == 500)
                {
                    added += queue.Enqueue(batch);
                    batch.Clear();
                }
            }
        }

        added += queue.Enqueue(batch);
        Console.Error.WriteLine($"rasid ingest --enqueue: {read} read, {added} queued, {read - added - rejected.Count} already stored or queued, {rejected.Count} rejected");
        foreach (var r in rejected)
        {
            Console.Error.WriteLine($"  rejected {r}");
        }

        return rejected.Count > 0 ? 1 : 0;
    }

    private static IngestSummary RunWithProgress(Ingestor ingestor, IEnumerable<SourceItem> items, long? total)
    {
        IngestSummary? summary = null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("ingest", maxValue: Math.Max(1, total ?? 1));
                task.IsIndeterminate = total is null;
                summary = ingestor.Run(items, new Progress(task));
                task.StopTask();
            });
        return summary!;
    }

    private sealed class Progress(ProgressTask task) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value)
        {
            task.Value = Math.Min(task.MaxValue, value.Read);
            task.Description = $"{value.Stored + value.Skipped:N0} docs ({value.Stored:N0} new, {value.Skipped:N0} known, {value.Rejected:N0} rejected), " +
                               $"{value.Events:N0} events, {value.DocumentsPerSecond:N0} docs/s";
        }
    }
}
