using Rasid.Arabic.Matching;
using Rasid.Arabic.Morphology;
using Rasid.Arabic.Text;
using Rasid.Core;
using Rasid.Extraction;
using Rasid.Geo;

namespace Rasid.Bench;

/// <summary>
/// The measured work, one text at a time, shared by the whole-corpus run and the micro-benchmarks so both time the
/// same calls. Each returns the number of tokens produced (0 where a stage has none) and folds a checksum into
/// <paramref name="sink"/> so the JIT cannot drop the work.
/// </summary>
public static class Stages
{
    /// <summary>(a) normalization with the offset map.</summary>
    public static int Normalize(string text, ref long sink)
    {
        var n = ArabicNormalizer.Normalize(text);
        sink += n.Length;
        return 0;
    }

    /// <summary>(b) normalization + tokenization + sentence and clause splitting.</summary>
    public static int Analyze(string text, ref long sink)
    {
        var a = TextAnalyzer.Analyze(text);
        sink += a.Sentences.Length + a.Clauses.Length;
        return a.Tokens.Length;
    }

    /// <summary>(c) = (b) + clitic segmentation candidates (proclitics and enclitics) for every Arabic word.</summary>
    public static int AnalyzeWithClitics(string text, ref long sink)
    {
        var a = TextAnalyzer.Analyze(text);
        sink += a.Sentences.Length + a.Clauses.Length;
        sink += CliticCandidates(a);
        return a.Tokens.Length;
    }

    /// <summary>
    /// The clitic part of (c) alone, over an analyzed text: every reading (proclitics and enclitics, ta marbuta from the
    /// original spelling) of every Arabic word through the allocation-free overload, as the matchers use it. Returns
    /// the number of candidates.
    /// </summary>
    public static int CliticCandidates(AnalyzedText a)
    {
        int candidates = 0;
        Span<StemCandidate> buffer = stackalloc StemCandidate[CliticSegmenter.MaxCandidates];
        var tokens = a.Tokens;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind == TokenKind.ArabicWord)
            {
                candidates += CliticSegmenter.Candidates(a.NormOf(i), buffer, CliticSegmenter.ForToken(a, i, CliticOptions.All));
            }
        }

        return candidates;
    }

    /// <summary>The same readings through the list-returning convenience overload (allocates a list per word).</summary>
    public static int CliticCandidateLists(AnalyzedText a)
    {
        int candidates = 0;
        var tokens = a.Tokens;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind == TokenKind.ArabicWord)
            {
                candidates += CliticSegmenter.Candidates(a.NormOf(i), withEnclitics: true).Count;
            }
        }

        return candidates;
    }

    /// <summary>(f) = (b) + all longest phrase matches of a gazetteer-sized matcher: returns the tokens, counts matches.</summary>
    public static int AnalyzeAndMatch(PhraseMatcher<int> matcher, string text, ref long matches)
    {
        var a = TextAnalyzer.Analyze(text);
        matches += matcher.FindAll(a).Count;
        return a.Tokens.Length;
    }

    /// <summary>(g)/(h) = (b) + place finding and geocoding: returns the tokens, counts mentions.</summary>
    public static int AnalyzeAndFindPlaces(PlaceFinder finder, string text, ref long mentions)
    {
        var a = TextAnalyzer.Analyze(text);
        mentions += finder.Find(a, countryHint: null).Count;
        return a.Tokens.Length;
    }

    /// <summary>(e) full extraction with the default extractor.</summary>
    public static int Extract(ArabicEventExtractor extractor, BulkArticle article, ref long events)
    {
        var doc = new Document(article.Id, article.Text, article.PublishedDate) { Source = article.Source, Url = article.Url, Title = article.Title };
        events += extractor.Extract(doc).Count;
        return 0;
    }
}
