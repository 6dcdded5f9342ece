using Rasid.Core;

namespace Rasid.Arabic.Text;

/// <summary>
/// A normalized view of an original text with the map that takes every normalized position back to the original.
/// Immutable and safe to share between threads.
/// </summary>
public sealed class NormalizedText
{
    // _map[i] is the original index of normalized character i; _map[Text.Length] == Original.Length.
    // Null when normalization changed nothing (identity map).
    private readonly int[]? _map;

    internal NormalizedText(string original, string text, int[]? map)
    {
        Original = original;
        Text = text;
        _map = map;
    }

    public string Original { get; }

    /// <summary>The normalized text every matcher works on.</summary>
    public string Text { get; }

    public int Length => Text.Length;

    public bool IsIdentity => _map is null;

    /// <summary>The original index of the normalized character at <paramref name="normalizedIndex"/> (or the original's length at the end).</summary>
    public int ToOriginalIndex(int normalizedIndex)
    {
        if ((uint)normalizedIndex > (uint)Text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(normalizedIndex));
        }

        return _map is null ? normalizedIndex : _map[normalizedIndex];
    }

    /// <summary>
    /// The original span of the normalized range <c>[start, end)</c>. The original span covers every original character
    /// that produced the range, plus harakat and tatweel that directly follow its last letter (they belong to the word).
    /// </summary>
    public TextSpan ToOriginal(int start, int end)
    {
        if (start < 0 || end < start || end > Text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"[{start},{end}) is outside [0,{Text.Length}).");
        }

        if (_map is null)
        {
            return new TextSpan(start, end);
        }

        int s = _map[start];
        if (start == end)
        {
            return new TextSpan(s, s);
        }

        int last = _map[end - 1];
        int e = last + (char.IsHighSurrogate(Original[last]) && last + 1 < Original.Length && char.IsLowSurrogate(Original[last + 1]) ? 2 : 1);
        int limit = _map[end] > e ? _map[end] : e;
        while (e < limit && (ArabicLetters.IsArabicMark(Original[e]) || Original[e] == ArabicLetters.Tatweel))
        {
            e++;
        }

        return new TextSpan(s, e);
    }

    public TextSpan ToOriginal(TextSpan normalized) => ToOriginal(normalized.Start, normalized.End);

    /// <summary>
    /// The normalized index of the first normalized character produced at or after original index <paramref name="originalIndex"/>.
    /// </summary>
    public int FromOriginalIndex(int originalIndex)
    {
        if (_map is null)
        {
            return Math.Clamp(originalIndex, 0, Text.Length);
        }

        int i = Array.BinarySearch(_map, 0, Text.Length + 1, originalIndex);
        if (i < 0)
        {
            return ~i;
        }

        while (i > 0 && _map[i - 1] == originalIndex)
        {
            i--;
        }

        return i;
    }

    public override string ToString() => Text;
}
