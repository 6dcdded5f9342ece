using System.Globalization;
using System.Text;

namespace Rasid.Geo;

/// <summary>
/// Compares governorate names across spellings ("Ar Raqqa", "Ar-Raqqah", "Raqqa"; "Idlib"/"Idleb"; "Ṣa‘dah"/"Sadah"):
/// diacritics and apostrophes dropped, lower case, the articles and words like "governorate" removed, letters only.
/// The same folding the corpus scorer applies (shared/tools/score.py), so an evaluation here agrees with it.
/// </summary>
public static class Admin1Names
{
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "al", "ar", "as", "ad", "ash", "at", "an", "az", "el", "governorate", "province", "muhafazat", "district",
    };

    /// <summary>The comparison key of an English governorate name.</summary>
    public static string Key(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var word = new StringBuilder();
        void Flush()
        {
            var w = word.ToString();
            if (w.Length > 0 && !Dropped.Contains(w))
            {
                sb.Append(w);
            }

            word.Clear();
        }

        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’' or 'ʼ' or '‘' or '`' or 'ʻ')
            {
                continue;
            }

            if (char.IsAsciiLetter(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return sb.ToString();
    }

    public static bool Same(string? a, string? b) => Key(a).Length > 0 && Key(a) == Key(b);
}
