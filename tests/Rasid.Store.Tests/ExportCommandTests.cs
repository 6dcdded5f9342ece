using System.Text.Json;
using Parquet.Serialization;
using Rasid.Core;
using Rasid.Export;
using Rasid.Store.Sqlite;

namespace Rasid.Store.Tests;

public sealed class ExportCommandTests : IDisposable
{
    private readonly TempDb _db = new();

    public ExportCommandTests()
    {
        using var store = SqliteEventStore.Open(_db.Path);
        store.Write([
            TestEvents.Doc("d1", "أ", TestEvents.Event("d1", "e1", SubEventType.AirDroneStrike, "2017-04-20", 34.45, 40.92, actor1: "Saudi-led coalition", fatalities: 5)),
            TestEvents.Doc("d2", "ب", TestEvents.Event("d2", "e2", SubEventType.ArmedClash, "2017-04-26", 35.95, 39.01, place: "Ar Raqqa", admin1: "Ar-Raqqa")),
            TestEvents.Doc("d3", "ج", TestEvents.Event("d3", "e3", SubEventType.Attack, "2017-04-27", 36.2, 37.15, modality: Modality.Negated)),
        ]);
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Query_pages_follow_the_printed_next_cursor_through_every_incident_in_order()
    {
        static string[] Ids(string jsonl) =>
            [.. jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("event_id").GetString()!)];

        var (code, all, err) = RasidProcess.Run("query", "--db", _db.Path, "--all-modalities", "--format", "jsonl", "--limit", "10");
        Assert.True(code == 0, err);
        var walked = new List<string>();
        string[] args = ["query", "--db", _db.Path, "--all-modalities", "--format", "jsonl", "--limit", "1"];
        for (int i = 0; i < 5; i++)
        {
            var (c, stdout, stderr) = RasidProcess.Run(args);
            Assert.True(c == 0, stderr);
            walked.AddRange(Ids(stdout));
            var next = stderr.Split('\n').FirstOrDefault(l => l.StartsWith("next page: --after ", StringComparison.Ordinal));
            if (next is null)
            {
                break;
            }

            args = [.. args.Take(8), "--after", next["next page: --after ".Length..].Trim()];
        }

        Assert.Equal(Ids(all), walked);
    }

    [Fact]
    public void Query_refuses_text_that_is_not_a_page_cursor()
    {
        var (code, _, err) = RasidProcess.Run("query", "--db", _db.Path, "--after", "nonsense");
        Assert.Equal(2, code);
        Assert.Contains("E335", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parquet_export_holds_one_row_per_counted_incident_with_its_fields()
    {
        var file = Path.Combine(_db.Folder, "events.parquet");
        var (code, _, err) = RasidProcess.Run("export", "--db", _db.Path, "--format", "parquet", "--out", file);
        Assert.True(code == 0, err);
        await using var stream = File.OpenRead(file);
        var rows = (await ParquetSerializer.DeserializeAsync<ParquetEventRow>(stream)).Data;
        Assert.Equal(["e1", "e2"], rows.Select(r => r.EventId).Order());
        var e1 = rows.Single(r => r.EventId == "e1");
        Assert.Equal("Air/drone strike", e1.SubEventType);
        Assert.Equal(5, e1.Fatalities);
        Assert.Equal(34.45, e1.Latitude);
        Assert.Equal("قصف", JsonDocument.Parse(e1.Evidence).RootElement[0].GetProperty("text").GetString());
    }

    [Fact]
    public void Acled_csv_export_has_acleds_columns_and_honours_filters()
    {
        var (code, stdout, err) = RasidProcess.Run("export", "--db", _db.Path, "--format", "acled-csv", "--type", "Battles");
        Assert.True(code == 0, err);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", AcledCsvWriter.Columns), lines[0].TrimEnd('\r'));
        Assert.Equal(2, lines.Length);
        Assert.Contains("Armed clash", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Geojson_export_is_a_feature_collection_of_points()
    {
        var (code, stdout, err) = RasidProcess.Run("export", "--db", _db.Path, "--format", "geojson", "--all-modalities");
        Assert.True(code == 0, err);
        var doc = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("FeatureCollection", doc.GetProperty("type").GetString());
        Assert.Equal(3, doc.GetProperty("features").GetArrayLength());
        var point = doc.GetProperty("features")[0].GetProperty("geometry");
        Assert.Equal("Point", point.GetProperty("type").GetString());
    }

    [Fact]
    public void An_unknown_format_or_parquet_to_stdout_is_a_clear_error()
    {
        var (code, _, err) = RasidProcess.Run("export", "--db", _db.Path, "--format", "xlsx");
        Assert.Equal(2, code);
        Assert.Contains("E411", err, StringComparison.Ordinal);
        (code, _, err) = RasidProcess.Run("export", "--db", _db.Path, "--format", "parquet");
        Assert.Equal(2, code);
        Assert.Contains("E410", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_prints_json_lines_with_the_event_record_fields()
    {
        var (code, stdout, err) = RasidProcess.Run("query", "--db", _db.Path, "--format", "jsonl", "--actor", "coalition");
        Assert.True(code == 0, err);
        var line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var e = JsonDocument.Parse(line).RootElement;
        Assert.Equal("e1", e.GetProperty("event_id").GetString());
        Assert.Equal("Saudi-led coalition", e.GetProperty("actor1").GetString());
    }
}
