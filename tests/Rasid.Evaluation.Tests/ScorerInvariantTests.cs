using Rasid.Evaluation;
using static Rasid.Evaluation.Tests.Fixtures;

namespace Rasid.Evaluation.Tests;

/// <summary>Invariants of the scorer on random system events around the fixture golds (seeded; override with RASID_SEED).</summary>
public class ScorerInvariantTests
{
    private static readonly string[] Types = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Strategic developments", "Protests"];
    private static readonly string[] Modalities = ["asserted", "reported", "claimed", "negated", "hypothetical", "speculative", "future"];
    private static readonly string?[] Admin1s = [null, "Deir ez-Zor", "Dayr Az Zawr", "Idleb", "Al Hasakah", "Anbar", "Ar Raqqa", "حلب"];

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("RASID_SEED"), out var s) ? s : 4242;

    public static TheoryData<string> Documents => new() { "dates", "places", "optional", "actors", "modality" };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Counts_add_up_matching_is_one_to_one_and_every_pair_satisfies_the_rules(string name)
    {
        var c = Load(name);
        var random = new Random(Seed + name.Length);
        for (int round = 0; round < 200; round++)
        {
            var events = RandomEvents(c, random);
            var s = Scorer.Score(c.Gold, c.Text, events);
            Assert.Equal(s.Counted.Count, s.TruePositives + s.OptionalMatches + s.FalsePositives);
            Assert.True(s.TruePositives <= s.RequiredGold);
            Assert.Equal(s.Matches.Count, s.Matches.Select(m => m.GoldIndex).Distinct().Count());
            Assert.Equal(s.Matches.Count, s.Matches.Select(m => m.SystemIndex).Distinct().Count());
            Assert.All(s.Matches, m => Assert.True(MatchRules.Matches(c.Gold.Events[m.GoldIndex], s.Counted[m.SystemIndex])));
            Assert.Equal(s.RequiredGold - s.TruePositives, s.Missed.Count);
            Assert.Equal(s.FalsePositives, s.Spurious.Count);
            Assert.All(s.Counted, e => Assert.True(MatchRules.Counts(e.Modality)));
            Assert.True(s.ModalityErrors.Count <= c.Gold.MustNot.Count);

            // a greedy one-to-one matching is maximal: no unmatched gold could still pair with an unmatched event
            var freeGold = Enumerable.Range(0, c.Gold.Events.Count).Except(s.Matches.Select(m => m.GoldIndex));
            Assert.DoesNotContain(freeGold, gi => s.Spurious.Any(si => MatchRules.Matches(c.Gold.Events[gi], s.Counted[si])));
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Uncounted_events_change_no_figure(string name)
    {
        var c = Load(name);
        var random = new Random(Seed * 7 + name.Length);
        for (int round = 0; round < 100; round++)
        {
            var events = RandomEvents(c, random);
            var counted = events.Where(e => MatchRules.Counts(e.Modality)).ToList();
            var a = Scorer.Score(c.Gold, c.Text, events);
            var b = Scorer.Score(c.Gold, c.Text, counted);
            Assert.Equal((a.TruePositives, a.FalsePositives, a.OptionalMatches, a.ModalityErrors.Count), (b.TruePositives, b.FalsePositives, b.OptionalMatches, b.ModalityErrors.Count));
        }
    }

    private static List<SystemEvent> RandomEvents(GoldCase c, Random random)
    {
        var golds = c.Gold.Events;
        var events = new List<SystemEvent>();
        int n = random.Next(0, 8);
        for (int i = 0; i < n; i++)
        {
            var g = golds[random.Next(golds.Count)];
            var day = (g.Date ?? g.DateRange!.Value.First).AddDays(random.Next(-40, 41));
            var at = random.Next(5) == 0 ? ((double, double)?)null : At(g.Place, random.NextDouble() * 80, random.Next(360));
            var type = random.Next(3) == 0 ? Types[random.Next(Types.Length)] : g.EventTypes[0];
            int start = random.Next(c.Text.Length);
            int end = Math.Min(c.Text.Length, start + random.Next(1, 30));
            events.Add(Event(type, g.SubEventTypes[0], day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), at,
                modality: Modalities[random.Next(Modalities.Length)], admin1: Admin1s[random.Next(Admin1s.Length)],
                evidence: [new EvidenceItem(start, end, c.Text[start..end])]));
        }

        return events;
    }
}
