using System.CommandLine;
using Rasid.Arabic.Dates;
using Rasid.Arabic.Morphology;
using Rasid.Arabic.Numbers;
using Rasid.Arabic.Text;
using Rasid.Core;
using Rasid.Core.Input;

namespace Rasid.Cli.Commands;

/// <summary>
/// <c>rasid analyze FILE</c>: shows what the text layer finds (tokens with their clitic readings, sentences, clauses)
/// with spans into the original. <c>rasid analyze --measure-clitics DIR</c> measures clitic segmentation on ANERcorp.
/// </summary>
internal static class AnalyzeCommand
{
    /// <summary>At most this many clitic readings are listed per Arabic word.</summary>
    private const int ReadingsShown = 4;

    public static Command Create()
    {
        var file = new Argument<string?>("file") { Description = "A UTF-8 Arabic text file.", Arity = ArgumentArity.ZeroOrOne };
        var published = new Option<DateOnly?>("--published") { Description = "Publication date (yyyy-mm-dd) that relative dates resolve against; default: today." };
        var tokensOnly = new Option<bool>("--no-tokens") { Description = "Do not list every token." };
        var measureClitics = new Option<string?>("--measure-clitics") { Description = "Measure clitic segmentation against ANERcorp + ANERGazet in this folder instead of analyzing a file." };
        var cmd = new Command("analyze", "Show tokens (with clitic readings), sentences and clauses found in a text, with their spans.")
        {
            file, published, tokensOnly, measureClitics,
        };
        cmd.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var measure = parse.GetValue(measureClitics);
            if (measure is not null)
            {
                return Guard(error, () => MeasureClitics(measure, output));
            }

            var path = parse.GetValue(file);
            if (path is null)
            {
                error.WriteLine("rasid: error E001: analyze: give a FILE to analyze (or --measure-clitics DIR)");
                return 2;
            }

            // Relative dates need the publication date; the clock is read only here, at the edge, when none is given.
            var pub = parse.GetValue(published) ?? DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
            return Run(path, output, error, new AnalyzeSettings(!parse.GetValue(tokensOnly), pub));
        });
        return cmd;
    }

    /// <summary>Analyzes <paramref name="path"/> and writes the report; bad input becomes one coded line on <paramref name="error"/> and exit code 2.</summary>
    public static int Run(string path, TextWriter output, TextWriter error, AnalyzeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(settings);
        return Guard(error, () =>
        {
            var text = TextFileReader.Read(path);
            var analysis = TextAnalyzer.Analyze(text);
            Write(path, analysis, output, settings);
            return 0;
        });
    }

    public static void Write(string name, AnalyzedText analysis, TextWriter w, AnalyzeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(settings);
        var text = analysis.Original;
        w.WriteLine($"# {name}: {text.Length} chars, {analysis.Tokens.Length} tokens, {analysis.Sentences.Length} sentences, {analysis.Clauses.Length} clauses");
        if (settings.ListTokens)
        {
            w.WriteLine("## tokens (index kind [start,end) surface | normalized | clitic readings)");
            Span<StemCandidate> readings = stackalloc StemCandidate[CliticSegmenter.MaxCandidates];
            for (int i = 0; i < analysis.Tokens.Length; i++)
            {
                var t = analysis.Tokens[i];
                var norm = analysis.NormOf(i);
                w.Write($"{i,6} {t.Kind,-11} {t.Span,-14} {OneLine(analysis.Surface(i))} | {norm}");
                if (t.Kind == TokenKind.ArabicWord)
                {
                    int n = CliticSegmenter.Candidates(norm, readings, CliticSegmenter.ForToken(analysis, i, CliticOptions.All));
                    if (n > 1)
                    {
                        w.Write(" |");
                        for (int k = 1; k < n && k <= ReadingsShown; k++)
                        {
                            w.Write(' ');
                            w.Write(CliticSegmenter.Describe(norm, readings[k]));
                        }

                        if (n - 1 > ReadingsShown)
                        {
                            w.Write($" (+{n - 1 - ReadingsShown})");
                        }
                    }
                }

                w.WriteLine();
            }
        }

        w.WriteLine("## sentences (index [start,end) tokens text)");
        WriteSegments(analysis.Sentences, text, w);
        w.WriteLine("## clauses (index [start,end) tokens text)");
        WriteSegments(analysis.Clauses, text, w);

        w.WriteLine("## numbers ([start,end) value[..high] qualifier | surface)");
        foreach (var n in NumberFinder.Find(analysis))
        {
            var range = n.High is { } high ? $"{n.Value}..{high}" : n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            w.WriteLine($"  {n.Span,-14} {range,-12} {n.Qualifier,-11} | {OneLine(n.Span.Slice(text))}");
        }

        if (settings.Published is { } pub)
        {
            w.WriteLine($"## dates (published {pub:yyyy-MM-dd}; [start,end) start..end precision kind | surface)");
            foreach (var d in DateFinder.Find(analysis, pub))
            {
                var days = d.Start == d.End ? $"{d.Start:yyyy-MM-dd}" : $"{d.Start:yyyy-MM-dd}..{d.End:yyyy-MM-dd}";
                w.WriteLine($"  {d.Span,-14} {days,-22} {d.Precision,-5} {d.Kind,-12} | {OneLine(d.Span.Slice(text))}");
            }
        }
    }

    private static void WriteSegments(Segment[] segments, string text, TextWriter w)
    {
        for (int i = 0; i < segments.Length; i++)
        {
            var s = segments[i];
            w.WriteLine($"{i,4} {s.Span,-14} [{s.FirstToken},{s.EndToken}) {Shorten(s.Span.SliceSpan(text))}");
        }
    }

    private static int MeasureClitics(string folder, TextWriter output)
    {
        output.WriteLine($"# clitic segmentation on ANERcorp ({folder})");
        output.Write(CliticCoverage.Measure(folder).ToString());
        return 0;
    }

    private static int Guard(TextWriter error, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (RasidException ex)
        {
            error.WriteLine($"rasid: error {ex.Message}");
            return 2;
        }
    }

    private static string OneLine(string s) => s.Contains('\n', StringComparison.Ordinal) || s.Contains('\r', StringComparison.Ordinal) ? s.ReplaceLineEndings(" ") : s;

    private static string Shorten(ReadOnlySpan<char> s)
    {
        var head = s.Length <= 120 ? s : s[..117];
        var line = head.ToString().ReplaceLineEndings(" ");
        return s.Length <= 120 ? line : line + "…";
    }
}

/// <summary>What <c>rasid analyze</c> lists.</summary>
internal sealed record AnalyzeSettings(bool ListTokens = true, DateOnly? Published = null);
