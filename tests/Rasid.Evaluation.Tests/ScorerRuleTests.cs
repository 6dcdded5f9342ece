using Rasid.Evaluation;
using static Rasid.Evaluation.Tests.Fixtures;

namespace Rasid.Evaluation.Tests;

/// <summary>One rule of corpus/FORMAT.md per test, on the invented gold documents in Fixtures/gold.</summary>
public class ScorerRuleTests
{
    private const string Air = "Explosions/Remote violence";

    [Theory]
    [InlineData("D1", 0, true)]
    [InlineData("D1", 1, true)]
    [InlineData("D1", -1, true)]
    [InlineData("D1", 2, false)]
    [InlineData("D1", -2, false)]
    [InlineData("D2", 7, true)]
    [InlineData("D2", -7, true)]
    [InlineData("D2", 8, false)]
    [InlineData("D3", 31, true)]
    [InlineData("D3", -31, true)]
    [InlineData("D3", 32, false)]
    public void Date_matches_within_the_tolerance_of_the_gold_time_precision(string goldId, int offsetDays, bool expected)
    {
        var gold = Load("dates").Gold.Events.Single(g => g.Id == goldId);
        var date = gold.Date!.Value.AddDays(offsetDays);
        Assert.Equal(expected, MatchRules.DateMatches(gold, date));
    }

