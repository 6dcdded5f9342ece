using System.CommandLine;
using System.Text.Json;
using Rasid.Core;
using Rasid.Evaluation;

namespace Rasid.Cli.Commands;

/// <summary>
/// <c>rasid eval --gold DIR [--gold DIR …] [--verbose] [--json] [--outputs DIR]</c>: runs the extraction pipeline on
/// every annotated document (publication date and country from its gold file) — or reads stored outputs NAME.jsonl /
/// NAME.json from --outputs — and scores it exactly by corpus/FORMAT.md: precision, recall, F1, field accuracies,
/// modality errors, a line per document; --verbose adds every missed and spurious event with its evidence; --fields
/// every matched pair's wrong fields (gold vs system) and, for each missed gold event, why its nearest system event of
/// the same type did not match (date or place).
/// </summary>
internal static class EvalCommand
{
    /// <summary>Stored outputs are looked up as NAME.jsonl, then NAME.json, as score.py does.</summary>
    private static readonly string[] OutputExtensions = [".jsonl", ".json"];

    public static Command Create() => Create(CommandServices.Default);

    public static Command Create(CommandServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var gold = new Option<string[]>("--gold")
        {
            Description = "A folder of NAME.gold.json + NAME.txt pairs (format gold/1); repeat for more folders.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var verbose = new Option<bool>("--verbose") { Description = "List each missed gold event and each spurious system event with its evidence." };
        var json = new Option<bool>("--json") { Description = "Print the scores as one JSON object (score.py's keys, plus counts and per-document scores)." };
        var fields = new Option<bool>("--fields") { Description = "List each matched pair's wrong fields (gold vs system, with evidence) and why each missed gold event's nearest system event did not match." };
        var outputs = new Option<string?>("--outputs") { Description = "Score stored outputs (NAME.jsonl or NAME.json per gold NAME) instead of running the pipeline." };
        var cmd = new Command("eval", "Score extraction against gold annotations (corpus/FORMAT.md).")
        {
            gold, verbose, fields, json, outputs,
        };
        cmd.SetAction(parse =>
        {
            var err = parse.InvocationConfiguration.Error;
            try
            {
                return Run(parse.GetValue(gold) ?? [], parse.GetValue(outputs), parse.GetValue(verbose), parse.GetValue(fields), parse.GetValue(json), services, parse.InvocationConfiguration.Output, err);
            }
            catch (RasidException ex)
            {
                err.WriteLine($"rasid: error {ex.Message}");
                return 2;
            }
        });
        return cmd;
    }

    private static int Run(string[] goldDirs, string? outputsDir, bool verbose, bool fields, bool asJson, CommandServices services, TextWriter output, TextWriter err)
    {
        if (outputsDir is not null && !Directory.Exists(outputsDir))
        {
            throw new RasidException("E201", outputsDir, "outputs folder not found");
        }

        var files = goldDirs.SelectMany(GoldReader.FindGoldFiles).ToList();
        if (files.Count == 0)
        {
            throw new RasidException("E205", string.Join(", ", goldDirs), "no *.gold.json files");
        }

        IEventExtractor? extractor = outputsDir is null ? services.Extractor() : null;
        var scores = new List<DocumentScore>();
        int unreadable = 0;
        foreach (var file in files)
        {
            GoldCase c;
            try
            {
                c = GoldReader.Load(file);
            }
            catch (RasidException ex)
            {
                err.WriteLine($"rasid: error {ex.Message} (document left out of the scores)");
                unreadable++;
                continue;
            }

            scores.Add(ScoreOne(c, extractor, outputsDir, err) with { Name = c.Name });
        }

        var summary = new EvaluationSummary { Documents = scores };
        if (asJson)
        {
            output.WriteLine(ReportWriter.ToJson(summary));
        }
        else
        {
            ReportWriter.WriteText(summary, output, verbose, fields);
        }

        output.Flush();
        return unreadable > 0 ? 1 : 0;
    }

    private static DocumentScore ScoreOne(GoldCase c, IEventExtractor? extractor, string? outputsDir, TextWriter err)
    {
        try
        {
            IReadOnlyList<SystemEvent> events;
            if (extractor is not null)
            {
                var document = new Document(c.Gold.Id, c.Text, c.Gold.Published) { CountryHint = c.Gold.CountryHint };
                events = [.. extractor.Extract(document).Select(SystemEvent.From)];
            }
            else
            {
                var stored = OutputExtensions.Select(x => Path.Combine(outputsDir!, c.Name + x)).FirstOrDefault(File.Exists);
                events = stored is null ? [] : SystemEvent.ReadOutput(File.ReadAllText(stored));
            }

            return Scorer.Score(c.Gold, c.Text, events);
        }
        catch (Exception ex)
        {
            // as in score.py, a document the system fails on counts as no events
            var reason = $"{ex.GetType().Name}: {ex.Message}";
            err.WriteLine($"rasid: error {c.Name}: {reason} (scored as no events)");
            return Scorer.Failure(c.Gold, c.Text, reason);
        }
    }
}
