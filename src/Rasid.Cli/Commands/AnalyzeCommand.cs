using System.CommandLine;
using Rasid.Arabic.Dates;
using Rasid.Arabic.Numbers;
using Rasid.Arabic.Text;
using Rasid.Core.Input;

namespace Rasid.Cli.Commands;

/// <summary><c>rasid analyze FILE</c>: shows what the text layer finds (tokens, sentences, numbers, dates) with spans.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A UTF-8 Arabic text file." };
        var published = new Option<DateOnly?>("--published") { Description = "Publication date (yyyy-mm-dd) that relative dates resolve against; default: today." };
        var tokensOnly = new Option<bool>("--no-tokens") { Description = "Do not list every token." };
        var cmd = new Command("analyze", "Show tokens, sentences, numbers and dates found in a text, with their spans.")
        {
            file, published, tokensOnly,
        };
        cmd.SetAction(parse => CliRunner.Guard(() =>
        {
            var path = parse.GetValue(file)!;
            var text = TextFileReader.Read(path);
            var analysis = TextAnalyzer.Analyze(text);
            var w = Console.Out;
            w.WriteLine($"# {path}: {text.Length} chars, {analysis.Tokens.Length} tokens, {analysis.Sentences.Length} sentences, {analysis.Clauses.Length} clauses");
            if (!parse.GetValue(tokensOnly))
            {
                w.WriteLine("## tokens (kind [start,end) surface | normalized)");
                for (int i = 0; i < analysis.Tokens.Length; i++)
                {
                    var t = analysis.Tokens[i];
                    w.WriteLine($"{i,6} {t.Kind,-11} {t.Span,-14} {analysis.Surface(i)} | {analysis.NormString(i)}");
                }
            }

            w.WriteLine("## sentences");
            for (int i = 0; i < analysis.Sentences.Length; i++)
            {
                var s = analysis.Sentences[i];
                w.WriteLine($"{i,4} {s.Span,-14} {Shorten(s.Span.Slice(text))}");
            }

            w.WriteLine("## numbers ([start,end) value[..high] qualifier | surface)");
            foreach (var n in NumberFinder.Find(analysis))
            {
                var range = n.High is { } high ? $"{n.Value}..{high}" : n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                w.WriteLine($"  {n.Span,-14} {range,-12} {n.Qualifier,-11} | {n.Span.Slice(text)}");
            }

            // Relative dates need the publication date; the clock is read only here, at the edge, when none is given.
            var pub = parse.GetValue(published) ?? DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
            w.WriteLine($"## dates (published {pub:yyyy-MM-dd}; [start,end) start..end precision kind | surface)");
            foreach (var d in DateFinder.Find(analysis, pub))
            {
                var days = d.Start == d.End ? $"{d.Start:yyyy-MM-dd}" : $"{d.Start:yyyy-MM-dd}..{d.End:yyyy-MM-dd}";
                w.WriteLine($"  {d.Span,-14} {days,-22} {d.Precision,-5} {d.Kind,-12} | {d.Span.Slice(text)}");
            }

            return 0;
        }));
        return cmd;
    }

    private static string Shorten(string s)
    {
        s = s.ReplaceLineEndings(" ");
        return s.Length <= 120 ? s : string.Concat(s.AsSpan(0, 117), "…");
    }
}
