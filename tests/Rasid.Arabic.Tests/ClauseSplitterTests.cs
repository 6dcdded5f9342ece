using Rasid.Arabic.Text;

namespace Rasid.Arabic.Tests;

public class ClauseSplitterTests
{
    private static string[] Clauses(string text)
    {
        var a = TextAnalyzer.Analyze(text);
        return a.Clauses.Select(s => s.Span.Slice(text)).ToArray();
    }

    [Theory]
    [InlineData("قتل خمسة، وأصيب عشرة", new[] { "قتل خمسة،", "وأصيب عشرة" })]
    [InlineData("قتل خمسة؛ وأصيب عشرة", new[] { "قتل خمسة؛", "وأصيب عشرة" })]
    [InlineData("الحصيلة: خمسة قتلى", new[] { "الحصيلة:", "خمسة قتلى" })]
    [InlineData("حلب - سانا قتل خمسة", new[] { "حلب -", "سانا قتل خمسة" })]
    [InlineData("حلب — قتل خمسة", new[] { "حلب —", "قتل خمسة" })]
    public void Splits_after_clause_punctuation(string text, string[] expected) => Assert.Equal(expected, Clauses(text));

    [Theory]
    [InlineData("قتل خمسة مدنيين في حين أصيب عشرة", new[] { "قتل خمسة مدنيين", "في حين أصيب عشرة" })]
    [InlineData("قتل خمسة مدنيين في حين أن القوات انسحبت", new[] { "قتل خمسة مدنيين", "في حين أن القوات انسحبت" })]
    [InlineData("قصفت الطائرات المدينة بينما انسحبت القوات", new[] { "قصفت الطائرات المدينة", "بينما انسحبت القوات" })]
    [InlineData("قصفت الطائرات المدينة فيما انسحبت القوات", new[] { "قصفت الطائرات المدينة", "فيما انسحبت القوات" })]
    [InlineData("قصفت الطائرات المدينة وفيما انسحبت القوات", new[] { "قصفت الطائرات المدينة", "وفيما انسحبت القوات" })]
    [InlineData("وصلوا إلى المدينة حيث قتل خمسة", new[] { "وصلوا إلى المدينة", "حيث قتل خمسة" })]
    [InlineData("أعلن الجيش السيطرة لكن المعارك مستمرة", new[] { "أعلن الجيش السيطرة", "لكن المعارك مستمرة" })]
    [InlineData("أعلن الجيش السيطرة إلا أن المعارك مستمرة", new[] { "أعلن الجيش السيطرة", "إلا أن المعارك مستمرة" })]
    [InlineData("أعلن الجيش السيطرة بيد أن المعارك مستمرة", new[] { "أعلن الجيش السيطرة", "بيد أن المعارك مستمرة" })]
    [InlineData("قتل خمسة مدنيين كما أصيب عشرة", new[] { "قتل خمسة مدنيين", "كما أصيب عشرة" })]
    [InlineData("دخلت القوات البلدة ثم انسحبت", new[] { "دخلت القوات البلدة", "ثم انسحبت" })]
    [InlineData("انسحبت القوات بعدما قصفت البلدة", new[] { "انسحبت القوات", "بعدما قصفت البلدة" })]
    [InlineData("انسحبت القوات بعد أن قصفت البلدة", new[] { "انسحبت القوات", "بعد أن قصفت البلدة" })]
    [InlineData("انفجرت سيارة مفخخة مما أدى إلى مقتل خمسة", new[] { "انفجرت سيارة مفخخة", "مما أدى إلى مقتل خمسة" })]
    public void Splits_before_clause_linking_words(string text, string[] expected) => Assert.Equal(expected, Clauses(text));

    [Theory]
    [InlineData("بينما انسحبت القوات قصفت الطائرات")] // cue opening the sentence
    [InlineData("وصل بعد يومين")] // بعد alone is a preposition
    [InlineData("قال الجيش، لكن")] // a cue with nothing after it
    [InlineData("حلب حيث")] // only one word before
    public void Does_not_split_where_no_new_clause_starts(string text)
    {
        var clauses = Clauses(text);
        Assert.Equal(text.Count(c => c is '،' or ',') + 1, clauses.Length);
    }

    [Fact]
    public void Cue_list_loads_from_data_and_is_not_empty()
    {
        Assert.True(ClauseCues.Default.Count >= 20);
    }
}

public class ClauseCuesTests
{
    private static ClauseCues Load(string rows) =>
        ClauseCues.Load(Rasid.Arabic.Data.DataFile.Parse("cues.tsv", new StringReader("# source: test\n# normalized: no\ncue\tnote\n" + rows)));

    [Fact]
    public void Cues_are_compared_in_normalized_form_and_the_longest_continuation_wins()
    {
        var cues = Load("إلا\tx\nإلا أنّ\ty\n");
        var a = TextAnalyzer.Analyze("قال الجيش الا ان القوات");
        Assert.Equal(2, cues.MatchAt(a.Normalized.Text, a.Tokens, 2, a.Tokens.Length));
        Assert.Equal(0, cues.MatchAt(a.Normalized.Text, a.Tokens, 1, a.Tokens.Length));
    }

    [Fact]
    public void A_custom_cue_list_drives_the_splitter()
    {
        var cues = Load("غير أن\tx\n");
        var a = TextAnalyzer.Analyze("أعلن الجيش السيطرة بينما المعارك مستمرة غير أن القوات انسحبت");
        var clauses = ClauseSplitter.Split(a.Normalized, a.Tokens, a.Sentences, cues);
        Assert.Equal(["أعلن الجيش السيطرة بينما المعارك مستمرة", "غير أن القوات انسحبت"], clauses.Select(c => c.Span.Slice(a.Original)));
    }

    [Fact]
    public void An_empty_cue_stops_loading_with_file_and_line()
    {
        var ex = Assert.Throws<Rasid.Core.RasidException>(() => Load("في حين\tx\n\u0640\ty\n"));
        Assert.Contains("cues.tsv:5", ex.Message);
    }
}
