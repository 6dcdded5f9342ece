using Rasid.Core;

namespace Rasid.Core.Tests;

public class AcledTaxonomyTests
{
    [Fact]
    public void Taxonomy_has_six_event_types_and_twenty_five_sub_event_types()
    {
        Assert.Equal(6, AcledTaxonomy.EventTypes.Count);
        Assert.Equal(25, AcledTaxonomy.SubEventTypes.Count);
    }

    [Theory]
    [InlineData("Air/drone strike", "Explosions/Remote violence")]
    [InlineData("Armed clash", "Battles")]
    [InlineData("Non-state actor overtakes territory", "Battles")]
    [InlineData("Abduction/forced disappearance", "Violence against civilians")]
    [InlineData("Arrests", "Strategic developments")]
    [InlineData("Excessive force against protesters", "Protests")]
    [InlineData("Mob violence", "Riots")]
    public void Sub_event_type_names_round_trip_and_belong_to_their_acled_type(string sub, string type)
    {
        Assert.True(AcledTaxonomy.TryParseSubEventType(sub, out var s));
        Assert.Equal(sub, s.Name());
        Assert.Equal(type, s.Parent().Name());
        Assert.True(AcledTaxonomy.TryParseEventType(type, out var t));
        Assert.Contains(s, AcledTaxonomy.SubTypesOf(t));
    }

    [Fact]
    public void Unknown_names_do_not_parse()
    {
        Assert.False(AcledTaxonomy.TryParseSubEventType("Air strike", out _));
        Assert.False(AcledTaxonomy.TryParseEventType(null, out _));
    }

    [Theory]
    [InlineData(ActorType.StateForces, ActorType.RebelGroup, 12)]
    [InlineData(ActorType.RebelGroup, ActorType.StateForces, 12)]
    [InlineData(ActorType.PoliticalMilitia, ActorType.Civilians, 37)]
    [InlineData(ActorType.RebelGroup, ActorType.None, 20)]
    [InlineData(ActorType.None, ActorType.None, 0)]
    public void Interaction_code_puts_the_smaller_actor_code_first(ActorType a, ActorType b, int code)
    {
        Assert.Equal(code, Interaction.Code(a, b));
    }

    [Fact]
    public void Text_span_rejects_negative_and_inverted_ranges()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextSpan(-1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextSpan(5, 2));
        Assert.True(new TextSpan(0, 5).Overlaps(new TextSpan(4, 6)));
        Assert.False(new TextSpan(0, 5).Overlaps(new TextSpan(5, 6)));
    }

    [Fact]
    public void Only_asserted_reported_and_claimed_events_count()
    {
        var counted = Enum.GetValues<Modality>().Where(m => m.Counts()).ToArray();
        Assert.Equal([Modality.Asserted, Modality.Reported, Modality.Claimed], counted);
    }
}
