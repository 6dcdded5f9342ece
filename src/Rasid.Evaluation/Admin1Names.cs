using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Rasid.Evaluation;

/// <summary>
/// Compares governorate (admin1) names the way coders and gazetteers spell them: accents dropped, articles and
/// "governorate/province" dropped, letters only, then the usual alternative spellings folded to one key. The alias
/// groups are the reference scorer's (../shared/tools/score.py ADMIN1_ALIASES), kept identical so both agree.
/// </summary>
public static partial class Admin1Names
{
    private static readonly string[][] AliasGroups =
    [
        ["idleb", "idlib"], ["sanaa", "amanatasimah", "sana", "amanatasimahsanaa", "sanaacity"],
        ["deirezzor", "dayrzawr", "deirzor", "deirezzour", "deirzzor"], ["raqqa", "raqqah", "arraqqah"],
        ["hasakeh", "hasakah", "alhasakah", "hassakeh"], ["aleppo", "halab"], ["lattakia", "latakia", "ladhiqiyah"],
        ["tartous", "tartus"], ["daraa", "dara", "deraa"], ["sweida", "suwayda"], ["quneitra", "qunaytirah"],
        ["ruraldamascus", "rifdimashq", "reefdamascus", "damascuscountryside"], ["anbar"], ["ninewa", "nineveh", "ninawa"],
        ["salahdin", "saladin", "salahuddin", "salahaldin"], ["kirkuk", "tamim", "attamim"], ["babil", "babylon"],
        ["basrah", "basra"], ["erbil", "arbil"], ["sulaymaniyah", "sulaymaniyya", "sulaimaniya"], ["duhok", "dohuk", "dahuk"],
        ["thiqar", "dhiqar"], ["qadisiyah", "diwaniyah", "qadisiyyah"], ["muthanna"], ["maysan", "missan"],
        ["aden", "adan"], ["lahij", "lahj"], ["taizz", "taiz"], ["dhalee", "dali", "dhale", "daleh"],
        ["marib", "maarib"], ["shabwah", "shabwa"], ["hadramawt", "hadramout", "hadhramaut"], ["bayda", "baydaa"],
        ["hudaydah", "hodeidah", "hudaidah"], ["saada", "sadah"], ["sirt", "sirte"], ["derna", "darnah"],
        ["wahat", "alwahat"], ["misrata", "misratah", "misurata"], ["tripoli", "tarabulus"], ["benghazi", "banghazi"],
    ];

    // Each spelling → the group's ordinal-least member, as score.py's min(group).
    private static readonly Dictionary<string, string> KeyBySpelling = AliasGroups
        .SelectMany(g => g.Select(s => (s, key: g.Min(StringComparer.Ordinal)!)))
        .ToDictionary(x => x.s, x => x.key, StringComparer.Ordinal);

    /// <summary>The comparison key of an admin1 name ("Ar Raqqa", "Raqqah Governorate" → "raqqa").</summary>
    public static string Key(string? name)
    {
        // NFKD then drop non-ASCII: "Ḥalab" → "Halab"; Arabic names vanish entirely (they never match a gold English name).
        var decomposed = (name ?? string.Empty).Normalize(NormalizationForm.FormKD);
        var ascii = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (c < 128)
            {
                ascii.Append(char.ToLowerInvariant(c));
            }
        }

        var n = Articles().Replace(ascii.ToString(), " ");
        n = NonLetters().Replace(n, string.Empty);
        return KeyBySpelling.TryGetValue(n, out var key) ? key : n;
    }

    public static bool Same(string? a, string? b) => Key(a) == Key(b);

    [GeneratedRegex(@"\b(al|ar|as|ad|ash|at|an|az|el|governorate|province|muhafazat)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Articles();

    [GeneratedRegex("[^a-z]", RegexOptions.CultureInvariant)]
    private static partial Regex NonLetters();
}
