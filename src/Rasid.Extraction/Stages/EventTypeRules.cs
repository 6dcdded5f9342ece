using Rasid.Core;
using Rasid.Extraction.Lexicons;
using Rasid.Extraction.Mentions;

namespace Rasid.Extraction.Stages;

/// <summary>
/// The rules that turn a trigger class and its actors into an ACLED sub-event type (ACLED codebook definitions):
/// shelling by an actor that strikes from the air, or with an aircraft named, is an air strike; a bomb with a suicide
/// bomber is a suicide bomb; a clash or an attack whose only other party is civilians is violence against civilians;
/// a territory change is "government regains" when state forces (or their allied militias) take it, else "non-state
/// actor overtakes"; an execution is an attack on civilians (ACLED codes executions of prisoners and of a group's own
/// members as violence against civilians); a non-state group that "arrests" civilians abducts them; an explosion set off
/// by an actor that strikes from the air is its air strike, and so is an attack by one ("هاجمت طائرة حربية مواقع"). Returns null when the trigger makes no event in this context.
/// </summary>
internal static class EventTypeRules
{
    public static SubEventType? Decide(TriggerClass cls, ActorMention? actor1, ActorMention? actor2, bool aircraftInClause, bool suicideInSentence, bool civiliansTargeted)
    {
        bool civilianSide = civiliansTargeted || actor2?.Entry.Kind == "civilians";
        bool bothArmed = actor1 is not null && actor2 is not null && actor1.Entry.IsArmed && actor2.Entry.IsArmed;
        return cls switch
        {
            TriggerClass.Air => SubEventType.AirDroneStrike,
            TriggerClass.Shell => aircraftInClause || actor1?.Entry.Air == true ? SubEventType.AirDroneStrike : SubEventType.ShellingArtilleryMissileAttack,
            TriggerClass.Ied => suicideInSentence ? SubEventType.SuicideBomb
                : actor1?.Entry.Air == true ? SubEventType.AirDroneStrike // explosions set off by an air strike
                : SubEventType.RemoteExplosiveLandmineIed,
            TriggerClass.Suicide => SubEventType.SuicideBomb,
            TriggerClass.Execution => actor1 is null ? null : SubEventType.Attack, // an execution always has an executioner
            TriggerClass.Assassination => SubEventType.Attack,
            TriggerClass.Abduction => SubEventType.AbductionForcedDisappearance,
            TriggerClass.Arrest => actor1 is null ? null // an arrest with nobody arresting is court or crime news, not coded
                : civilianSide && actor1 is { Entry.IsArmed: true } && actor1.Entry.Type != ActorType.StateForces
                ? SubEventType.AbductionForcedDisappearance // a non-state group "arresting" civilians abducts them
                : SubEventType.Arrests,
            TriggerClass.Takeover => actor1 is null ? null
                : actor1.Entry.Type == ActorType.StateForces || actor1.Entry.Kind is "state" or "resistance"
                    ? SubEventType.GovernmentRegainsTerritory
                    : SubEventType.NonStateActorOvertakesTerritory,
            TriggerClass.Attack when actor1?.Entry.Air == true => SubEventType.AirDroneStrike, // "هاجمت طائرة حربية مواقع"
            TriggerClass.Clash or TriggerClass.Attack => civilianSide && !bothArmed ? SubEventType.Attack : SubEventType.ArmedClash,
            TriggerClass.Kill => civilianSide && actor1 is not null ? SubEventType.Attack : bothArmed ? SubEventType.ArmedClash : null,
            TriggerClass.Advance => actor1 is { Entry.IsArmed: true } ? SubEventType.ArmedClash : null,
            TriggerClass.Defuse => SubEventType.DisruptedWeaponsUse,
            TriggerClass.Protest => SubEventType.PeacefulProtest,
            TriggerClass.Bodies => SubEventType.Attack, // bodies found shot or tortured: ACLED's violence against civilians
            TriggerClass.Looting => SubEventType.LootingPropertyDestruction,
            TriggerClass.Coercion => actor1 is { Entry.Type: ActorType.RebelGroup or ActorType.PoliticalMilitia or ActorType.IdentityMilitia } ? SubEventType.Other : null,
            _ => null,
        };
    }
}
