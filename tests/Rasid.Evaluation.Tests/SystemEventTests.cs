using System.Text.Json;
using Rasid.Evaluation;

namespace Rasid.Evaluation.Tests;

public class SystemEventTests
{
    [Fact]
    public void Reads_json_lines_arrays_and_objects_with_an_events_list_alike()
    {
        const string ev = "{\"event_type\":\"Battles\",\"event_date\":\"2024-05-04\",\"latitude\":33.4,\"longitude\":43.3}";
        Assert.Single(SystemEvent.ReadOutput(ev + "\n"));
        Assert.Equal(2, SystemEvent.ReadOutput(ev + "\n\n" + ev + "\n").Count);
        Assert.Equal(2, SystemEvent.ReadOutput("[" + ev + "," + ev + "]").Count);
        Assert.Single(SystemEvent.ReadOutput("{\"events\":[" + ev + "]}"));
        Assert.Empty(SystemEvent.ReadOutput("  \n"));
    }

    [Fact]
    public void A_broken_line_in_an_output_is_an_error_not_silence() =>
        Assert.ThrowsAny<JsonException>(() => SystemEvent.ReadOutput("{\"event_type\":\"Battles\"}\n{broken\n"));

    [Theory]
    [InlineData("2024-05-04", "2024-05-04")]
    [InlineData("2024-05-04T10:00:00Z", "2024-05-04")]
    [InlineData("04-05-2024", "2024-05-04")]
    [InlineData("04/05/2024", "2024-05-04")]
    [InlineData("4 May 2024", null)]
    [InlineData("", null)]
    public void Reads_dates_in_the_forms_the_reference_scorer_accepts(string text, string? expected) =>
        Assert.Equal(expected, SystemEvent.ParseDate(text)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Reads_actor_names_from_strings_or_objects_and_numbers_from_strings()
    {
        using var d = JsonDocument.Parse("{\"actor1\":{\"name\":\"Islamic State\"},\"actor2\":\"Civilians\",\"fatalities\":\"3\",\"evidence\":[{\"start\":1,\"end\":4,\"text\":\"abc\"},\"free text\"]}");
        var e = SystemEvent.FromJson(d.RootElement);
        Assert.Equal(["Islamic State", "Civilians", "", ""], e.ActorNames);
        Assert.Equal(3.0, e.Fatalities);
        Assert.Equal(2, e.Evidence.Count);
        Assert.Null(e.Modality);
    }
}
