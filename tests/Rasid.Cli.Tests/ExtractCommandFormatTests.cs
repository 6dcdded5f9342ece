using System.Text;
using System.Text.Json;
using Rasid.Core;

namespace Rasid.Cli.Tests;

/// <summary><c>rasid extract --format …</c> writes a well-formed document over a whole batch, also an empty one.</summary>
public class ExtractCommandFormatTests
{
    private const string Report = "قصفت طائرات حربية مدينة أريحا يوم الثلاثاء.";

    private static string TwoReports()
    {
        var dir = CliHarness.TempFolder();
        CliHarness.Write(dir, "a.txt", Report);
        CliHarness.Write(dir, "b.txt", Report);
        return dir;
    }

    [Fact]
    public void Json_is_one_array_over_all_documents()
    {
        var r = CliHarness.Run(FakeExtractor.OneEventPerDocument(), ["extract", TwoReports(), "--format", "json", "--published", "2024-03-10"]);
        Assert.Equal(0, r.ExitCode);
        using var d = JsonDocument.Parse(r.Stdout);
        Assert.Equal(["a", "b"], d.RootElement.EnumerateArray().Select(e => e.GetProperty("document_id").GetString()));
        Assert.Equal("2024-03-10", d.RootElement[0].GetProperty("event_date").GetString());
    }

    [Fact]
    public void Geojson_is_one_feature_collection_over_all_documents()
    {
        var r = CliHarness.Run(FakeExtractor.OneEventPerDocument(), ["extract", TwoReports(), "--format", "geojson", "--published", "2024-03-10"]);
        using var d = JsonDocument.Parse(r.Stdout);
        Assert.Equal(2, d.RootElement.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public void Csv_has_one_header_and_leaves_uncounted_events_out_saying_so()
    {
        var extractor = new FakeExtractor(d => [TestEvents.AirStrike(d.Id, d.Published), TestEvents.AirStrike(d.Id + "-neg", d.Published, Modality.Negated)]);
        var r = CliHarness.Run(extractor, ["extract", TwoReports(), "--format", "csv", "--published", "2024-03-10"]);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("event_id_cnty,event_date,year,", lines[0], StringComparison.Ordinal);
        Assert.Contains("2 negated/hypothetical/speculative/future events are not in ACLED CSV", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejected_documents_leave_the_json_array_well_formed()
    {
        var dir = TwoReports();
        CliHarness.WriteBytes(dir, "c.txt", [0xFF, 0xFE, 0x00]);
        var r = CliHarness.Run(FakeExtractor.OneEventPerDocument(), ["extract", dir, "--format", "json", "--published", "2024-03-10"]);
        Assert.Equal(1, r.ExitCode);
        using var d = JsonDocument.Parse(r.Stdout);
        Assert.Equal(2, d.RootElement.GetArrayLength());
    }

    [Fact]
    public void Evidence_offsets_written_by_extract_point_into_the_original_text()
    {
        var dir = CliHarness.TempFolder();
        var file = CliHarness.Write(dir, "r.txt", Report);
        var r = CliHarness.Run(FakeExtractor.OneEventPerDocument(), ["extract", file, "--published", "2024-03-10"], Encoding.UTF8.GetBytes(Report));
        using var d = JsonDocument.Parse(r.Stdout);
        var ev = d.RootElement.GetProperty("evidence")[0];
        int start = ev.GetProperty("start").GetInt32(), end = ev.GetProperty("end").GetInt32();
        Assert.Equal(Report[start..end], ev.GetProperty("text").GetString());
    }
}
