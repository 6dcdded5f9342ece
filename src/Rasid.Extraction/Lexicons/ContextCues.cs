using Rasid.Arabic.Matching;

namespace Rasid.Extraction.Lexicons;

/// <summary>The kind of talk a context cue marks its sentence as: conflict words there are metaphors or plots.</summary>
public enum ContextDomain
{
    /// <summary>Sports reporting: "خطف الفوز", "هجوم الفريق"; weak triggers and idiom-prone strong ones make no event.</summary>
    Sports,

    /// <summary>Films, series, novels, poems: no trigger of the sentence makes an event.</summary>
    Fiction,

    /// <summary>A thing, not a person, as the object of an abduction verb: "خطف الأنظار", "اختطف الدولة", "خطف حقيبتها".</summary>
    Stolen,
}

/// <summary>data/extraction/context-cues.tsv compiled into a phrase matcher.</summary>
public static class ContextCues
{
    private static readonly Lazy<PhraseMatcher<ContextDomain>> BuiltInInstance = new(Load);

    public static PhraseMatcher<ContextDomain> BuiltIn => BuiltInInstance.Value;

    private static PhraseMatcher<ContextDomain> Load()
    {
        var file = LexiconFiles.Load("context-cues.tsv", "cue", "domain");
        var entries = new List<(string, ContextDomain)>();
        foreach (var row in file.Rows)
        {
            if (!Enum.TryParse<ContextDomain>(row["domain"], ignoreCase: true, out var domain))
            {
                throw row.Error($"unknown domain '{row["domain"]}'");
            }

            foreach (var w in LexiconFiles.Expand(row["cue"]))
            {
                entries.Add((w, domain));
            }
        }

        return PhraseMatcher<ContextDomain>.Build(entries, allowEnclitics: true);
    }
}
