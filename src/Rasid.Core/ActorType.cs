namespace Rasid.Core;

/// <summary>ACLED actor type, whose number is the interaction code (inter1/inter2).</summary>
public enum ActorType
{
    None = 0,
    StateForces = 1,
    RebelGroup = 2,
    PoliticalMilitia = 3,
    IdentityMilitia = 4,
    Rioters = 5,
    Protesters = 6,
    Civilians = 7,
    ExternalOrOtherForces = 8,
}

public static class Interaction
{
    /// <summary>
    /// ACLED's two-digit interaction code: the two actor codes, smaller first (e.g. 12 state forces vs rebels);
    /// a one-sided event gives the single code times ten (e.g. 20 rebels alone).
    /// </summary>
    public static int Code(ActorType actor1, ActorType actor2)
    {
        int a = (int)actor1, b = (int)actor2;
        if (a == 0 && b == 0)
        {
            return 0;
        }

        if (a == 0 || b == 0)
        {
            return Math.Max(a, b) * 10;
        }

        return Math.Min(a, b) * 10 + Math.Max(a, b);
    }
}
