using System.CommandLine;

namespace Rasid.Bench.Commands;

/// <summary><c>rates</c>: events per 100 articles, per newspaper section, with examples.</summary>
internal static class RatesCommand
{
    public static Command Create()
    {
        var limit = new Option<int>("--limit") { Description = "Articles to read.", DefaultValueFactory = _ => 2000 };
        var path = new Option<string?>("--path") { Description = "A JSONL(.gz) dump instead of ../shared/corpus/bulk." };
        var examples = new Option<int>("--examples") { Description = "Example events printed per section.", DefaultValueFactory = _ => 10 };
        var sections = new Option<string?>("--sections") { Description = "Comma-separated sections to print examples of (e.g. sports,economy)." };
        var events = new Option<string?>("--events") { Description = "Write every event to this JSONL file." };
        var cmd = new Command("rates", "Events per 100 articles, per newspaper section, with examples.") { limit, path, examples, sections, events };
        cmd.SetAction(p => new EventRateRun(
            new EventRateOptions(p.GetValue(path), p.GetValue(limit), p.GetValue(examples), p.GetValue(sections), p.GetValue(events)),
            Console.Out).Run());
        return cmd;
    }
}
