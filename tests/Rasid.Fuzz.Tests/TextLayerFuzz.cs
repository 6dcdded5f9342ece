using Rasid.Arabic.Text;
using Rasid.Core;
using Xunit.Abstractions;

namespace Rasid.Fuzz.Tests;

/// <summary>
/// The text layer under arbitrary and mutated input: the normalizer's offset map stays in range, monotone and
/// round-trips; tokens, sentences and clauses cover the text and nest.
/// </summary>
public class TextLayerFuzz(ITestOutputHelper output)
{
    [Fact]
    public void Normalizer_offset_map_stays_in_range_monotone_and_round_trips() =>
        FuzzRun.Run(output, "normalizer", Inputs.TextArbitrary, s =>
        {
            var copy = new string(s.AsSpan());
            var n = ArabicNormalizer.Normalize(s);
            Assert.Equal(copy, s);
            Assert.Same(s, n.Original);
            Assert.Equal(n.Text, ArabicNormalizer.Normalize(n.Text).Text);

            int previous = 0;
            for (int i = 0; i <= n.Length; i++)
            {
                int o = n.ToOriginalIndex(i);
                FuzzRun.That(o >= previous && o <= s.Length, () => $"normalized {i} → original {o} after {previous} (length {s.Length}) in {Inputs.Show(s)}");
                previous = o;
            }

            Assert.Equal(s.Length, n.ToOriginalIndex(n.Length));

            // Round trip: an original index maps to the first normalized character produced at or after it, and back.
            int step = Math.Max(1, s.Length / 64);
            int lastNorm = 0;
            for (int o = 0; o <= s.Length; o += step)
            {
                int k = n.FromOriginalIndex(o);
                FuzzRun.That(k >= lastNorm && k <= n.Length, () => $"original {o} → normalized {k} after {lastNorm} in {Inputs.Show(s)}");
                FuzzRun.That(n.ToOriginalIndex(k) >= o && (k == 0 || n.ToOriginalIndex(k - 1) < o), () => $"original {o} → {k} → {n.ToOriginalIndex(k)} in {Inputs.Show(s)}");
                lastNorm = k;
            }

            var span = n.ToOriginal(0, n.Length);
            Assert.True(span.Start >= 0 && span.End <= s.Length && span.Start <= span.End);
        });

    [Fact]
    public void Tokens_cover_the_text_and_sentences_and_clauses_nest() =>
        FuzzRun.Run(output, "tokens-sentences", Inputs.TextArbitrary, s =>
        {
            var a = TextAnalyzer.Analyze(s);
            var norm = a.Normalized.Text;
            var covered = new int[norm.Length];
            int previousEnd = 0, previousStart = 0;
            for (int i = 0; i < a.Tokens.Length; i++)
            {
                var t = a.Tokens[i];
                FuzzRun.That(t.NormStart >= previousEnd && t.NormEnd > t.NormStart && t.NormEnd <= norm.Length, () => $"token {i} {t} after {previousEnd} in {Inputs.Show(s)}");
                FuzzRun.That(t.Span.Start >= previousStart && t.Span.End <= s.Length && t.Span.Start < t.Span.End, () => $"token {i} {t} in {Inputs.Show(s)}");
                Assert.Equal(t.Span, a.Normalized.ToOriginal(t.NormStart, t.NormEnd));
                Assert.Equal(a.NormString(i), ArabicNormalizer.Normalize(a.Surface(i)).Text);
                previousEnd = t.NormEnd;
                previousStart = t.Span.Start;
                for (int k = t.NormStart; k < t.NormEnd; k++)
                {
                    covered[k]++;
                }
            }

            for (int k = 0; k < norm.Length; k++)
            {
                FuzzRun.That(covered[k] == (char.IsWhiteSpace(norm[k]) ? 0 : 1), () => $"normalized char {k} (U+{(int)norm[k]:X4}) covered {covered[k]} times in {Inputs.Show(s)}");
            }

            AssertPartition(a.Sentences, a.Tokens, s);
            AssertPartition(a.Clauses, a.Tokens, s);
            foreach (var c in a.Clauses)
            {
                var sentence = a.Sentences[a.SentenceOf(c.FirstToken)];
                FuzzRun.That(sentence.ContainsToken(c.EndToken - 1) && sentence.Span.Contains(c.Span), () => $"clause {c} crosses sentence {sentence} in {Inputs.Show(s)}");
            }
        });

    private static void AssertPartition(Segment[] segments, Token[] tokens, string s)
    {
        int next = 0;
        foreach (var seg in segments)
        {
            FuzzRun.That(seg.FirstToken == next && seg.EndToken > seg.FirstToken, () => $"segment {seg} should start at token {next} in {Inputs.Show(s)}");
            Assert.Equal(new TextSpan(tokens[seg.FirstToken].Span.Start, tokens[seg.EndToken - 1].Span.End), seg.Span);
            next = seg.EndToken;
        }

        Assert.Equal(tokens.Length, next);
    }
}
