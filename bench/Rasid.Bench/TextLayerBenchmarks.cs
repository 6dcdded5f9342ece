using BenchmarkDotNet.Attributes;
using Rasid.Arabic.Matching;
using Rasid.Arabic.Text;

namespace Rasid.Bench;

/// <summary>
/// Micro-benchmarks of the text layer. One operation = the same 200 bulk articles through one step; the baseline is
/// Lucene.NET's ArabicAnalyzer over the same texts, so BenchmarkDotNet's Ratio column is "time relative to Lucene".
/// Steps that need analyzed input (Tokenize, clitics, phrase matching) get it prepared in the setup, so each figure is
/// that step alone.
/// </summary>
[MemoryDiagnoser]
public class TextLayerBenchmarks
{
    private string[] _texts = [];
    private NormalizedText[] _normalized = [];
    private AnalyzedText[] _analyzed = [];
    private PhraseMatcher<int> _places = null!;
    private LuceneArabicBaseline _lucene = null!;

    [GlobalSetup]
    public void Setup()
    {
        _texts = MicroCorpus.Texts;
        _normalized = _texts.Select(t => ArabicNormalizer.Normalize(t)).ToArray();
        _analyzed = _texts.Select(t => TextAnalyzer.Analyze(t)).ToArray();
        _places = PhraseMatcher<int>.Build(MicroCorpus.PlaceNameList.Select((name, i) => (name, i)));
        _lucene = new LuceneArabicBaseline();
    }

    [GlobalCleanup]
    public void Cleanup() => _lucene.Dispose();

    [Benchmark(Baseline = true, Description = "Lucene ArabicAnalyzer")]
    public long LuceneArabicAnalyzer()
    {
        long sink = 0;
        foreach (var t in _texts)
        {
            sink += _lucene.CountTokens(t, ref sink);
        }

        return sink;
    }

    [Benchmark(Description = "Normalize")]
    public long Normalize()
    {
        long sink = 0;
        foreach (var t in _texts)
        {
            Stages.Normalize(t, ref sink);
        }

        return sink;
    }

    [Benchmark(Description = "Tokenize (normalized input)")]
    public long Tokenize()
    {
        long sink = 0;
        foreach (var n in _normalized)
        {
            sink += Tokenizer.Tokenize(n).Length;
        }

        return sink;
    }

    [Benchmark(Description = "Analyze")]
    public long Analyze()
    {
        long sink = 0;
        foreach (var t in _texts)
        {
            sink += Stages.Analyze(t, ref sink);
        }

        return sink;
    }

    [Benchmark(Description = "Clitic candidates (analyzed input)")]
    public long CliticCandidates()
    {
        long sink = 0;
        foreach (var a in _analyzed)
        {
            sink += Stages.CliticCandidates(a);
        }

        return sink;
    }

    [Benchmark(Description = "PhraseMatcher.FindAll, place names (analyzed input)")]
    public long PhraseMatcherFindAll()
    {
        long sink = 0;
        foreach (var a in _analyzed)
        {
            sink += _places.FindAll(a).Count;
        }

        return sink;
    }
}
