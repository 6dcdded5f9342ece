namespace Rasid.Core;

/// <summary>ACLED's six event types.</summary>
public enum EventType
{
    Battles,
    ExplosionsRemoteViolence,
    ViolenceAgainstCivilians,
    Protests,
    Riots,
    StrategicDevelopments,
}

/// <summary>ACLED's 25 sub-event types; each belongs to exactly one <see cref="EventType"/>.</summary>
public enum SubEventType
{
    // Battles
    ArmedClash,
    GovernmentRegainsTerritory,
    NonStateActorOvertakesTerritory,

    // Explosions/Remote violence
    ChemicalWeapon,
    AirDroneStrike,
    SuicideBomb,
    ShellingArtilleryMissileAttack,
    RemoteExplosiveLandmineIed,
    Grenade,

    // Violence against civilians
    SexualViolence,
    Attack,
    AbductionForcedDisappearance,

    // Protests
    PeacefulProtest,
    ProtestWithIntervention,
    ExcessiveForceAgainstProtesters,

    // Riots
    ViolentDemonstration,
    MobViolence,

    // Strategic developments
    Agreement,
    Arrests,
    ChangeToGroupActivity,
    DisruptedWeaponsUse,
    HeadquartersOrBaseEstablished,
    LootingPropertyDestruction,
    NonViolentTransferOfTerritory,
    Other,
}

/// <summary>
/// The closed ACLED taxonomy: the wire names ACLED writes ("Explosions/Remote violence", "Air/drone strike") and
/// which sub-event type belongs to which event type.
/// </summary>
public static class AcledTaxonomy
{
    private static readonly Dictionary<EventType, string> TypeNames = new()
    {
        [EventType.Battles] = "Battles",
        [EventType.ExplosionsRemoteViolence] = "Explosions/Remote violence",
        [EventType.ViolenceAgainstCivilians] = "Violence against civilians",
        [EventType.Protests] = "Protests",
        [EventType.Riots] = "Riots",
        [EventType.StrategicDevelopments] = "Strategic developments",
    };

    private static readonly (SubEventType Sub, EventType Type, string Name)[] Subs =
    [
        (SubEventType.ArmedClash, EventType.Battles, "Armed clash"),
        (SubEventType.GovernmentRegainsTerritory, EventType.Battles, "Government regains territory"),
        (SubEventType.NonStateActorOvertakesTerritory, EventType.Battles, "Non-state actor overtakes territory"),
        (SubEventType.ChemicalWeapon, EventType.ExplosionsRemoteViolence, "Chemical weapon"),
        (SubEventType.AirDroneStrike, EventType.ExplosionsRemoteViolence, "Air/drone strike"),
        (SubEventType.SuicideBomb, EventType.ExplosionsRemoteViolence, "Suicide bomb"),
        (SubEventType.ShellingArtilleryMissileAttack, EventType.ExplosionsRemoteViolence, "Shelling/artillery/missile attack"),
        (SubEventType.RemoteExplosiveLandmineIed, EventType.ExplosionsRemoteViolence, "Remote explosive/landmine/IED"),
        (SubEventType.Grenade, EventType.ExplosionsRemoteViolence, "Grenade"),
        (SubEventType.SexualViolence, EventType.ViolenceAgainstCivilians, "Sexual violence"),
        (SubEventType.Attack, EventType.ViolenceAgainstCivilians, "Attack"),
        (SubEventType.AbductionForcedDisappearance, EventType.ViolenceAgainstCivilians, "Abduction/forced disappearance"),
        (SubEventType.PeacefulProtest, EventType.Protests, "Peaceful protest"),
        (SubEventType.ProtestWithIntervention, EventType.Protests, "Protest with intervention"),
        (SubEventType.ExcessiveForceAgainstProtesters, EventType.Protests, "Excessive force against protesters"),
        (SubEventType.ViolentDemonstration, EventType.Riots, "Violent demonstration"),
        (SubEventType.MobViolence, EventType.Riots, "Mob violence"),
        (SubEventType.Agreement, EventType.StrategicDevelopments, "Agreement"),
        (SubEventType.Arrests, EventType.StrategicDevelopments, "Arrests"),
        (SubEventType.ChangeToGroupActivity, EventType.StrategicDevelopments, "Change to group/activity"),
        (SubEventType.DisruptedWeaponsUse, EventType.StrategicDevelopments, "Disrupted weapons use"),
        (SubEventType.HeadquartersOrBaseEstablished, EventType.StrategicDevelopments, "Headquarters or base established"),
        (SubEventType.LootingPropertyDestruction, EventType.StrategicDevelopments, "Looting/property destruction"),
        (SubEventType.NonViolentTransferOfTerritory, EventType.StrategicDevelopments, "Non-violent transfer of territory"),
        (SubEventType.Other, EventType.StrategicDevelopments, "Other"),
    ];

    private static readonly Dictionary<SubEventType, (EventType Type, string Name)> BySub =
        Subs.ToDictionary(s => s.Sub, s => (s.Type, s.Name));

    private static readonly Dictionary<string, EventType> TypeByName =
        TypeNames.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, SubEventType> SubByName =
        Subs.ToDictionary(s => s.Name, s => s.Sub, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<EventType> EventTypes { get; } = Enum.GetValues<EventType>();

    public static IReadOnlyList<SubEventType> SubEventTypes { get; } = Enum.GetValues<SubEventType>();

    public static string Name(this EventType type) => TypeNames[type];

    public static string Name(this SubEventType sub) => BySub[sub].Name;

    /// <summary>The event type a sub-event type belongs to.</summary>
    public static EventType Parent(this SubEventType sub) => BySub[sub].Type;

    public static IEnumerable<SubEventType> SubTypesOf(EventType type) =>
        Subs.Where(s => s.Type == type).Select(s => s.Sub);

    public static bool TryParseEventType(string? name, out EventType type) =>
        TypeByName.TryGetValue(name ?? string.Empty, out type);

    public static bool TryParseSubEventType(string? name, out SubEventType sub) =>
        SubByName.TryGetValue(name ?? string.Empty, out sub);

    /// <summary>ACLED's disorder type column, derived from the event type.</summary>
    public static string DisorderType(this EventType type) => type switch
    {
        EventType.Protests or EventType.Riots => "Demonstrations",
        EventType.StrategicDevelopments => "Strategic developments",
        _ => "Political violence",
    };
}
