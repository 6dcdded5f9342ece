using Rasid.Arabic.Matching;

namespace Rasid.Extraction.Lexicons;

/// <summary>What a trigger word says happened, before the rules decide the ACLED sub-event type.</summary>
public enum TriggerClass
{
    Block,
    Air,
    Shell,
    Clash,
    Attack,
    Ied,
    Suicide,
    Execution,
    Assassination,
    Kill,
    Abduction,
    Arrest,
    Takeover,
    Withdraw,

    /// <summary>"تقدمت المقاومة": an advance; a battle only with an armed subject right beside it.</summary>
    Advance,
    Defuse,

    /// <summary>"صد", "أفشل": repelling; an event only together with the attack it repels.</summary>
    Repel,
    Protest,
    Looting,
    Coercion,

    /// <summary>"احتشد", "نظموا تجمعات": a gathering; a protest only with a demand or a protest word in its sentence.</summary>
    Gathering,

    /// <summary>"طالبوا", "تنديدا", "رافعين لافتات": what a gathering demands (a cue, never an event by itself).</summary>
    Demand,

    /// <summary>"عثر على جثث": bodies found; an attack on civilians only with a sign of violence in its sentence.</summary>
    Bodies,

    /// <summary>"طلقات نارية", "آثار تعذيب": a sign that a death was violent (a cue, never an event by itself).</summary>
    ViolenceSign,

    /// <summary>"أسلحة متوسطة", "رشاشات": small arms, the weapons of a ground fight (a cue, never an event by itself).</summary>
    SmallArms,
}

/// <summary>One trigger row: its class, whether it makes an event on its own, whether its object count is the death toll.</summary>
public sealed record TriggerEntry(TriggerClass Class, bool Strong, bool Kills);

/// <summary>data/extraction/triggers.tsv and non-events.tsv compiled into a phrase matcher (verbs expanded into their persons).</summary>
public sealed class TriggerLexicon
{
    private static readonly Lazy<TriggerLexicon> BuiltInInstance = new(Load);

    private TriggerLexicon(PhraseMatcher<TriggerEntry> matcher) => Matcher = matcher;

    public static TriggerLexicon BuiltIn => BuiltInInstance.Value;

    public PhraseMatcher<TriggerEntry> Matcher { get; }

    private static TriggerLexicon Load()
    {
        var file = LexiconFiles.Load("triggers.tsv", "phrase", "class", "strength", "kills");
        var entries = new List<(string, TriggerEntry)>();
        foreach (var row in file.Rows)
        {
            if (!Enum.TryParse<TriggerClass>(row["class"], ignoreCase: true, out var cls))
            {
                throw row.Error($"unknown trigger class '{row["class"]}'");
            }

            var strength = row["strength"];
            if (strength is not ("strong" or "weak"))
            {
                throw row.Error($"strength must be strong or weak, not '{strength}'");
            }

            var entry = new TriggerEntry(cls, strength == "strong", row["kills"] == "yes");
            foreach (var phrase in LexiconFiles.Expand(row["phrase"]))
            {
                entries.Add((phrase, entry));
            }
        }

        // Phrases with a trigger word in a non-event sense (idioms, metaphors, municipal and sports usage) block like block rows.
        var nonEvents = LexiconFiles.Load("non-events.tsv", "phrase", "sense");
        var block = new TriggerEntry(TriggerClass.Block, true, false);
        foreach (var row in nonEvents.Rows)
        {
            foreach (var phrase in LexiconFiles.Expand(row["phrase"]))
            {
                entries.Add((phrase, block));
            }
        }

        // A block phrase wins over a trigger with the same words; otherwise the first row wins.
        return new TriggerLexicon(PhraseMatcher<TriggerEntry>.Build(entries, allowEnclitics: true,
            merge: (a, b) => b.Class == TriggerClass.Block ? b : a));
    }
}
