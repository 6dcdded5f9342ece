namespace Rasid.Arabic.Text;

/// <summary>Runs the text layer: normalize, tokenize, split sentences and clauses.</summary>
public static class TextAnalyzer
{
    public static AnalyzedText Analyze(string original)
    {
        var normalized = ArabicNormalizer.Normalize(original);
        var tokens = Tokenizer.Tokenize(normalized);
        var sentences = SentenceSplitter.Split(normalized, tokens);
        var clauses = ClauseSplitter.Split(normalized, tokens, sentences);
        return new AnalyzedText(normalized, tokens, sentences, clauses);
    }
}
