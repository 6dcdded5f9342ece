namespace Rasid.Arabic.Morphology;

/// <summary>
/// A way to read a word as proclitics + stem + enclitic, as lengths in the word's normalized characters, so the stem's
/// surface span is always recoverable (<see cref="CliticSegmenter.StemSpan"/>).
/// <see cref="RestoredArticle"/>: the stem is read with the article ال that a preceding ل swallowed (للرقة = ل + الرقة);
/// the lookup key is then "ال" + the stem's characters.
/// <see cref="RestoredTehMarbuta"/>: the stem ends in the ت that a ta marbuta becomes before an enclitic (مدينته = مدينة + ه);
/// the lookup key then ends in ه (normalized ة).
/// </summary>
public readonly record struct StemCandidate(int PrefixLength, int SuffixLength, bool RestoredArticle, bool RestoredTehMarbuta = false)
{
    public int StemLength(int wordLength) => wordLength - PrefixLength - SuffixLength;

    public bool IsWholeWord => PrefixLength == 0 && SuffixLength == 0 && !RestoredArticle && !RestoredTehMarbuta;

    /// <summary>How much of the word this reading strips (for ordering: less first).</summary>
    public int Stripped => PrefixLength + SuffixLength;

    /// <summary>True when the lookup key is not a plain slice of the word.</summary>
    public bool NeedsKey => RestoredArticle || RestoredTehMarbuta;
}
