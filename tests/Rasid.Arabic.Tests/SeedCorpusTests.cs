using System.Text.RegularExpressions;
using Rasid.Arabic.Matching;
using Rasid.Arabic.Morphology;
using Rasid.Arabic.Text;
using Rasid.Tests;

namespace Rasid.Arabic.Tests;

/// <summary>
/// The text layer on the real seed report, read in place from ../shared (never copied): general invariants whose
/// expected values are computed from the text itself, not hard-coded for it.
/// </summary>
public partial class SeedCorpusTests
{
    private static (string Text, AnalyzedText Analysis) Seed()
    {
        var path = SharedData.Require("corpus", "seed", "deir-ez-zor-2017-05.txt");
        var text = File.ReadAllText(path);
        return (text, TextAnalyzer.Analyze(text));
    }

    [SkippableFact]
    public void Every_token_of_the_seed_report_maps_back_to_its_own_surface()
    {
        var (text, analysis) = Seed();
        Assert.True(analysis.Tokens.Length > 500);
        int previousEnd = 0;
        foreach (var t in analysis.Tokens)
        {
            Assert.True(t.Span.Start >= previousEnd, $"token {t} overlaps the previous one");
            previousEnd = t.Span.End;
            var surface = ArabicNormalizer.Normalize(t.Span.Slice(text)).Text;
            Assert.Equal(analysis.Normalized.Text.Substring(t.NormStart, t.NormLength), surface);
        }
    }

    [SkippableFact]
    public void Every_line_of_the_seed_report_starts_a_sentence_and_every_sentence_ends_at_a_stop_or_a_line_end()
    {
        var (text, analysis) = Seed();
        var starts = analysis.Sentences.Select(s => s.Span.Start).ToHashSet();
        foreach (Match line in LineStart().Matches(text))
        {
            Assert.Contains(line.Index, starts);
        }

        foreach (var s in analysis.Sentences)
        {
            var last = analysis.NormOf(s.EndToken - 1);
            bool stop = last is "." or "?" or "!" || last.ToString() is "»" or "”" or "\"" or ")";
            bool lineEnd = s.Span.End == text.Length || text.AsSpan(s.Span.End).TrimStart(" \t").StartsWith("\n") || text.AsSpan(s.Span.End).TrimStart(" \t").StartsWith("\r");
            Assert.True(stop || lineEnd, $"sentence {s.Span} ends at '{last}' mid-line");
        }
    }

    [SkippableFact]
    public void Every_number_in_the_seed_report_is_one_number_token()
    {
        var (text, analysis) = Seed();
        var numbers = analysis.Tokens.Where(t => t.Kind == TokenKind.Number).Select(t => t.Span).ToList();
        var runs = DigitRun().Matches(text);
        Assert.NotEmpty(runs);
        foreach (Match run in runs)
        {
            Assert.Contains(numbers, span => span.Start == run.Index && span.End == run.Index + run.Length);
        }
    }

    [SkippableFact]
    public void A_place_name_is_found_at_every_occurrence_with_or_without_proclitics()
    {
        var (text, analysis) = Seed();
        const string name = "دير الزور";
        var matcher = PhraseMatcher<string>.Build([(name, "Deir ez-Zor")]);
        var found = matcher.FindAll(analysis);
        Assert.Equal(Regex.Count(text, name), found.Count);
        Assert.All(found, m => Assert.Equal(name, m.Span.Slice(text)));
    }

    [SkippableFact]
    public void Every_clause_cue_after_two_words_of_a_clause_starts_a_clause()
    {
        var (_, analysis) = Seed();
        var clauseStarts = analysis.Clauses.Select(c => c.FirstToken).ToHashSet();
        int cues = 0;
        foreach (var sentence in analysis.Sentences)
        {
            for (int i = sentence.FirstToken; i < sentence.EndToken - 1; i++)
            {
                if (ClauseCues.Default.MatchAt(analysis.Normalized.Text, analysis.Tokens, i, sentence.EndToken) == 0)
                {
                    continue;
                }

                cues++;
                var clause = analysis.Clauses[analysis.ClauseOf(i)];
                int wordsBefore = analysis.Tokens[clause.FirstToken..i].Count(t => t.IsWord || t.Kind == TokenKind.Number);
                Assert.True(clauseStarts.Contains(i) || wordsBefore < ClauseSplitter.MinWordsBeforeCue,
                    $"cue '{analysis.Surface(i)}' at token {i} does not start a clause");
            }
        }

        Assert.True(cues > 0);
    }

    [SkippableFact]
    public void Clitic_readings_of_seed_words_point_inside_their_token()
    {
        var (text, analysis) = Seed();
        Span<StemCandidate> buffer = stackalloc StemCandidate[CliticSegmenter.MaxCandidates];
        int readings = 0;
        for (int i = 0; i < analysis.Tokens.Length; i++)
        {
            if (analysis.Tokens[i].Kind != TokenKind.ArabicWord)
            {
                continue;
            }

            int n = CliticSegmenter.Candidates(analysis.NormOf(i), buffer, CliticSegmenter.ForToken(analysis, i, CliticOptions.All));
            for (int k = 0; k < n; k++)
            {
                var span = CliticSegmenter.StemSpan(analysis, i, buffer[k]);
                Assert.True(analysis.Tokens[i].Span.Contains(span), $"stem {span} of '{analysis.Surface(i)}' is outside the token");
                var stem = ArabicNormalizer.NormalizeKey(span.Slice(text));
                Assert.Equal(analysis.NormOf(i).Slice(buffer[k].PrefixLength, buffer[k].StemLength(analysis.Tokens[i].NormLength)).ToString(), stem);
                readings++;
            }
        }

        Assert.True(readings > analysis.Tokens.Length);
    }

    [GeneratedRegex(@"(?<=\n[ \t]*)(?=\S)")]
    private static partial Regex LineStart();

    [GeneratedRegex(@"[0-9\u0660-\u0669]+")]
    private static partial Regex DigitRun();
}