    [Theory]
    [InlineData("2024-02-01", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("2024-01-31", false)]
    [InlineData("2024-03-01", false)]
    public void Date_range_is_inclusive_at_both_ends_and_ignores_the_precision_tolerance(string date, bool expected)
    {
        var gold = Load("dates").Gold.Events.Single(g => g.Id == "D4");
        Assert.Equal(expected, MatchRules.DateMatches(gold, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void An_event_without_a_date_matches_nothing()
    {
        var gold = Load("dates").Gold.Events[0];
        Assert.False(MatchRules.DateMatches(gold, null));
    }

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(29.9, true)]
    [InlineData(30.1, false)]
    [InlineData(80.0, false)]
    public void Town_level_gold_matches_points_within_30_km(double km, bool expected)
    {
        var gold = Load("places").Gold.Events.Single(g => g.Id == "P1");
        var e = Event(Air, "Air/drone strike", "2024-04-17", At(gold.Place, km, 45));
        Assert.Equal(expected, MatchRules.PlaceMatches(gold.Place, e));
    }

    [Theory]
    [InlineData("Deir ez-Zor", true)]
    [InlineData("Dayr Az Zawr", true)]
    [InlineData("Deir Ezzor Governorate", true)]
    [InlineData("Deir el-Zour", false)]
    [InlineData("Ar Raqqa", false)]
    [InlineData("دير الزور", false)]
    public void Province_level_gold_matches_the_same_admin1_under_any_usual_spelling(string admin1, bool expected)
    {
        var gold = Load("places").Gold.Events.Single(g => g.Id == "P3");
        var farAway = At(gold.Place, 120, 0);
        var e = Event("Battles", "Armed clash", "2024-04-17", farAway, admin1: admin1, geoPrecision: 3);
        Assert.Equal(expected, MatchRules.PlaceMatches(gold.Place, e));
    }

    [Theory]
    [InlineData(49.0, true)]
    [InlineData(51.0, false)]
    public void Province_level_gold_also_matches_a_point_within_50_km_when_admin1_differs(double km, bool expected)
    {
        var gold = Load("places").Gold.Events.Single(g => g.Id == "P4");
        var e = Event(Air, "Shelling/artillery/missile attack", "2024-04-17", At(gold.Place, km, 180), admin1: "الحسكة");
        Assert.Equal(expected, MatchRules.PlaceMatches(gold.Place, e));
    }

    [Fact]
    public void Province_level_gold_matches_by_admin1_even_without_a_point()
    {
        var gold = Load("places").Gold.Events.Single(g => g.Id == "P5");
        var e = Event(Air, "Air/drone strike", "2024-04-17", null, admin1: "Idleb Governorate", geoPrecision: 3);
        Assert.True(MatchRules.PlaceMatches(gold.Place, e));
        Assert.False(MatchRules.PlaceMatches(Load("places").Gold.Events.Single(g => g.Id == "P1").Place, e));
    }

    [Theory]
    [InlineData("Ar Raqqa", "Raqqah")]
    [InlineData("Al Hasakah", "Hassakeh")]
    [InlineData("Sana'a", "Amanat al Asimah")]
    [InlineData("Ninewa Governorate", "Nineveh")]
    [InlineData("Salah al-Din", "Saladin")]
    [InlineData("Ḥalab", "Aleppo")]
    [InlineData("Al Hudaydah", "Hodeidah")]
    [InlineData("Misrata", "Misurata")]
    public void Admin1_spellings_coders_use_interchangeably_compare_equal(string a, string b) =>
        Assert.True(Admin1Names.Same(a, b), $"{a} → {Admin1Names.Key(a)}, {b} → {Admin1Names.Key(b)}");

    [Theory]
    [InlineData("Aleppo", "Idlib")]
    [InlineData("Basrah", "Babil")]
    [InlineData("Aden", "Abyan")]
    public void Different_governorates_do_not_compare_equal(string a, string b) => Assert.False(Admin1Names.Same(a, b));

    [Fact]
    public void Event_type_must_be_one_of_the_gold_types()
    {
        var gold = Load("dates").Gold.Events.Single(g => g.Id == "D1");
        Assert.True(MatchRules.Matches(gold, Event(Air, "Air/drone strike", "2024-03-08", At(gold.Place))));
        Assert.False(MatchRules.Matches(gold, Event("Battles", "Armed clash", "2024-03-08", At(gold.Place))));
    }

    [Theory]
    [InlineData("asserted", true)]
    [InlineData("reported", true)]
    [InlineData("claimed", true)]
    [InlineData("Reported", true)]
    [InlineData(null, true)]
    [InlineData("negated", false)]
    [InlineData("hypothetical", false)]
    [InlineData("speculative", false)]
    [InlineData("future", false)]
    public void Only_asserted_reported_and_claimed_events_count(string? modality, bool counts) =>
        Assert.Equal(counts, MatchRules.Counts(modality));

    [Fact]
    public void Events_of_uncounted_modality_are_neither_matches_nor_false_positives()
    {
        var c = Load("dates");
        var d1 = c.Gold.Events[0];
        var score = Scorer.Score(c.Gold, c.Text, [Event(Air, "Air/drone strike", "2024-03-08", At(d1.Place), modality: "negated")]);
        Assert.Equal((0, 0, 0), (score.TruePositives, score.FalsePositives, score.Counted.Count));
    }

    [Fact]
    public void Matching_is_one_to_one_so_a_second_event_for_the_same_gold_is_a_false_positive()
    {
        var c = Load("dates");
        var d1 = c.Gold.Events[0];
        var score = Scorer.Score(c.Gold, c.Text,
        [
            Event(Air, "Air/drone strike", "2024-03-08", At(d1.Place, 5, 90)),
            Event(Air, "Air/drone strike", "2024-03-09", At(d1.Place, 1, 90)),
        ]);
        Assert.Equal(1, score.TruePositives);
        Assert.Equal(1, score.FalsePositives);
        Assert.Equal(1, Assert.Single(score.Matches).SystemIndex); // the closer one wins
    }

    [Fact]
    public void Required_gold_events_are_paired_before_optional_ones_even_when_the_optional_is_closer()
    {
        var c = Load("optional");
        var o2 = c.Gold.Events.Single(g => g.Id == "O2");
        var score = Scorer.Score(c.Gold, c.Text, [Event("Battles", "Armed clash", "2024-05-04", At(o2.Place, 0.2, 0))]);
        Assert.Equal("O1", c.Gold.Events[Assert.Single(score.Matches).GoldIndex].Id);
        Assert.Equal(1, score.TruePositives);
        Assert.Equal(0, score.OptionalMatches);
    }

    [Fact]
    public void A_match_to_an_optional_gold_is_set_aside_neither_right_nor_wrong()
    {
        var c = Load("optional");
        var o1 = c.Gold.Events.Single(g => g.Id == "O1");
        var o3 = c.Gold.Events.Single(g => g.Id == "O3");
        var summary = new EvaluationSummary
        {
            Documents =
            [
                Scorer.Score(c.Gold, c.Text,
                [
                    Event("Battles", "Armed clash", "2024-05-04", At(o1.Place)),
                    Event("Strategic developments", "Other", "2024-05-01", At(o3.Place)),
                    Event("Battles", "Armed clash", "2024-05-04", At(o3.Place)),
                ]),
            ],
        };
        Assert.Equal((1, 1, 1), (summary.TruePositives, summary.OptionalMatches, summary.FalsePositives));
        Assert.Equal(0.5, summary.Precision);
        Assert.Equal(1.0 / 3, summary.PrecisionCountingOptionalMatches);
        Assert.Equal(1.0, summary.Recall);
    }

    [Fact]
    public void Missing_an_optional_gold_costs_no_recall()
    {
        var c = Load("optional");
        var score = Scorer.Score(c.Gold, c.Text, [Event("Battles", "Armed clash", "2024-05-04", At(c.Gold.Events[0].Place))]);
        Assert.Equal(1, score.RequiredGold);
        Assert.Empty(score.Missed);
    }

    [Theory]
    [InlineData("Islamic State", true)]
    [InlineData("ISLAMIC STATE", true)]
    [InlineData("Islamic State (Syria)", true)]
    [InlineData("داعش", true)]
    [InlineData("IS", true)]
    [InlineData("ISF", false)]
    [InlineData("Kurdish forces", false)]
    [InlineData("", false)]
    public void An_actor_matches_an_alias_by_equality_or_containment_of_an_alias_longer_than_three_characters(string systemName, bool expected)
    {
        var gold = Load("actors").Gold.Events.Single(g => g.Id == "A2").Actor1;
        Assert.Equal(expected, MatchRules.ActorMatches(gold, [systemName]));
    }

    [Fact]
    public void Actors_are_scored_per_gold_actor_with_either_system_actor_so_a_swap_counts()
    {
        var a1 = Load("actors").Gold.Events.Single(g => g.Id == "A1");
        var swapped = Event("Battles", "Armed clash", "2024-06-10", At(a1.Place), fatalities: 4,
            actors: ["Military Forces of Yemen (2016-)", "Houthi Movement", "", ""]);
        var fields = Scorer.FieldsOf(a1, swapped);
        Assert.Equal(new FieldTally(2, 2), fields.Actors);
    }

    [Fact]
    public void An_associated_actor_can_name_a_gold_actor()
    {
        var a3 = Load("actors").Gold.Events.Single(g => g.Id == "A3");
        var e = Event("Violence against civilians", "Attack", "2024-06-10", At(a3.Place), fatalities: 1,
            actors: ["Unidentified Armed Group (Yemen)", "", "Civilians (Yemen)", ""]);
        Assert.Equal(new FieldTally(2, 2), Scorer.FieldsOf(a3, e).Actors);
    }

    [Fact]
    public void A_gold_event_without_actors_adds_nothing_to_actor_accuracy()
    {
        var d3 = Load("dates").Gold.Events.Single(g => g.Id == "D3");
        Assert.Equal(new FieldTally(0, 0), Scorer.FieldsOf(d3, Event("Strategic developments", "Arrests", "2024-02-15", At(d3.Place))).Actors);
    }

    [Theory]
    [InlineData("A1", 4.0, 1, 1)]
    [InlineData("A1", 3.0, 0, 1)]
    [InlineData("A1", null, 0, 1)]
    [InlineData("A2", 2.0, 1, 1)]
    public void Fatalities_are_exact_where_the_gold_gives_a_number(string goldId, double? fatalities, int correct, int total)
    {
        var g = Load("actors").Gold.Events.Single(x => x.Id == goldId);
        var e = Event(g.EventTypes[0], g.SubEventTypes[0], "2024-06-10", At(g.Place), fatalities: fatalities);
        Assert.Equal(new FieldTally(correct, total), Scorer.FieldsOf(g, e).Fatalities);
    }

    [Fact]
    public void Fatalities_are_not_scored_where_the_gold_gives_no_number()
    {
        var p1 = Load("places").Gold.Events.Single(g => g.Id == "P1");
        Assert.Equal(new FieldTally(0, 0), Scorer.FieldsOf(p1, Event(Air, "Air/drone strike", "2024-04-17", At(p1.Place), fatalities: 9)).Fatalities);
    }

    [Fact]
    public void Sub_event_type_time_precision_and_geo_precision_are_compared_on_matched_pairs()
    {
        var a3 = Load("actors").Gold.Events.Single(g => g.Id == "A3");
        var e = Event("Violence against civilians", "Abduction/forced disappearance", "2024-06-10", At(a3.Place), timePrecision: 2, geoPrecision: 2);
        var f = Scorer.FieldsOf(a3, e);
        Assert.Equal(new FieldTally(0, 1), f.SubEventType);
        Assert.Equal(new FieldTally(0, 1), f.TimePrecision);
        Assert.Equal(new FieldTally(0, 1), f.GeoPrecision);
        var right = Scorer.FieldsOf(a3, e with { SubEventType = "Attack", TimePrecision = 1, GeoPrecision = 1 });
        Assert.Equal((1, 1, 1), (right.SubEventType.Correct, right.TimePrecision.Correct, right.GeoPrecision.Correct));
    }

    [Fact]
    public void A_counted_event_whose_evidence_span_overlaps_a_must_not_statement_is_a_modality_error_and_a_false_positive()
    {
        var c = Load("modality");
        var statement = c.Gold.MustNot[0].Evidence;
        int at = c.Text.IndexOf(statement, StringComparison.Ordinal);
        var e = Event(Air, "Air/drone strike", "2024-06-30", (36.37, 37.52), evidence: [new EvidenceItem(at + 4, at + 10, c.Text[(at + 4)..(at + 10)])]);
        var score = Scorer.Score(c.Gold, c.Text, [e]);
        Assert.Single(score.ModalityErrors);
        Assert.Equal(1, score.FalsePositives);
    }

    [Fact]
    public void Evidence_text_inside_a_must_not_statement_overlaps_it_even_without_offsets()
    {
        var c = Load("modality");
        var e = Event("Battles", "Armed clash", "2024-06-30", (36.52, 37.95), modality: "claimed", evidence: [new EvidenceItem(null, null, "سقوط قتلى")]);
        Assert.Equal(2, Assert.Single(Scorer.Score(c.Gold, c.Text, [e]).ModalityErrors).MustNotIndex);
    }

    [Fact]
    public void Evidence_next_to_a_must_not_statement_but_not_overlapping_it_is_no_modality_error()
    {
        var c = Load("modality");
        var statement = c.Gold.MustNot[0].Evidence;
        int at = c.Text.IndexOf(statement, StringComparison.Ordinal);
        var e = Event(Air, "Air/drone strike", "2024-06-30", (36.37, 37.52), evidence: [new EvidenceItem(at - 5, at, c.Text[(at - 5)..at])]);
        Assert.Empty(Scorer.Score(c.Gold, c.Text, [e]).ModalityErrors);
    }

    [Fact]
    public void A_must_not_statement_counts_once_however_many_events_overlap_it_and_uncounted_events_never()
    {
        var c = Load("modality");
        var statement = c.Gold.MustNot[0].Evidence;
        int at = c.Text.IndexOf(statement, StringComparison.Ordinal);
        var span = new EvidenceItem(at, at + statement.Length, statement);
        var score = Scorer.Score(c.Gold, c.Text,
        [
            Event(Air, "Air/drone strike", "2024-06-30", (36.37, 37.52), evidence: [span]),
            Event(Air, "Air/drone strike", "2024-06-30", (36.37, 37.52), modality: "reported", evidence: [span]),
            Event("Battles", "Armed clash", "2024-06-30", (36.48, 37.22), modality: "hypothetical", evidence: [new EvidenceItem(null, null, c.Gold.MustNot[1].Evidence)]),
        ]);
        Assert.Single(score.ModalityErrors);
        Assert.Equal(2, score.FalsePositives);
    }

    [Fact]
    public void Precision_recall_and_f1_follow_from_the_counts()
    {
        var c = Load("dates");
        var golds = c.Gold.Events;
        var score = Scorer.Score(c.Gold, c.Text,
        [
            Event(Air, "Air/drone strike", "2024-03-08", At(golds[0].Place)),
            Event("Battles", "Armed clash", "2024-03-04", At(golds[1].Place)),
            Event("Protests", "Peaceful protest", "2024-03-04", At(golds[1].Place)),
        ]);
        var s = new EvaluationSummary { Documents = [score] };
        Assert.Equal((2, 1, 4), (s.TruePositives, s.FalsePositives, s.RequiredGold));
        Assert.Equal(2.0 / 3, s.Precision, 12);
        Assert.Equal(0.5, s.Recall, 12);
        Assert.Equal(2 * (2.0 / 3) * 0.5 / ((2.0 / 3) + 0.5), s.F1, 12);
        Assert.Equal(["D3", "D4"], score.Missed.Select(i => golds[i].Id));
    }

    [Theory]
    [InlineData(1.0 / 3, 0.333)]
    [InlineData(2.0 / 3, 0.667)]
    [InlineData(0.0625, 0.062)]
    [InlineData(0.4375, 0.438)]
    [InlineData(0.1235, 0.123)]
    [InlineData(0.0005, 0.001)]
    [InlineData(0.0015, 0.002)]
    [InlineData(1.0, 1.0)]
    [InlineData(0.0, 0.0)]
    public void Rounds_to_three_decimals_as_python_round_does(double x, double expected) =>
        Assert.Equal(expected, MatchRules.RoundLikePython(x, 3));
}
