namespace Rasid.Cli.Tests;

public class EvalCommandTests
{
    [Fact]
    public void Verbose_lists_each_missed_gold_event_and_each_spurious_system_event_with_evidence()
    {
        var r = CliHarness.Run(CrossCheckScenario.Extractor(), ["eval", "--gold", CrossCheckScenario.GoldFolder, "--verbose"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("missed   D3 [Strategic developments] 2024-02-15 Deir ez-Zor: arrests in Deir ez-Zor, month precision", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("evidence: «عمليات اعتقال واسعة»", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("spurious Explosions/Remote violence / Air/drone strike 2024-06-30 place 2 [asserted]", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("evidence: «تقصف الطائرات مدينة الباب»", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("modality error: «ولم تقصف الطائرات مدينة الباب» (negated)", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_prints_a_line_per_document_then_precision_recall_f1_modality_errors_and_field_accuracy()
    {
        var r = CliHarness.Run(CrossCheckScenario.Extractor(), ["eval", "--gold", CrossCheckScenario.GoldFolder]);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("fixture-actors: tp=3 fp=0 optional=0 required=3 system=3 missed=[] modality_errors=0/0", lines[0], StringComparison.Ordinal);
        Assert.Contains("docs=5 failed=0 P=0.545 R=0.857 F1=0.667", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("modality errors=2 of 3 must-not statements", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("  actors          0.750 (6/8)", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Verbose", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("missed   ", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_document_reaches_the_extractor_with_the_published_date_and_country_of_its_gold_file()
    {
        var extractor = new FakeExtractor(_ => []);
        CliHarness.Run(extractor, ["eval", "--gold", CrossCheckScenario.GoldFolder]);
        Assert.Contains(extractor.Seen, d => d.Id == "fixture-actors" && d.Published == new DateOnly(2024, 6, 12) && d.CountryHint == "YE");
        Assert.Equal(5, extractor.Seen.Count);
    }

    [Fact]
    public void A_document_the_extractor_fails_on_counts_as_no_events_and_is_reported()
    {
        var extractor = new FakeExtractor(d => d.Id == "fixture-dates" ? throw new InvalidOperationException("boom") : []);
        var r = CliHarness.Run(extractor, ["eval", "--gold", CrossCheckScenario.GoldFolder]);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("rasid: error dates: InvalidOperationException: boom (scored as no events)", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("docs=5 failed=1", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_gold_file_is_named_and_left_out_while_the_others_are_scored_with_exit_code_1()
    {
        var gold = CliHarness.TempFolder();
        foreach (var f in Directory.GetFiles(CrossCheckScenario.GoldFolder, "actors.*"))
        {
            File.Copy(f, Path.Combine(gold, Path.GetFileName(f)));
        }

        var broken = CliHarness.Write(gold, "broken.gold.json", "{\"format\":\"gold/1\",\"doc\":{\"id\":\"b\"}}");
        CliHarness.Write(gold, "orphan.gold.json", "{\"format\":\"gold/1\",\"doc\":{\"id\":\"o\",\"file\":\"orphan.txt\",\"published\":\"2024-01-01\"},\"events\":[]}");
        var r = CliHarness.Run(CrossCheckScenario.Extractor(), ["eval", "--gold", gold]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"E203: {broken}: doc.file is missing", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("E101: " + Path.Combine(gold, "orphan.txt") + ": file not found", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("docs=1 failed=0 P=1.000 R=1.000 F1=1.000", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gold_folder_without_gold_files_is_a_usage_error()
    {
        var r = CliHarness.Run(new FakeExtractor(_ => []), ["eval", "--gold", CliHarness.TempFolder()]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("E205", r.Stderr, StringComparison.Ordinal);
    }
}
