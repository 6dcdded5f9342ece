using Rasid.Core;

namespace Rasid.Arabic.Numbers;

/// <summary>
/// A count found in the text. <see cref="Value"/> is the conservative number (for a range its low end; for a vague
/// quantity ACLED's stand-in: "several" 10, "dozens" 12, "hundreds" 100); <see cref="High"/> is the high end of an
/// explicit range ("بين 10 و15" → 10..15), otherwise null. The span and tokens cover a leading qualifier ("نحو 100"),
/// a range's بين/من and a qualifier written right after the number ("100 تقريبا"); a qualifier written after the counted
/// noun ("20 قتيلا على الأقل") sets <see cref="Qualifier"/> but stays outside the span, so the token at
/// <see cref="EndToken"/> is still the counted noun.
/// </summary>
public sealed record NumberMention(TextSpan Span, int FirstToken, int EndToken, long Value, long? High, NumberQualifier Qualifier);
