namespace Rasid.Core;

/// <summary>
/// A half-open range <c>[Start, End)</c> of UTF-16 offsets into a document's original text.
/// Every extracted value points back into the text through one of these (STYLE.md §1).
/// </summary>
public readonly record struct TextSpan
{
    public TextSpan(int start, int end)
    {
        if (start < 0 || end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Invalid span [{start},{end}).");
        }

        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; }

    public int Length => End - Start;

    public bool IsEmpty => End == Start;

    public bool Contains(int offset) => offset >= Start && offset < End;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    /// <summary>The smallest span covering both.</summary>
    public TextSpan Union(TextSpan other) => new(Math.Min(Start, other.Start), Math.Max(End, other.End));

    /// <summary>Characters between two spans (0 when they overlap or touch).</summary>
    public int DistanceTo(TextSpan other) =>
        other.Start >= End ? other.Start - End : Start >= other.End ? Start - other.End : 0;

    public string Slice(string text) => text.Substring(Start, Length);

    public ReadOnlySpan<char> SliceSpan(string text) => text.AsSpan(Start, Length);

    public override string ToString() => $"[{Start},{End})";
}
