namespace Rasid.Arabic.Numbers;

/// <summary>How a stated number relates to the true count.</summary>
public enum NumberQualifier
{
    /// <summary>Stated as such: "13 قتيلا".</summary>
    Exact,

    /// <summary>نحو، قرابة، حوالي، زهاء، ما يقارب، تقريبا.</summary>
    Approximate,

    /// <summary>أكثر من، ما لا يقل عن، على الأقل: the value is a floor.</summary>
    LowerBound,

    /// <summary>أقل من، لا يتجاوز: the value is a ceiling.</summary>
    UpperBound,

    /// <summary>No number stated (عشرات، مئات، عدة، عدد من): the value is ACLED's conventional stand-in.</summary>
    Vague,
}
