using System.Globalization;
using Rasid.Arabic.Data;
using Rasid.Arabic.Matching;
using Rasid.Arabic.Text;

namespace Rasid.Geo;

/// <summary>How a cue word relates a mention to a named place.</summary>
public enum PlaceRelation : byte
{
    /// <summary>The place itself.</summary>
    None,

    /// <summary>"شمال X", "20 كم شرق X": a compass direction from the place.</summary>
    Direction,

    /// <summary>"قرب X", "محيط X", "أطراف X".</summary>
    Near,

    /// <summary>"ريف X": the rural surroundings of a town.</summary>
    Countryside,

    /// <summary>A plain locative preposition (في، من، إلى …): not a relation, but a cue that a word is a place.</summary>
    Preposition,

    /// <summary>A distance unit after a number (كم).</summary>
    Unit,

    /// <summary>An unknown name after a trigger word, located at a known place of its context.</summary>
    Context,
}

/// <summary>A relation cue word with its bearing (Direction) or km factor (Unit).</summary>
public readonly record struct RelationCue(PlaceRelation Relation, double Value);

/// <summary>Why a place name that equals a common word needs more than its own presence to count as a place.</summary>
public enum HomographKind : byte
{
    /// <summary>A function word: never a place.</summary>
    Function,

    /// <summary>A common noun/verb/adjective: a place only after a trigger, a relation or a locative preposition.</summary>
    Common,

    /// <summary>A given name: a place only after a trigger word or a relation ("قرية حسن", "شمال عمر").</summary>
    Person,

    /// <summary>An organisation named after a place ("قيادة عمليات الأنبار"): a place only after a trigger word or a relation.</summary>
    Organisation,
}

/// <summary>
/// The place-cue lexicons of data/geo compiled into matchers: trigger words (مدينة، قرية، محافظة …), relation words
/// (شمال، قرب، ريف، كم …), homographs (words that are also village names) and name heads (تل، عين، كفر …).
/// </summary>
public sealed class PlaceCues
{
    private static readonly Lazy<PlaceCues> BuiltIn = new(Load);

    private PlaceCues(PhraseMatcher<PlaceKind> triggers, PhraseMatcher<RelationCue> relations, Dictionary<string, HomographKind> homographs, HashSet<string> heads,
        Dictionary<string, string> urbanDistricts)
    {
        UrbanDistrictCities = urbanDistricts;
        UrbanDistricts = urbanDistricts.Keys.ToHashSet(StringComparer.Ordinal);
        Triggers = triggers;
        Relations = relations;
        Homographs = homographs;
        NameHeads = heads;
        HomographLookup = homographs.GetAlternateLookup<ReadOnlySpan<char>>();
        HeadLookup = heads.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static PlaceCues Default => BuiltIn.Value;

    public PhraseMatcher<PlaceKind> Triggers { get; }

    public PhraseMatcher<RelationCue> Relations { get; }

    /// <summary>Normalized word → why it is not a place by itself.</summary>
    public IReadOnlyDictionary<string, HomographKind> Homographs { get; }

    internal Dictionary<string, HomographKind>.AlternateLookup<ReadOnlySpan<char>> HomographLookup { get; }

    internal HashSet<string>.AlternateLookup<ReadOnlySpan<char>> HeadLookup { get; }

    public IReadOnlySet<string> NameHeads { get; }

    /// <summary>Ids of built-in districts that are quarters of one city (data/geo/urban-districts.tsv): located as a town, not a district.</summary>
    public IReadOnlySet<string> UrbanDistricts { get; }

    /// <summary>Id of a built-in district that is a quarter of one city → that city's English name ("ye-dar-sad-district" → "Aden").</summary>
    public IReadOnlyDictionary<string, string> UrbanDistrictCities { get; }

    private static PlaceCues Load()
    {
        var asm = typeof(PlaceCues).Assembly;
        var triggers = DataFile.LoadEmbedded(asm, "rasid/geo/place-triggers.tsv", "trigger", "kind").Rows.Select(r =>
            (r["trigger"], PlaceKinds.TryParse(r["kind"], out var k) ? k : throw r.Error($"unknown kind '{r["kind"]}'")));
        var relations = DataFile.LoadEmbedded(asm, "rasid/geo/place-relations.tsv", "phrase", "relation", "value").Rows.Select(r =>
        {
            if (!Enum.TryParse<PlaceRelation>(r["relation"], ignoreCase: true, out var rel) || rel is PlaceRelation.None or PlaceRelation.Context)
            {
                throw r.Error($"unknown relation '{r["relation"]}'");
            }

            double v = r["value"].Length == 0 ? 0 : double.TryParse(r["value"], NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw r.Error("value is not a number");
            return (r["phrase"], new RelationCue(rel, v));
        });
        var homographs = new Dictionary<string, HomographKind>(StringComparer.Ordinal);
        foreach (var r in DataFile.LoadEmbedded(asm, "rasid/geo/place-homographs.tsv", "word", "reason").Rows)
        {
            if (!Enum.TryParse<HomographKind>(r["reason"], ignoreCase: true, out var kind))
            {
                throw r.Error($"unknown reason '{r["reason"]}'");
            }

            var key = Gazetteer.Key(r["word"]);
            if (!homographs.TryGetValue(key, out var old) || kind < old)
            {
                homographs[key] = kind;
            }
        }

        var heads = DataFile.LoadEmbedded(asm, "rasid/geo/place-name-heads.tsv", "head").Rows
            .Select(r => ArabicNormalizer.NormalizeKey(r["head"])).ToHashSet(StringComparer.Ordinal);
        var urban = DataFile.LoadEmbedded(asm, "rasid/geo/urban-districts.tsv", "id", "city").Rows.ToDictionary(r => r["id"], r => r["city"], StringComparer.Ordinal);
        return new PlaceCues(PhraseMatcher<PlaceKind>.Build(triggers), PhraseMatcher<RelationCue>.Build(relations), homographs, heads, urban);
    }
}
