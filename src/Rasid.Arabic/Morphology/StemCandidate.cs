namespace Rasid.Arabic.Morphology;

/// <summary>
/// A way to read a word as proclitics + stem + enclitics, as lengths in the word's normalized characters.
/// <see cref="RestoredArticle"/> is true when the stem is read with the article ال that a preceding ل swallowed
/// (للرقة = ل + الرقة): the lookup key is then "ال" + the stem's characters.
/// </summary>
public readonly record struct StemCandidate(int PrefixLength, int SuffixLength, bool RestoredArticle)
{
    public int StemLength(int wordLength) => wordLength - PrefixLength - SuffixLength;

    public bool IsWholeWord => PrefixLength == 0 && SuffixLength == 0 && !RestoredArticle;
}
