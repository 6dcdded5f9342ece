using System.Globalization;
using Rasid.Core;
using Rasid.Extraction;

namespace Rasid.Bench;

/// <summary>Options of <see cref="EventRateRun"/>.</summary>
public sealed record EventRateOptions(string? Path, int Limit, int Examples, string? ExampleSections, string? EventsOut);

/// <summary>
/// Events per 100 articles over the first N bulk articles, in total and per newspaper section (<see cref="NewsSections"/>),
/// with a sample of the counted events of each section, so a precision change can be read off non-conflict news
/// (sports, economy, culture should give almost none). <c>--events FILE</c> writes every counted event as one line
/// (article, section, sub-event type, place, evidence) for a before/after diff.
/// </summary>
public sealed class EventRateRun(EventRateOptions options, TextWriter output)
{
    public int Run()
    {
        var path = BulkCorpus.Resolve(options.Path);
        var extractor = new ArabicEventExtractor();
        var perSection = new SortedDictionary<string, (int Articles, int Events)>(StringComparer.Ordinal);
        var examples = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var bySubType = new Dictionary<string, int>(StringComparer.Ordinal);
        var wanted = options.ExampleSections?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        using var eventsOut = options.EventsOut is null ? null : new StreamWriter(options.EventsOut);
        int articles = 0, events = 0, nonConflictArticles = 0, nonConflictEvents = 0;
        double cpuStart = CpuClock.Seconds();
        foreach (var a in BulkCorpus.Read(path, options.Limit))
        {
            var section = NewsSections.Of(a.Source, a.Url);
            var doc = new Document(a.Id, a.Text, a.PublishedDate) { Source = a.Source, Url = a.Url, Title = a.Title };
            var counted = extractor.Extract(doc).Where(e => e.Modality.Counts()).ToList();
            articles++;
            events += counted.Count;
            bool nonConflict = NewsSections.IsNonConflict(section);
            nonConflictArticles += nonConflict ? 1 : 0;
            nonConflictEvents += nonConflict ? counted.Count : 0;
            var s = perSection.GetValueOrDefault(section);
            perSection[section] = (s.Articles + 1, s.Events + counted.Count);
            foreach (var e in counted)
            {
                var line = $"{a.Id} [{section}] {e.SubEventType.Name()} @{e.Location?.Name ?? "-"} {e.EventDate:yyyy-MM-dd} «{e.Evidence[0].Text}» ({a.Title})";
                eventsOut?.WriteLine(line);
                bySubType[e.SubEventType.Name()] = bySubType.GetValueOrDefault(e.SubEventType.Name()) + 1;
                var list = examples.TryGetValue(section, out var l) ? l : examples[section] = [];
                if (list.Count < options.Examples && (wanted is null || wanted.Contains(section)))
                {
                    list.Add(line);
                }
            }
        }

        double cpu = CpuClock.Seconds() - cpuStart;
        output.WriteLine($"# Events per 100 articles ({Path.GetFileName(path)}, first {articles} articles, counted modalities only)");
        output.WriteLine();
        output.WriteLine($"all sections: {articles} articles, {events} events = **{Per100(events, articles)}** per 100");
        output.WriteLine($"non-conflict (sports, economy, culture, economic daily): {nonConflictArticles} articles, {nonConflictEvents} events = **{Per100(nonConflictEvents, nonConflictArticles)}** per 100");
        output.WriteLine($"(extraction CPU time {cpu:0.0} s)");
        output.WriteLine();
        output.WriteLine("| section | articles | events | per 100 |");
        output.WriteLine("|---|---:|---:|---:|");
        foreach (var (section, (n, ev)) in perSection)
        {
            output.WriteLine($"| {section} | {n} | {ev} | {Per100(ev, n)} |");
        }

        output.WriteLine();
        output.WriteLine("| sub-event type | events |");
        output.WriteLine("|---|---:|");
        foreach (var (type, n) in bySubType.OrderByDescending(kv => kv.Value))
        {
            output.WriteLine($"| {type} | {n} |");
        }

        foreach (var (section, list) in examples.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (list.Count == 0)
            {
                continue;
            }

            output.WriteLine();
            output.WriteLine($"## examples: {section}");
            foreach (var line in list)
            {
                output.WriteLine("- " + line);
            }
        }

        return 0;
    }

    private static string Per100(int events, int articles) =>
        (100.0 * events / Math.Max(1, articles)).ToString("0.0", CultureInfo.InvariantCulture);
}
