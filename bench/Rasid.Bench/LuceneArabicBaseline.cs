using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Rasid.Bench;

/// <summary>
/// The baseline of issue 2: Lucene.NET's <see cref="ArabicAnalyzer"/> (StandardTokenizer → lower case → stop words →
/// Arabic normalization → light stemming), consumed the way an indexer does: Reset, IncrementToken reading the term
/// attribute, End, Dispose. One analyzer is shared; Lucene reuses its token stream components per thread.
/// </summary>
public sealed class LuceneArabicBaseline : IDisposable
{
    private readonly ArabicAnalyzer _analyzer = new(LuceneVersion.LUCENE_48);

    /// <summary>Consumes every token of <paramref name="text"/>; returns the token count and adds the term lengths to <paramref name="termChars"/>.</summary>
    public int CountTokens(string text, ref long termChars)
    {
        int tokens = 0;
        using var stream = _analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens++;
            termChars += term.Length;
        }

        stream.End();
        return tokens;
    }

    public void Dispose() => _analyzer.Dispose();
}
