using System.CommandLine;

namespace Rasid.Bench.Commands;

/// <summary><c>corpus</c>: the whole-corpus run of every text-layer stage and extraction, a Markdown table on stdout.</summary>
internal static class CorpusCommand
{
    public static Command Create()
    {
        var limit = new Option<int>("--limit") { Description = "Articles to read (0: all)." };
        var path = new Option<string?>("--path") { Description = "A JSONL(.gz) dump instead of ../shared/corpus/bulk." };
        var repeat = new Option<int>("--repeat") { Description = "Timed passes per stage.", DefaultValueFactory = _ => 3 };
        var warmup = new Option<int>("--warmup") { Description = "Articles run before timing.", DefaultValueFactory = _ => 3000 };
        var only = new Option<string?>("--only")
        {
            Description = "Stages to run: a normalize, b analyze, c + clitics, d Lucene, e extraction, f + phrase matching, " +
                          "g/h + place finding (built-in / imported gazetteer), p parallel, x breakdown.",
        };
        var cmd = new Command("corpus", "Whole-corpus throughput of the text layer and extraction (Markdown on stdout).") { limit, path, repeat, warmup, only };
        cmd.SetAction(p => new CorpusRun(
            new CorpusRunOptions(p.GetValue(path), p.GetValue(limit), Math.Max(1, p.GetValue(repeat)), Math.Max(1, p.GetValue(warmup)), p.GetValue(only)),
            Console.Out).Run());
        return cmd;
    }
}
