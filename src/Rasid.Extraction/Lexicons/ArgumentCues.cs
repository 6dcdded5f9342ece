using Rasid.Arabic.Matching;

namespace Rasid.Extraction.Lexicons;

public enum ArgumentRole
{
    Target,
    Agent,
    Counterpart,
    Direction,
    Backreference,
    PlaceNoun,
    PlaceAnaphor,

    /// <summary>Opens a background sentence ("يذكر أن", "الجدير بالذكر"): its dates tell the past, not the story's day.</summary>
    Background,
    Victims,
    Result,

    /// <summary>A toll of an event ("حصيلة القتلى جراء", "ارتفع عدد القتلى"): the event after it is one already told, its day is the toll's.</summary>
    Toll,

    /// <summary>A past event that dates the news ("بعد يومين من", "بعد ثلاثة أيام على"): the event named after it was told before.</summary>
    Anchor,

    /// <summary>A whole span ("خلال", "طوال"): before a month it makes the month's tally, not one incident.</summary>
    Throughout,

    /// <summary>Opens a sentence that turns to another story ("من جهة أخرى", "على صعيد آخر"): the day told before is not carried into it.</summary>
    TopicShift,

    /// <summary>Claims an attack ("تبنى", "تبناه"): the actor after it did it; an agent that also claims the story's unattributed bombings.</summary>
    Claimant,

    /// <summary>Small and medium arms ("أسلحة متوسطة", "الرشاشات"): shells named beside them are a ground fight's weapons.</summary>
    Arms,

    /// <summary>Places across an area ("في مناطق مختلفة من", "مواقع متفرقة من"): the statement sums up incidents told one by one.</summary>
    Scattered,

    /// <summary>Opens a clause that gives the other side's toll of the fight just told ("فيما قتل أحد رجال المقاومة"): summed.</summary>
    OtherToll,

    /// <summary>
    /// The place right after it is not where the event happened: the seat of a body or speaker ("التي يوجد مقرها في
    /// طرابلس"), where people or forces came from ("قادمة من صنعاء", "نازحي صلاح الدين") or fled to ("فروا إلى").
    /// </summary>
    Elsewhere,
}

/// <summary>data/extraction/argument-cues.tsv compiled into a phrase matcher.</summary>
public static class ArgumentCues
{
    private static readonly Lazy<PhraseMatcher<ArgumentRole>> BuiltInInstance = new(Load);

    public static PhraseMatcher<ArgumentRole> BuiltIn => BuiltInInstance.Value;

    private static PhraseMatcher<ArgumentRole> Load()
    {
        var file = LexiconFiles.Load("argument-cues.tsv", "cue", "role");
        var entries = new List<(string, ArgumentRole)>();
        foreach (var row in file.Rows)
        {
            if (!Enum.TryParse<ArgumentRole>(row["role"], ignoreCase: true, out var role))
            {
                throw row.Error($"unknown role '{row["role"]}'");
            }

            foreach (var w in LexiconFiles.Expand(row["cue"]))
            {
                entries.Add((w, role));
            }
        }

        return PhraseMatcher<ArgumentRole>.Build(entries, allowEnclitics: true);
    }
}
