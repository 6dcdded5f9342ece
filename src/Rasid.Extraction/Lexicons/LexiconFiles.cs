using System.Reflection;
using Rasid.Arabic.Data;

namespace Rasid.Extraction.Lexicons;

/// <summary>Loads the extraction data files embedded from data/extraction.</summary>
internal static class LexiconFiles
{
    public static DataFile Load(string fileName, params string[] columns) =>
        DataFile.LoadEmbedded(Assembly.GetExecutingAssembly(), "rasid/extraction/" + fileName, columns);

    /// <summary>
    /// Expands a phrase cell: variants separated by '|'; a variant "V:فعل/يفعل" becomes the verb's persons (perfect and
    /// imperfect, active and passive look the same unvocalized).
    /// </summary>
    public static IEnumerable<string> Expand(string cell)
    {
        foreach (var raw in cell.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!raw.StartsWith("V:", StringComparison.Ordinal))
            {
                yield return raw;
                continue;
            }

            var parts = raw[2..].Split('/');
            var perfect = parts[0];
            var (perfectHead, perfectTail) = SplitLastWord(perfect);
            foreach (var suffix in PerfectSuffixes)
            {
                yield return perfectHead + AdjustFinal(perfectTail, suffix) + suffix;
            }

            if (parts.Length > 1)
            {
                var (impHead, imp) = SplitLastWord(parts[1]);
                // imp starts with ي: swap the person prefix, add the plural/dual endings.
                var stem = imp.Length > 1 && imp[0] == 'ي' ? imp[1..] : imp;
                foreach (var prefix in new[] { "ي", "ت", "ن" })
                {
                    foreach (var suffix in ImperfectSuffixes)
                    {
                        var s = suffix.Length > 0 && stem.EndsWith('ي') && stem.Length > 2 ? stem[..^1] : stem;
                        yield return impHead + prefix + (suffix.Length > 0 ? s : stem) + suffix;
                    }
                }
            }
        }
    }

    private static readonly string[] PerfectSuffixes = ["", "ت", "وا", "ا", "تا", "ن", "نا", "تم", "ته", "تها", "ه", "ها", "هم", "وه", "وها", "وهم", "هما", "وهما"];

    private static readonly string[] ImperfectSuffixes = ["", "ون", "ان", "وا", "ه", "ها", "هم"];

    private static (string Head, string Last) SplitLastWord(string phrase)
    {
        int sp = phrase.LastIndexOf(' ');
        return sp < 0 ? (string.Empty, phrase) : (phrase[..(sp + 1)], phrase[(sp + 1)..]);
    }

    // A final alef maqsura (ى) turns into ي before a suffix (استولى → استولت? no: استولوا); keep it simple: drop it before و.
    private static string AdjustFinal(string word, string suffix)
    {
        if (suffix.Length == 0 || word.Length < 3)
        {
            return word;
        }

        char last = word[^1];
        if (last is 'ى' or 'ي')
        {
            return suffix.StartsWith('و') || suffix.StartsWith('ت') ? word[..^1] : word[..^1] + "ي";
        }

        return word;
    }
}
