using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Rasid.Core;

namespace Rasid.Export.Tests;

public class WriterTests
{
    /// <summary>The event record of DESIGN.md: every one of these is on every JSON/JSONL/GeoJSON record.</summary>
    public static readonly string[] DesignFields =
    [
        "event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
        "actor2", "assoc_actor_2", "inter2", "interaction", "country", "admin1", "admin2", "admin3", "location", "latitude",
        "longitude", "geo_precision", "source", "notes", "fatalities", "fatalities_low", "fatalities_high", "modality",
        "evidence", "document_id", "confidence", "place_candidates",
    ];

    private static string Write(ExportFormat format, params ConflictEvent[] events)
    {
        var w = new StringWriter { NewLine = "\n" };
        var writer = format.CreateWriter(w, SampleEvents.ExportedAt);
        foreach (var e in events)
        {
            writer.Write(e);
        }

        writer.Complete();
        return w.ToString();
    }

    [Fact]
    public void Jsonl_writes_one_record_per_line_with_every_design_field()
    {
        var lines = Write(ExportFormat.Jsonl, SampleEvents.Full(), SampleEvents.Negated(), SampleEvents.WithoutPlace()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        foreach (var line in lines)
        {
            using var d = JsonDocument.Parse(line);
            Assert.All(DesignFields, f => Assert.True(d.RootElement.TryGetProperty(f, out _), $"missing {f}"));
        }
    }

    [Fact]
    public void Json_record_carries_acled_names_codes_and_spans()
    {
        using var d = JsonDocument.Parse(Write(ExportFormat.Json, SampleEvents.Full()));
        var e = Assert.Single(d.RootElement.EnumerateArray());
        Assert.Equal("2017-04-26", e.GetProperty("event_date").GetString());
        Assert.Equal("Violence against civilians", e.GetProperty("event_type").GetString());
        Assert.Equal("Attack", e.GetProperty("sub_event_type").GetString());
        Assert.Equal((2, 7, 27), (e.GetProperty("inter1").GetInt32(), e.GetProperty("inter2").GetInt32(), e.GetProperty("interaction").GetInt32()));
        Assert.Equal("Syria", e.GetProperty("country").GetString());
        Assert.Equal("reported", e.GetProperty("modality").GetString());
        var ev = Assert.Single(e.GetProperty("evidence").EnumerateArray());
        Assert.Equal((10, 20, "أعدم التنظيم"), (ev.GetProperty("start").GetInt32(), ev.GetProperty("end").GetInt32(), ev.GetProperty("text").GetString()));
        Assert.Equal(2, e.GetProperty("place_candidates").GetArrayLength());
    }

    [Fact]
    public void Json_keeps_arabic_readable_rather_than_escaped() =>
        Assert.Contains("البوكمال", Write(ExportFormat.Json, SampleEvents.Full()), StringComparison.Ordinal);

    [Theory]
    [InlineData(ExportFormat.Json, "[]")]
    [InlineData(ExportFormat.Jsonl, "")]
    [InlineData(ExportFormat.GeoJson, "{\"type\":\"FeatureCollection\",\"features\":[]}")]
    public void No_events_still_give_a_well_formed_document(ExportFormat format, string expected) =>
        Assert.Equal(expected, Write(format).Trim());

    [Fact]
    public void Csv_header_is_acleds_columns_in_acleds_order()
    {
        var header = Write(ExportFormat.Csv).Split('\n')[0];
        Assert.Equal(
            "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp",
            header);
    }

    [Fact]
    public void Csv_rows_round_trip_through_a_csv_reader_with_quoting_intact_and_only_counted_events()
    {
        var csv = Write(ExportFormat.Csv, SampleEvents.Full(), SampleEvents.Negated(), SampleEvents.WithoutPlace());
        var rows = ParseCsv(csv);
        Assert.Equal(3, rows.Count); // header + two counted events; the negated one is not an ACLED row
        var header = rows[0];
        var row = rows[1].Select((v, i) => (header[i], v)).ToDictionary();
        Assert.Equal("2017-04-26", row["event_date"]);
        Assert.Equal("2017", row["year"]);
        Assert.Equal("Political violence", row["disorder_type"]);
        Assert.Equal("Civilian targeting", row["civilian_targeting"]);
        Assert.Equal(("760", "Middle East", "Syria"), (row["iso"], row["region"], row["country"]));
        Assert.Equal(SampleEvents.Full().Notes, row["notes"]);
        Assert.Equal(("34.4529", "40.9184"), (row["latitude"], row["longitude"]));
        Assert.Equal("modality=reported", row["tags"]);
        Assert.Equal(SampleEvents.ExportedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), row["timestamp"]);
        Assert.Equal(header.Count, rows[2].Count);
    }

