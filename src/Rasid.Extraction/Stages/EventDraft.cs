using Rasid.Core;
using Rasid.Extraction.Mentions;

namespace Rasid.Extraction.Stages;

/// <summary>An event under assembly: one trigger with the arguments attached to it.</summary>
internal sealed class EventDraft
{
    public required TriggerMention Trigger { get; init; }

    public required SubEventType SubEventType { get; set; }

    public ActorMention? Actor1 { get; set; }

    public ActorMention? Actor2 { get; set; }

    public PlaceRef? Place { get; set; }

    public DateRef? Date { get; set; }

    public DateOnly EventDate { get; set; }

    public DateOnly? EventDateEnd { get; set; }

    public TimePrecision TimePrecision { get; set; }

    /// <summary>The date was named in the trigger's own sentence (not carried over from the story or guessed).</summary>
    public bool OwnDate { get; set; }

    /// <summary>The trigger is the cause of a toll ("ارتفاع حصيلة القتلى جراء قصف"): a re-telling of an event, dated by the toll.</summary>
    public bool Recap { get; set; }

    public DeathCount Deaths { get; set; }

    public Modality Modality { get; set; }

    public TextSpan Evidence { get; set; }

    public List<TextSpan> MoreEvidence { get; } = [];

    public bool FromHeadline { get; set; }

    /// <summary>The trigger is in the lead: one of the first two sentences after the headline, which sum up the story.</summary>
    public bool InLead { get; set; }

    public double Confidence { get; set; }
}
