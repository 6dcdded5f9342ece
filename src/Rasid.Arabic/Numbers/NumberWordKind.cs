namespace Rasid.Arabic.Numbers;

/// <summary>The grammatical role of a number word in numbers.tsv (see its header).</summary>
internal enum NumberWordKind
{
    Unit,
    TeenUnit,
    Ten,
    Tens,
    Hundred,
    Hundreds,
    Thousand,
    Thousand2,
    Thousands,
    Million,
    Million2,
    Millions,
    Billion,
    Billion2,
    Billions,
    Vague,
    Ordinal,
}

/// <summary>A number word's value and role.</summary>
internal readonly record struct NumberWord(long Value, NumberWordKind Kind)
{
    public bool IsMultiplier => Kind is NumberWordKind.Thousand or NumberWordKind.Thousands or NumberWordKind.Million
        or NumberWordKind.Millions or NumberWordKind.Billion or NumberWordKind.Billions;

    public bool IsDualMultiplier => Kind is NumberWordKind.Thousand2 or NumberWordKind.Million2 or NumberWordKind.Billion2;

    /// <summary>The power of a multiplier word (1000 for ألف/آلاف/ألفان).</summary>
    public long Scale => Kind switch
    {
        NumberWordKind.Thousand or NumberWordKind.Thousands or NumberWordKind.Thousand2 => 1_000,
        NumberWordKind.Million or NumberWordKind.Millions or NumberWordKind.Million2 => 1_000_000,
        NumberWordKind.Billion or NumberWordKind.Billions or NumberWordKind.Billion2 => 1_000_000_000,
        _ => 1,
    };
}
