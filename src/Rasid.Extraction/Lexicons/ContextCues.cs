using Rasid.Arabic.Matching;
using Rasid.Arabic.Text;

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

    /// <summary>The first word of a sentence that sets the news in context ("وتأتي هذه المعارك بعد …"): no new event.</summary>
    Setting,

    /// <summary>The first word of the site's keyword line under a story ("سمات الرمادي داعش هجوم"): a list, no statement.</summary>
    Tags,
}

/// <summary>data/extraction/context-cues.tsv compiled into a phrase matcher.</summary>
public static class ContextCues
{
    private static readonly Lazy<PhraseMatcher<ContextDomain>> BuiltInInstance = new(Load);

    private static readonly Lazy<Dictionary<string, ContextDomain>.AlternateLookup<ReadOnlySpan<char>>> OpeningsInstance =
        new(() => Read().Openings.GetAlternateLookup<ReadOnlySpan<char>>());

    public static PhraseMatcher<ContextDomain> BuiltIn => BuiltInInstance.Value;

    /// <summary>
    /// Sentence-opening words (<see cref="ContextDomain.Setting"/>, <see cref="ContextDomain.Tags"/>), normalized, matched
    /// as the whole first word of a sentence: exactly the forms listed, no clitics.
    /// </summary>
    internal static Dictionary<string, ContextDomain>.AlternateLookup<ReadOnlySpan<char>> Openings => OpeningsInstance.Value;

    private static PhraseMatcher<ContextDomain> Load() => PhraseMatcher<ContextDomain>.Build(Read().Phrases, allowEnclitics: true);

    private static (List<(string, ContextDomain)> Phrases, Dictionary<string, ContextDomain> Openings) Read()
    {
        var file = LexiconFiles.Load("context-cues.tsv", "cue", "domain");
        var entries = new List<(string, ContextDomain)>();
        var openings = new Dictionary<string, ContextDomain>(StringComparer.Ordinal);
        foreach (var row in file.Rows)
        {
            if (!Enum.TryParse<ContextDomain>(row["domain"], ignoreCase: true, out var domain))
            {
                throw row.Error($"unknown domain '{row["domain"]}'");
            }

            foreach (var w in LexiconFiles.Expand(row["cue"]))
            {
                if (domain is ContextDomain.Setting or ContextDomain.Tags)
                {
                    openings[ArabicNormalizer.NormalizeKey(w)] = domain;
                }
                else
                {
                    entries.Add((w, domain));
                }
            }
        }

        return (entries, openings);
    }
}
