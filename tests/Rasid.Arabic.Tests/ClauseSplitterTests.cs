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
