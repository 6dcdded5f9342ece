using Rasid.Arabic.Matching;
using Rasid.Core;

namespace Rasid.Extraction.Lexicons;

/// <summary>
/// How far a modality cue governs: the next N tokens of its clause, the rest of its clause, the rest of its sentence, the
/// whole sentence, or its whole clause (before and after it: habitual adverbs follow their verb, "يقصف النظام بانتظام").
/// </summary>
public enum CueScope
{
    Tokens,
    Clause,
    Sentence,
    Anywhere,
    WholeClause,
}

/// <summary>
/// A modality cue; <see cref="Modality"/> is null for look-alikes that are no cue ("لا يزال") and for relative pronouns,
/// which <see cref="IsRelativePronoun"/> marks: a whole-clause cue does not reach across one ("… داعش الذي يسيطر على
/// المدينة منذ العام الماضي": the span belongs to the relative clause, not to the fighting before it).
/// </summary>
/// <remarks><see cref="IsWhether"/> marks "ما إذا" (whether): "لم يتضح ما إذا كانت الغارة تمت بطائرة" doubts a detail of a
/// strike it presupposes, so a negation before it does not reach a definite trigger after it.</remarks>
public sealed record ModalityCue(Modality? Modality, CueScope Scope, int Tokens, bool OnlyBeforeImperfect, bool IsRelativePronoun = false, bool IsWhether = false);

public enum CasualtyKind
{
    Death,
    Injury,
    Combined,
}

/// <summary>data/extraction/modality-cues.tsv and casualty-cues.tsv compiled into phrase matchers.</summary>
public sealed class CueLexicons
{
    private static readonly Lazy<CueLexicons> BuiltInInstance = new(Load);

    private CueLexicons(PhraseMatcher<ModalityCue> modality, PhraseMatcher<CasualtyKind> casualty, Dictionary<string, int> impliedCounts)
    {
        _impliedCounts = impliedCounts;
        ImpliedCountLookup = impliedCounts.GetAlternateLookup<ReadOnlySpan<char>>();
        Modality = modality;
        Casualty = casualty;
    }

    public static CueLexicons BuiltIn => BuiltInInstance.Value;

    public PhraseMatcher<ModalityCue> Modality { get; }

    public PhraseMatcher<CasualtyKind> Casualty { get; }

    /// <summary>data/extraction/implied-counts.tsv: normalized word → the count its number implies (شخص 1, جنديين 2, مصرعهما 2).</summary>
    public IReadOnlyDictionary<string, int> ImpliedCounts => _impliedCounts;

    internal Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ImpliedCountLookup { get; }

    private readonly Dictionary<string, int> _impliedCounts;

    private static CueLexicons Load()
    {
        var mod = LexiconFiles.Load("modality-cues.tsv", "cue", "modality", "scope");
        var modEntries = new List<(string, ModalityCue)>();
        foreach (var row in mod.Rows)
        {
            Modality? m = null;
            bool beforeImperfect = false;
            var name = row["modality"];
            const string beforeImperfectSuffix = "-before-imperfect";
            if (name.EndsWith(beforeImperfectSuffix, StringComparison.Ordinal))
            {
                // "قد" + imperfect is possibility, "كل من" + imperfect ("كل من يخرج") a generic condition.
                name = name[..^beforeImperfectSuffix.Length];
                beforeImperfect = true;
            }

            if (name is "relative-pronoun" or "whether")
            {
                var marker = new ModalityCue(null, CueScope.Tokens, 0, false, IsRelativePronoun: name == "relative-pronoun", IsWhether: name == "whether");
                foreach (var phrase in LexiconFiles.Expand(row["cue"]))
                {
                    modEntries.Add((phrase, marker));
                }

                continue;
            }

            if (name != "none")
            {
                if (!ModalityExtensions.TryParse(name, out var parsed))
                {
                    throw row.Error($"unknown modality '{name}'");
                }

                m = parsed;
            }

            var scopeCell = row["scope"];
            var cue = scopeCell switch
            {
                "clause" => new ModalityCue(m, CueScope.Clause, 0, beforeImperfect),
                "sentence" => new ModalityCue(m, CueScope.Sentence, 0, beforeImperfect),
                "anywhere" => new ModalityCue(m, CueScope.Anywhere, 0, beforeImperfect),
                "whole-clause" => new ModalityCue(m, CueScope.WholeClause, 0, beforeImperfect),
                _ when int.TryParse(scopeCell, out int n) => new ModalityCue(m, CueScope.Tokens, n, beforeImperfect),
                _ => throw row.Error($"scope must be clause, sentence, anywhere, whole-clause or a number, not '{scopeCell}'"),
            };
            foreach (var phrase in LexiconFiles.Expand(row["cue"]))
            {
                modEntries.Add((phrase, cue));
            }
        }

        var cas = LexiconFiles.Load("casualty-cues.tsv", "cue", "kind");
        var casEntries = new List<(string, CasualtyKind)>();
        foreach (var row in cas.Rows)
        {
            if (!Enum.TryParse<CasualtyKind>(row["kind"], ignoreCase: true, out var kind))
            {
                throw row.Error($"unknown casualty kind '{row["kind"]}'");
            }

            foreach (var phrase in LexiconFiles.Expand(row["cue"]))
            {
                casEntries.Add((phrase, kind));
            }
        }

        var implied = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in LexiconFiles.Load("implied-counts.tsv", "word", "count").Rows)
        {
            if (!int.TryParse(row["count"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) || n is < 1 or > 2)
            {
                throw row.Error($"count must be 1 or 2, not '{row["count"]}'");
            }

            implied[Arabic.Text.ArabicNormalizer.NormalizeKey(row["word"])] = n;
        }

        return new CueLexicons(
            PhraseMatcher<ModalityCue>.Build(modEntries, allowEnclitics: true),
            PhraseMatcher<CasualtyKind>.Build(casEntries, allowEnclitics: true),
            implied);
    }
}
