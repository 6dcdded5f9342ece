using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Rasid.Arabic.Text;

namespace Rasid.Arabic.Tests;

/// <summary>
/// Random input for every text stage (STYLE.md §11, Lucene CheckRandomData): never throws, offsets in range and monotone,
/// normalization idempotent, original untouched, tokens cover the text, sentences and clauses partition the tokens.
/// The seed is fixed; set RASID_FSCHECK_SEED (and RASID_FSCHECK_RUNS) to explore others or replay a failure.
/// </summary>
public class TextLayerProperties
{
    private static readonly ulong Seed = ulong.TryParse(Environment.GetEnvironmentVariable("RASID_FSCHECK_SEED"), out var s) ? s : 20170426UL;
    private static readonly int Runs = int.TryParse(Environment.GetEnvironmentVariable("RASID_FSCHECK_RUNS"), out var r) ? r : 400;

    // An Arabic-heavy alphabet: letters, harakat, tatweel, zero-width and bidi controls, digits of three scripts,
    // presentation forms (single letters, lam-alef, phrase ligatures), Latin, punctuation, emoji (surrogate pairs),
    // lone surrogates, URLs and line breaks.
    private static readonly string[] Pieces =
    [
        .. Enumerable.Range(0x0621, 0x064A - 0x0621 + 1).Select(c => ((char)c).ToString()),
        .. Enumerable.Range(0x064B, 8).Select(c => ((char)c).ToString()),
        "\u0670", "\u06E5", "\u06D6", "\u0640", "\u0640\u0640",
        "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202B", "\u202C", "\u2067", "\u2069", "\uFEFF", "\u061C", "\u00AD",
        "0", "1", "5", "9", "\u0660", "\u0662", "\u0669", "\u06F1", "\u06F5", "\u066B", "\u066C", "\u066A",
        "\uFE8D", "\uFEDF", "\uFEE4", "\uFEFB", "\uFEF5", "\uFE94", "\uFDF2", "\uFDFA", "\uFDFD", "\uFB8E", "\uFBFC", "\uFE7C",
        "\u06A9", "\u06CC", "\u06D5", "\u0649", "\u0629",
        "a", "Z", "é", "e\u0301", "F16",
        " ", " ", " ", "  ", "\n", "\r\n", "\t", "\u00A0", "\u2028",
        ".", ",", "،", "؛", "؟", "!", "?", ":", "-", "—", "«", "»", "\"", "(", ")", "...", "%", "/",
        "👍", "👨\u200D👩", "❤\uFE0F", "\uD83D", "\uDC4D", "\uDC4D\uD83D",
        "http://", "https://x.org/a.b", "www.", "1,200", "3.5", "د.", "U.S.",
        "في حين", "بينما", "لكن", "إلا أن", "بالرقة", "للرقة", "وبمدينتهم",
    ];

