using System.Globalization;
using Rasid.Core;

namespace Rasid.Extraction.Stages;

/// <summary>
/// Stage: English note. Needs: a finished event's fields. Writes ACLED's note style from them ("On 26 April 2017,
/// Islamic State executed 4 people in Abu Kamal (Deir ez-Zor). 4 fatalities.") — one template per sub-event type.
/// </summary>
internal static class NoteWriter
{
    public static string Write(ConflictEvent e)
    {
        var when = e.TimePrecision == TimePrecision.Day
            ? "On " + e.EventDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
            : "Around " + e.EventDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var a1 = e.Actor1?.Name ?? "an unidentified actor";
        var a2 = e.Actor2?.Name;
        var where = e.Location is null ? "at an unknown location"
            : (e.Location.Precision == GeoPrecision.Town ? "in " : "near ") + e.Location.Name
              + (e.Location.Admin1 is { } adm && adm != e.Location.Name ? $" ({adm})" : string.Empty);
        var against = a2 is null ? string.Empty : " " + a2;
        var what = e.SubEventType switch
        {
            SubEventType.AirDroneStrike => $"{a1} carried out air strikes{(a2 is null ? string.Empty : " on" + against)}",
            SubEventType.ShellingArtilleryMissileAttack => $"{a1} shelled{(a2 is null ? " positions" : against)}",
            SubEventType.ArmedClash => $"{a1} clashed with{(a2 is null ? " an armed group" : against)}",
            SubEventType.GovernmentRegainsTerritory => $"{a1} regained territory{(a2 is null ? string.Empty : " from" + against)}",
            SubEventType.NonStateActorOvertakesTerritory => $"{a1} took territory{(a2 is null ? string.Empty : " from" + against)}",
            SubEventType.RemoteExplosiveLandmineIed => $"an explosive device attributed to {a1} went off{(a2 is null ? string.Empty : ", hitting" + against)}",
            SubEventType.SuicideBomb => $"a suicide bomber ({a1}) struck{(a2 is null ? string.Empty : against)}",
            SubEventType.Attack => $"{a1} attacked{(a2 is null ? " people" : against)}",
            SubEventType.AbductionForcedDisappearance => $"{a1} abducted{(a2 is null ? " people" : against)}",
            SubEventType.Arrests => $"{a1} arrested{(a2 is null ? " people" : against)}",
            SubEventType.DisruptedWeaponsUse => $"{a1} destroyed or defused explosives{(a2 is null ? string.Empty : " of" + against)}",
            SubEventType.PeacefulProtest => $"{(a2 ?? a1)} protested",
            SubEventType.LootingPropertyDestruction => $"{a1} looted or destroyed property",
            _ => $"{a1} took action{(a2 is null ? string.Empty : " concerning" + against)}",
        };
        var toll = e.Fatalities > 0 ? $" {e.Fatalities} fatalit{(e.Fatalities == 1 ? "y" : "ies")}." : string.Empty;
        var mod = e.Modality is Modality.Asserted ? string.Empty : $" [{e.Modality.ToWireName()}]";
        return $"{when}, {what} {where}.{toll}{mod}";
    }
}
