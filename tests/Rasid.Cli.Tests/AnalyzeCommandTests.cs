using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Rasid.Arabic.Text;
using Rasid.Cli.Commands;
using Rasid.Core;
using Rasid.Core.Input;
using Xunit.Abstractions;

namespace Rasid.Cli.Tests;

public sealed class AnalyzeCommandTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rasid-cli-tests-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string FileWith(string name, byte[] bytes)
    {
        var p = Path.Combine(_dir, name);
        File.WriteAllBytes(p, bytes);
        return p;
    }

    private string FileWith(string name, string text) => FileWith(name, new UTF8Encoding(false).GetBytes(text));

    private static (int Code, string Output, string Error) Invoke(params string[] args)
    {
        var root = new RootCommand { AnalyzeCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        int code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Prints_tokens_with_clitic_readings_sentences_and_clauses_with_spans()
    {
        var path = FileWith("report.txt", "قُتل خمسة مدنيين بالرقة، في حين أصيب عشرة.\nوقال المرصد إن الغارات مستمرة.");
        var (code, output, error) = Invoke("analyze", path);
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("## tokens", output);
        Assert.Matches(@"ArabicWord\s+\[17,23\)\s+بالرقة \| بالرقه \| ب\+الرقه ب\+ال\+رقه\r?\n", output);
        Assert.Contains("ب+ال+رقه", output);
        Assert.Contains("## sentences", output);
        Assert.Matches(@"0 \[0,42\)\s+\[0,10\) قُتل خمسة مدنيين بالرقة، في حين أصيب عشرة\.", output);
        Assert.Contains("## clauses", output);
        Assert.Matches(@"1 \[25,42\)\s+\[5,10\) في حين أصيب عشرة\.", output);
    }

    [Fact]
    public void Lists_numbers_and_dates_resolved_against_the_given_publication_date()
    {
        var path = FileWith("dated.txt", "في 26 نيسان\\ أبريل أعدم التنظيم أربعة من مقاتليه، وقتل نحو 100 أمس.");
        var (code, output, error) = Invoke("analyze", path, "--no-tokens", "--published", "2017-05-02");
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("## numbers", output);
        Assert.Matches(@"4\s+Exact\s+\| أربعة", output);
        Assert.Matches(@"100\s+Approximate\s+\| نحو 100", output);
        Assert.Contains("## dates (published 2017-05-02", output);
        Assert.Matches(@"2017-04-26\s+Day\s+Absolute\s+\| 26 نيسان\\ أبريل", output);
        Assert.Matches(@"2017-05-01\s+Day\s+Relative\s+\| أمس", output);
    }

    [Theory]
    [InlineData("empty.txt", new byte[0], "E102", "is empty")]
    [InlineData("bom-only.txt", new byte[] { 0xEF, 0xBB, 0xBF }, "E102", "is empty")]
    [InlineData("spaces.txt", new byte[] { 0x20, 0x0A, 0x09, 0x0D, 0x0A }, "E102", "only white space")]
    [InlineData("binary.bin", new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00 }, "E104", "looks binary")]
    [InlineData("latin1.txt", new byte[] { 0x63, 0x61, 0x66, 0xE9, 0x20, 0x41 }, "E105", "not valid UTF-8")]
    [InlineData("cut.txt", new byte[] { 0xD8, 0xAD, 0xD9 }, "E105", "not valid UTF-8")]
    public void Bad_input_gets_a_coded_error_naming_the_file_and_exit_code_2(string name, byte[] bytes, string code, string problem)
    {
        var path = FileWith(name, bytes);
        var (exit, output, error) = Invoke("analyze", path);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith($"rasid: error {code}: {path}: ", error);
        Assert.Contains(problem, error);
    }

    [Fact]
    public void Missing_file_and_folder_are_coded_errors()
    {
        var missing = Path.Combine(_dir, "nope.txt");
        Assert.Contains($"E101: {missing}", Invoke("analyze", missing).Error);
        Assert.Contains($"E100: {_dir}", Invoke("analyze", _dir).Error);
        var none = Invoke("analyze");
        Assert.Equal(2, none.Code);
        Assert.Contains("E001", none.Error);
    }

    [Theory]
    [InlineData("قتل 5 في حلب Reuters 👍 שלום Привет ١٢٣ https://x.org ﻻ")]
    [InlineData("\uFEFFحلب\u200F\u202Bدمشق\u202C")]
    [InlineData("حلب\uD83D دمشق\uDC4D")]
    [InlineData("\u0651\u064B\u0640 ــــ")]
    public void Mixed_scripts_and_odd_characters_analyze_without_error(string text)
    {
        var path = FileWith("mixed.txt", Encoding.UTF8.GetBytes(text));
        var (code, output, error) = Invoke("analyze", path);
        Assert.True(code == 0 || error.StartsWith("rasid: error E", StringComparison.Ordinal), error);
        if (code == 0)
        {
            Assert.Contains("## clauses", output);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("\0\0\u0001")]
    [InlineData("\uFFFD\uFFFD")]
    [InlineData("\uD800")]
    [InlineData("\uDC00\uD800")]
    [InlineData("\u0640\u0640\u064B")]
    public void Text_analyzer_accepts_any_string(string text)
    {
        var a = TextAnalyzer.Analyze(text);
        Assert.Equal(a.Sentences.Sum(s => s.TokenCount), a.Tokens.Length);
        Assert.Equal(a.Clauses.Sum(s => s.TokenCount), a.Tokens.Length);
    }

    [Fact]
    public void Decoder_reports_the_input_name_for_bad_bytes()
    {
        var ex = Assert.Throws<RasidException>(() => TextFileReader.Decode(new byte[] { 0xC3, 0x28 }, "request-17"));
        Assert.Equal("E105", ex.Code);
        Assert.Equal("request-17", ex.Input);
    }

    [Fact]
    public void A_50_MB_single_line_file_is_analyzed()
    {
        const long size = 50L * 1024 * 1024;
        var path = Path.Combine(_dir, "big.txt");
        var unit = Encoding.UTF8.GetBytes("قُتِلَ ١٢ مدنياً وأُصيب 3,500 آخرون بالرقّة، في حين قصفت طائرات F16 مواقع «داعش» (www.sana.sy). ");
        using (var f = File.Create(path))
        {
            for (long written = 0; written < size; written += unit.Length)
            {
                f.Write(unit);
            }
        }

        GC.Collect();
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var counter = new LineCountingWriter();
        // Sentences and clauses are listed; the 7 million token lines are left out to keep the suite quick.
        int code = AnalyzeCommand.Run(path, counter, TextWriter.Null, new AnalyzeSettings(ListTokens: false));
        clock.Stop();
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Assert.Equal(0, code);
        Assert.True(counter.Lines > 500_000, $"only {counter.Lines} lines written");
        log.WriteLine($"50 MB single line through rasid analyze: {clock.Elapsed.TotalSeconds:F1} s (read + analyze + write {counter.Lines:N0} lines), "
            + $"{allocated / (1024.0 * 1024):N0} MB allocated, peak working set {peak / (1024.0 * 1024):N0} MB");

        // The text layer alone, on the same text.
        var text = TextFileReader.Read(path);
        GC.Collect();
        allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        clock.Restart();
        var analysis = TextAnalyzer.Analyze(text);
        clock.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Assert.Equal(analysis.Sentences.Sum(s => s.TokenCount), analysis.Tokens.Length);
        log.WriteLine($"TextAnalyzer.Analyze on it ({text.Length:N0} chars, {analysis.Tokens.Length:N0} tokens, {analysis.Sentences.Length:N0} sentences, "
            + $"{analysis.Clauses.Length:N0} clauses): {clock.Elapsed.TotalSeconds:F1} s = {size / 1e6 / clock.Elapsed.TotalSeconds:F1} MB/s of UTF-8, "
            + $"{allocated / (1024.0 * 1024):N0} MB allocated");
    }

    [SkippableFact]
    public void Measure_clitics_prints_the_anercorp_figures()
    {
        var folder = Rasid.Tests.SharedData.Require("nlp", "anercorp");
        var (code, output, error) = Invoke("analyze", "--measure-clitics", folder);
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("entities found", output);
        Assert.Contains("token precision", output);
        log.WriteLine(output);
    }

    [Fact]
    public void Measure_clitics_on_a_missing_folder_is_a_coded_error()
    {
        var (code, _, error) = Invoke("analyze", "--measure-clitics", Path.Combine(_dir, "none"));
        Assert.Equal(2, code);
        Assert.Contains("E110", error);
    }

    private sealed class LineCountingWriter : TextWriter
    {
        public long Lines { get; private set; }

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            if (value == '\n')
            {
                Lines++;
            }
        }

        public override void Write(string? value)
        {
            if (value is not null)
            {
                Lines += value.AsSpan().Count('\n');
            }
        }

        public override void WriteLine(string? value) => Lines++;

        public override void WriteLine() => Lines++;
    }
}