    [SkippableFact]
    public void Csv_opens_cleanly_in_pandas()
    {
        // The python3 on PATH may be a private one (pyenv) without pandas; Debian's (python3-pandas, .ci/setup.sh) has it.
        var python = new[] { Which("python3"), File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : null }
            .OfType<string>().FirstOrDefault(p => RunPython(p, "import pandas\n").Code == 0);
        Skip.If(python is null, "no python3 with pandas (Debian: apt-get install python3-pandas)");
        var path = Path.Combine(Path.GetTempPath(), $"rasid-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, Write(ExportFormat.Csv, SampleEvents.Full(), SampleEvents.WithoutPlace()));
        var (code, output) = RunPython(python!, "import sys\ntry:\n    import pandas\nexcept ImportError:\n    print('NO-PANDAS'); sys.exit(0)\n" +
            $"df = pandas.read_csv(r'{path}')\nprint(len(df), len(df.columns), df['event_date'][0], df['fatalities'].dtype, df['latitude'].dtype)\n");
        Skip.If(output.Contains("No module named 'pandas'", StringComparison.Ordinal) || output.Contains("NO-PANDAS", StringComparison.Ordinal), "pandas is not installed");
        Assert.True(code == 0, output);
        Assert.Equal("2 31 2017-04-26 int64 float64", output.Trim());
    }

    [SkippableFact]
    public void Csv_is_read_by_pythons_csv_module_with_the_same_fields()
    {
        var python = Which("python3");
        Skip.If(python is null, "python3 is not on PATH");
        var path = Path.Combine(Path.GetTempPath(), $"rasid-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, Write(ExportFormat.Csv, SampleEvents.Full(), SampleEvents.WithoutPlace()));
        var (code, output) = RunPython(python!, $"import csv, json\nrows = list(csv.DictReader(open(r'{path}', encoding='utf-8', newline='')))\nprint(json.dumps([len(rows), len(rows[0]), rows[0]['notes'], rows[1]['latitude']]))\n");
        Assert.True(code == 0, output);
        using var d = JsonDocument.Parse(output);
        Assert.Equal(2, d.RootElement[0].GetInt32());
        Assert.Equal(31, d.RootElement[1].GetInt32());
        Assert.Equal(SampleEvents.Full().Notes, d.RootElement[2].GetString());
        Assert.Equal(string.Empty, d.RootElement[3].GetString());
    }

    [Fact]
    public void GeoJson_is_a_feature_collection_of_lon_lat_points_with_every_field_as_a_property()
    {
        var text = Write(ExportFormat.GeoJson, SampleEvents.Full(), SampleEvents.WithoutPlace());
        using var d = JsonDocument.Parse(text);
        Assert.Equal("FeatureCollection", d.RootElement.GetProperty("type").GetString());
        var features = d.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(2, features.Count);
        var point = features[0].GetProperty("geometry");
        Assert.Equal("Point", point.GetProperty("type").GetString());
        Assert.Equal([40.9184, 34.4529], point.GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        Assert.All(DesignFields, f => Assert.True(features[0].GetProperty("properties").TryGetProperty(f, out _), $"missing {f}"));
        Assert.Equal(JsonValueKind.Null, features[1].GetProperty("geometry").ValueKind);
        Assert.Equal("أعدم التنظيم", features[0].GetProperty("properties").GetProperty("evidence")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void GeoJson_reads_back_with_NetTopologySuite()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        var fc = JsonSerializer.Deserialize<FeatureCollection>(Write(ExportFormat.GeoJson, SampleEvents.Full()), options)!;
        var f = Assert.Single(fc);
        var p = Assert.IsType<Point>(f.Geometry);
        Assert.Equal((40.9184, 34.4529), (p.X, p.Y));
        Assert.Equal("doc1-e1", f.Attributes["event_id"]);
    }

    [Theory]
    [InlineData("json", ExportFormat.Json)]
    [InlineData("JSONL", ExportFormat.Jsonl)]
    [InlineData("csv", ExportFormat.Csv)]
    [InlineData("geojson", ExportFormat.GeoJson)]
    public void Format_names_parse_case_insensitively(string name, ExportFormat expected)
    {
        Assert.True(ExportFormats.TryParse(name, out var f));
        Assert.Equal(expected, f);
    }

    private static List<List<string>> ParseCsv(string csv)
    {
        // RFC 4180: quoted fields may hold commas, doubled quotes and line breaks
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; }
            else if (c != '\r') { field.Append(c); }
        }

        return rows;
    }

    private static string? Which(string exe) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, exe)).FirstOrDefault(File.Exists);

    private static (int Code, string Output) RunPython(string python, string script)
    {
        var psi = new ProcessStartInfo(python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-");
        using var p = Process.Start(psi)!;
        p.StandardInput.Write(script);
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr);
    }
}
