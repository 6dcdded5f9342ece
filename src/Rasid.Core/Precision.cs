namespace Rasid.Core;

/// <summary>ACLED time precision: how exactly the event date is known.</summary>
public enum TimePrecision
{
    /// <summary>The day is known.</summary>
    Day = 1,

    /// <summary>The week or a span of a few days is known.</summary>
    Week = 2,

    /// <summary>Only the month (or something vaguer) is known.</summary>
    Month = 3,
}

/// <summary>ACLED geo precision: how exactly the location is known.</summary>
public enum GeoPrecision
{
    /// <summary>The town, village or site itself.</summary>
    Town = 1,

    /// <summary>Near a place, part of a region, or a relative location ("20 km east of X", "ريف X").</summary>
    Near = 2,

    /// <summary>Only the province (admin1) is known.</summary>
    Province = 3,
}
