using System.IO.Compression;
using System.Text;

namespace Rasid.Cli.Tests;

/// <summary>A bad document gets one clear error line naming it; the batch goes on; exit 1 with a summary; never a stack trace.</summary>
public class ExtractCommandBadInputTests
{
    private const string Report = "قصفت طائرات حربية مدينة أريحا يوم الثلاثاء.";

    private static void AssertNoStackTrace(CliHarness.Result r) => Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);

    [Fact]
    public void A_missing_file_is_named_with_its_reason_and_the_rest_of_the_batch_is_processed()
    {
        var dir = CliHarness.TempFolder();
        var good = CliHarness.Write(dir, "good.txt", Report);
        var missing = Path.Combine(dir, "missing.txt");
        var r = CliHarness.Run(FakeExtractor.OneEventPerDocument(), ["extract", missing, good, "--published", "2024-03-10"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"E101: {missing}: file not found", r.Stderr, StringComparison.Ordinal);
        Assert.Single(r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("2 documents, 1 events, 1 rejected: " + missing, r.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(r);
    }

    [Theory]
    [InlineData("empty", "E102")]
    [InlineData("whitespace", "E102")]
    [InlineData("binary", "E104")]
    [InlineData("invalid-utf8", "E105")]
    public void A_file_that_is_not_usable_text_is_rejected_with_a_coded_reason_while_its_folder_goes_on(string kind, string code)
    {
        var dir = CliHarness.TempFolder();
        byte[] bytes = kind switch
        {
            "empty" => [],
            "whitespace" => " \n\t\n"u8.ToArray(),
            "binary" => [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00],
            _ => [.. Encoding.UTF8.GetBytes("قصف "), 0xD8, 0x20, 0xFF],
        };
        var bad = CliHarness.WriteBytes(dir, "a-bad.txt", bytes);
        CliHarness.Write(dir, "b-good.txt", Report);
        var extractor = FakeExtractor.OneEventPerDocument();
        var r = CliHarness.Run(extractor, ["extract", dir, "--published", "2024-03-10"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"{code}: {bad}:", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(["b-good"], extractor.Seen.Select(d => d.Id));
        Assert.Contains("2 documents, 1 events, 1 rejected", r.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(r);
    }

    [Theory]
    [InlineData("{\"id\":\"b\",\"published\":\"2015-07-22\",\"text\":\"قصف", "E110", "not valid JSON")]
    [InlineData("[1,2,3]", "E111", "a JSONL record must be an object")]
    [InlineData("{\"id\":\"b\",\"published\":\"2015-07-22\"}", "E112", "record has no \"text\"")]
    [InlineData("{\"id\":\"b\",\"published\":\"22/07/2015\",\"text\":\"قصف\"}", "E113", "\"published\" is '22/07/2015', not a date")]
    [InlineData("{\"id\":\"b\",\"published\":\"2015-07-22\",\"text\":\"قصف \\ud800\"}", "E110", "not valid JSON text")]
    public void A_broken_line_in_the_middle_of_a_dump_is_rejected_by_line_number_and_the_rest_is_processed(string brokenLine, string code, string reason)
    {
        var dir = CliHarness.TempFolder();
        var dump = CliHarness.Write(dir, "dump.jsonl", string.Join('\n',
            "{\"id\":\"a\",\"published\":\"2015-07-21\",\"country_hint\":\"SY\",\"text\":\"" + Report + "\"}",
            brokenLine,
            "",
            "{\"id\":\"c\",\"published\":\"2015-07-23\",\"country_hint\":\"IQ\",\"text\":\"" + Report + "\"}") + "\n");
        var extractor = FakeExtractor.OneEventPerDocument();
        var r = CliHarness.Run(extractor, ["extract", dump]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"{code}: {dump}:2: {reason}", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(["a", "c"], extractor.Seen.Select(d => d.Id));
        Assert.Equal(2, r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("3 documents, 2 events, 1 rejected", r.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(r);
    }

    [Fact]
    public void A_line_of_invalid_utf8_in_a_dump_is_rejected_alone()
    {
        var dir = CliHarness.TempFolder();
        var good = Encoding.UTF8.GetBytes("{\"id\":\"a\",\"published\":\"2015-07-21\",\"text\":\"" + Report + "\"}\n");
        byte[] bad = [.. "{\"id\":\"b\",\"text\":\""u8.ToArray(), 0xC3, 0x28, .. "\"}\n"u8.ToArray()];
        var dump = CliHarness.WriteBytes(dir, "dump.jsonl", [.. good, .. bad, .. good]);
        var extractor = FakeExtractor.OneEventPerDocument();
        var r = CliHarness.Run(extractor, ["extract", dump]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"E105: {dump}:2:", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, extractor.Seen.Count);
    }

    [Fact]
    public void A_gzipped_dump_is_read_and_its_dates_and_countries_reach_the_extractor()
    {
        var dir = CliHarness.TempFolder();
        var path = Path.Combine(dir, "dump.jsonl.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes(
                "{\"id\":\"a\",\"published\":\"2015-07-21\",\"country_hint\":\"YE\",\"source\":\"alriyadh\",\"title\":\"t\",\"text\":\"" + Report + "\"}\n" +
                "{\"id\":\"b\",\"published\":\"2015-07-22T08:00:00\",\"text\":\"" + Report + "\"}"));
        }

        var extractor = FakeExtractor.OneEventPerDocument();
        var r = CliHarness.Run(extractor, ["extract", path, "--published", "2015-01-01", "--country", "sy"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(
            [("a", new DateOnly(2015, 7, 21), "YE", "alriyadh"), ("b", new DateOnly(2015, 7, 22), "SY", null)],
            extractor.Seen.Select(d => (d.Id, d.Published, d.CountryHint, d.Source)));
        Assert.Contains("2 documents, 2 events, 0 rejected", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extractor_failure_on_one_document_is_reported_without_a_stack_trace_and_the_batch_goes_on()
    {
        var dir = CliHarness.TempFolder();
        CliHarness.Write(dir, "a.txt", Report);
        CliHarness.Write(dir, "b.txt", Report);
        var extractor = new FakeExtractor(d => d.Id == "a" ? throw new InvalidOperationException("boom") : [TestEvents.AirStrike(d.Id, d.Published)]);
        var r = CliHarness.Run(extractor, ["extract", dir, "--published", "2024-03-10"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("E300: " + Path.Combine(dir, "a.txt") + ": extraction failed (InvalidOperationException: boom)", r.Stderr, StringComparison.Ordinal);
        Assert.Single(r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        AssertNoStackTrace(r);
    }

    [Fact]
    public void Stdin_is_read_as_one_document_and_without_published_it_is_dated_today_with_a_warning()
    {
        var extractor = FakeExtractor.OneEventPerDocument();
        var r = CliHarness.Run(extractor, ["extract", "-", "--id", "from-pipe"], Encoding.UTF8.GetBytes(Report));
        Assert.Equal(0, r.ExitCode);
        var doc = Assert.Single(extractor.Seen);
        Assert.Equal(("from-pipe", new DateOnly(2026, 11, 25), Report), (doc.Id, doc.Published, doc.Text));
        Assert.Contains("no publication date", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("2026-11-25", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Published_given_on_the_command_line_dates_a_plain_file_without_a_warning()
    {
        var dir = CliHarness.TempFolder();
        var file = CliHarness.Write(dir, "report.txt", Report);
        var extractor = FakeExtractor.OneEventPerDocument();
        var r = CliHarness.Run(extractor, ["extract", file, "--published", "2017-05-02", "--country", "SY"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(("report", new DateOnly(2017, 5, 2), "SY"), (extractor.Seen[0].Id, extractor.Seen[0].Published, extractor.Seen[0].CountryHint));
        Assert.DoesNotContain("warning", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_stdin_is_rejected()
    {
        var r = CliHarness.Run(FakeExtractor.OneEventPerDocument(), ["extract", "-", "--published", "2024-01-01"], []);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("E102: stdin: is empty", r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "xml", "E416")]
    [InlineData("--published", "yesterday", "E414")]
    [InlineData("--country", "Syria", "E415")]
    public void A_bad_option_value_stops_before_reading_anything_with_exit_code_2(string option, string value, string code)
    {
        var extractor = FakeExtractor.OneEventPerDocument();
        var r = CliHarness.Run(extractor, ["extract", "-", option, value], Encoding.UTF8.GetBytes(Report));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(code, r.Stderr, StringComparison.Ordinal);
        Assert.Empty(extractor.Seen);
    }

    [Fact]
    public void Id_is_refused_for_a_folder_since_it_names_one_document()
    {
        var dir = CliHarness.TempFolder();
        CliHarness.Write(dir, "a.txt", Report);
        var r = CliHarness.Run(FakeExtractor.OneEventPerDocument(), ["extract", dir, "--id", "x"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("E413: --id", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_reads_html_pages_feeds_and_subfolders_through_the_same_readers_as_ingest()
    {
        var dir = CliHarness.TempFolder();
        CliHarness.Write(dir, "a-page.html", "<!DOCTYPE html><html><head><title>غارات</title><script>x()</script></head><body><p>" + Report + "</p></body></html>");
        CliHarness.Write(dir, "b-feed.rss",
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><link>http://example.org/</link><description>d</description>" +
            "<item><title>قصف</title><guid>item-1</guid><pubDate>Tue, 21 Jul 2015 10:00:00 GMT</pubDate><description>" + Report + "</description></item></channel></rss>");
        Directory.CreateDirectory(Path.Combine(dir, "sub"));
        CliHarness.Write(Path.Combine(dir, "sub"), "c.txt", Report);
        var extractor = FakeExtractor.OneEventPerDocument();
        var r = CliHarness.Run(extractor, ["extract", dir, "--published", "2024-03-10"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(["a-page", "item-1", "c"], extractor.Seen.Select(d => d.Id));
        Assert.DoesNotContain("x()", extractor.Seen[0].Text, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2015, 7, 21), extractor.Seen[1].Published);
    }

    [Fact]
    public void An_empty_folder_is_one_coded_rejection_naming_it()
    {
        var dir = CliHarness.TempFolder();
        var r = CliHarness.Run(FakeExtractor.OneEventPerDocument(), ["extract", dir, "--published", "2024-03-10"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"E106: {dir}: folder holds no readable files", r.Stderr, StringComparison.Ordinal);
    }
}
