using Rasid.Arabic.Data;

namespace Rasid.Arabic.Numbers;

/// <summary>The number data files (numbers.tsv, numbers-ordinals.tsv, number-qualifiers.tsv), loaded once and compiled into word tables.</summary>
internal static class NumberLexicon
{
    private static readonly Lazy<Tables> Loaded = new(Load);

    public static WordTable<NumberWord> Cardinals => Loaded.Value.Cardinals;

    public static WordTable<NumberWord> Ordinals => Loaded.Value.Ordinals;

    public static WordTable<NumberQualifier> QualifiersBefore => Loaded.Value.QualifiersBefore;

    public static WordTable<NumberQualifier> QualifiersAfter => Loaded.Value.QualifiersAfter;

    /// <summary>Every phrase a count can start with: number words, ordinals, leading qualifiers and range openers (whole phrases: ما يقارب opens the gate, ما alone does not).</summary>
    public static WordTable<bool> Starts => Loaded.Value.Starts;

    internal static DataFile LoadData(string name, params string[] columns) =>
        DataFile.LoadEmbedded(typeof(NumberLexicon).Assembly, "rasid/arabic/" + name, columns);

    private static Tables Load()
    {
        var numbers = LoadData("numbers.tsv", "phrase", "value", "kind");
        var cardinals = WordTable<NumberWord>.Build(numbers.Rows.Select(r => (r["phrase"], new NumberWord(Long(r, "value"), Kind(r)))));
        var ordinalFile = LoadData("numbers-ordinals.tsv", "phrase", "value", "kind");
        var ordinals = WordTable<NumberWord>.Build(ordinalFile.Rows.Select(r => (r["phrase"], new NumberWord(Long(r, "value"), Kind(r)))));
        var qualifiers = LoadData("number-qualifiers.tsv", "phrase", "qualifier", "position");
        var before = new List<(string, NumberQualifier)>();
        var after = new List<(string, NumberQualifier)>();
        foreach (var r in qualifiers.Rows)
        {
            if (!Enum.TryParse<NumberQualifier>(r["qualifier"], out var q) || q is NumberQualifier.Exact or NumberQualifier.Vague)
            {
                throw r.Error($"qualifier '{r["qualifier"]}' is not Approximate, LowerBound or UpperBound");
            }

            (r["position"] switch
            {
                "before" => before,
                "after" => after,
                var p => throw r.Error($"position '{p}' is not before or after"),
            }).Add((r["phrase"], q));
        }

        var ranges = LoadData("numbers-ranges.tsv", "phrase", "role");
        var firstWords = numbers.Rows.Select(r => r["phrase"])
            .Concat(ordinalFile.Rows.Select(r => r["phrase"]))
            .Concat(before.Select(b => b.Item1))
            .Concat(ranges.Rows.Where(r => r["role"] == "intro").Select(r => r["phrase"]))
            .Select(p => (p, true));
        return new Tables(cardinals, ordinals, WordTable<NumberQualifier>.Build(before), WordTable<NumberQualifier>.Build(after), WordTable<bool>.Build(firstWords));
    }

    private static long Long(DataRow r, string column) =>
        long.TryParse(r[column], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long v) && v >= 0
            ? v
            : throw r.Error($"column '{column}' is '{r[column]}', not a count");

    private static NumberWordKind Kind(DataRow r) =>
        Enum.TryParse<NumberWordKind>(r["kind"], ignoreCase: true, out var k) && Enum.IsDefined(k)
            ? k
            : throw r.Error($"kind '{r["kind"]}' is unknown");

    private sealed record Tables(
        WordTable<NumberWord> Cardinals,
        WordTable<NumberWord> Ordinals,
        WordTable<NumberQualifier> QualifiersBefore,
        WordTable<NumberQualifier> QualifiersAfter,
        WordTable<bool> Starts);
}