    private static Config Config => Config.QuickThrowOnFailure
        .WithMaxTest(Runs)
        .WithEndSize(200)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed), FSharpOption<int>.None)));

    private static Arbitrary<string> AnyUnicode { get; } =
        Arb.From(Gen.Choose(0, 0xFFFF).Select(c => (char)c).ArrayOf().Select(cs => new string(cs)), Shrink);

    private static Arbitrary<string> ArabicHeavy { get; } =
        Arb.From(Gen.Elements(Pieces).ListOf().Select(parts => string.Concat(parts)), Shrink);

    public static TheoryData<string> Alphabets => ["unicode", "arabic"];

    private static Arbitrary<string> Alphabet(string name) => name == "unicode" ? AnyUnicode : ArabicHeavy;

    // Shrink by halves and by dropping single characters (enough to get a readable counterexample).
    private static IEnumerable<string> Shrink(string s)
    {
        if (s.Length == 0)
        {
            yield break;
        }

        yield return s[..(s.Length / 2)];
        yield return s[(s.Length / 2)..];
        for (int i = 0; i < s.Length && i < 64; i++)
        {
            yield return s.Remove(i, 1);
        }
    }

    private static void Check(string alphabet, Action<string> property) =>
        FsCheck.Check.One(Config, Prop.ForAll(Alphabet(alphabet), property));

    [Theory]
    [MemberData(nameof(Alphabets))]
    public void Normalization_is_idempotent(string alphabet) => Check(alphabet, s =>
    {
        var once = ArabicNormalizer.Normalize(s).Text;
        Assert.Equal(once, ArabicNormalizer.Normalize(once).Text);
        Assert.True(ArabicNormalizer.IsNormalized(once));
    });

    [Theory]
    [MemberData(nameof(Alphabets))]
    public void Analysis_leaves_the_original_untouched(string alphabet) => Check(alphabet, s =>
    {
        var copy = new string(s.AsSpan());
        var a = TextAnalyzer.Analyze(s);
        Assert.Same(s, a.Original);
        Assert.Equal(copy, s);
    });

    [Theory]
    [MemberData(nameof(Alphabets))]
    public void Every_normalized_span_maps_inside_the_original_monotonically(string alphabet) => Check(alphabet, s =>
    {
        var n = ArabicNormalizer.Normalize(s);
        int previous = 0;
        for (int i = 0; i <= n.Length; i++)
        {
            int o = n.ToOriginalIndex(i);
            Assert.InRange(o, previous, s.Length);
            previous = o;
        }

        Assert.Equal(s.Length, n.ToOriginalIndex(n.Length));
        int step = Math.Max(1, n.Length / 16);
        var last = new Rasid.Core.TextSpan(0, 0);
        for (int i = 0; i < n.Length; i += step)
        {
            for (int j = i; j <= n.Length; j += step)
            {
                var span = n.ToOriginal(i, j);
                Assert.InRange(span.End, span.Start, s.Length);
            }

            var one = n.ToOriginal(i, i + 1);
            Assert.True(one.Start >= last.Start && one.End >= last.End, $"[{i},{i + 1}) → {one} after {last}");
            last = one;
        }
    });

    [Theory]
    [MemberData(nameof(Alphabets))]
    public void A_token_span_renormalizes_to_the_token(string alphabet) => Check(alphabet, s =>
    {
        var a = TextAnalyzer.Analyze(s);
        for (int i = 0; i < a.Tokens.Length; i++)
        {
            var t = a.Tokens[i];
            Assert.Equal(t.Span, a.Normalized.ToOriginal(t.NormStart, t.NormEnd));
            Assert.Equal(a.NormString(i), ArabicNormalizer.Normalize(a.Surface(i)).Text);
        }
    });

    [Theory]
    [MemberData(nameof(Alphabets))]
    public void Tokens_are_ordered_disjoint_and_cover_every_non_space_character_once(string alphabet) => Check(alphabet, s =>
    {
        var a = TextAnalyzer.Analyze(s);
        var text = a.Normalized.Text;
        var covered = new int[text.Length];
        int previousEnd = 0;
        int previousStart = 0;
        foreach (var t in a.Tokens)
        {
            Assert.True(t.NormStart >= previousEnd && t.NormEnd > t.NormStart, $"token {t} after {previousEnd}");
            Assert.True(t.Span.Start >= previousStart, $"token {t} starts before the previous one in the original");
            previousEnd = t.NormEnd;
            previousStart = t.Span.Start;
            for (int k = t.NormStart; k < t.NormEnd; k++)
            {
                covered[k]++;
            }
        }

        for (int k = 0; k < text.Length; k++)
        {
            Assert.True(covered[k] == (char.IsWhiteSpace(text[k]) ? 0 : 1), $"normalized char {k} (U+{(int)text[k]:X4}) covered {covered[k]} times");
        }
    });

    [Theory]
    [MemberData(nameof(Alphabets))]
    public void Sentences_and_clauses_partition_the_tokens(string alphabet) => Check(alphabet, s =>
    {
        var a = TextAnalyzer.Analyze(s);
        AssertPartition(a.Sentences, a.Tokens);
        AssertPartition(a.Clauses, a.Tokens);
        foreach (var c in a.Clauses)
        {
            var sentence = a.Sentences[a.SentenceOf(c.FirstToken)];
            Assert.True(sentence.ContainsToken(c.EndToken - 1), $"clause {c} crosses sentence {sentence}");
            Assert.True(sentence.Span.Contains(c.Span));
        }
    });

    private static void AssertPartition(Segment[] segments, Token[] tokens)
    {
        int next = 0;
        foreach (var seg in segments)
        {
            Assert.Equal(next, seg.FirstToken);
            Assert.True(seg.EndToken > seg.FirstToken, $"empty segment {seg}");
            Assert.Equal(tokens[seg.FirstToken].Span.Start, seg.Span.Start);
            Assert.Equal(tokens[seg.EndToken - 1].Span.End, seg.Span.End);
            next = seg.EndToken;
        }

        Assert.Equal(tokens.Length, next);
    }

    [Fact]
    public void The_arabic_alphabet_generator_produces_what_it_promises()
    {
        var sample = Gen.Sample(Gen.Elements(Pieces).ListOf().Select(p => string.Concat(p)), 100, new Rnd(Seed), 50);
        var all = string.Concat(sample);
        Assert.Contains(all, c => char.IsSurrogate(c));
        Assert.Contains(all, c => ArabicLetters.IsArabicMark(c));
        Assert.Contains('\n', all);
        Assert.Contains(all, c => c is >= '\uFE70' and <= '\uFEFC');
        Assert.True(Encoding.UTF8.GetByteCount(all) > 0);
    }
}
