using Rasid.Arabic.Text;
using Rasid.Core;
using Rasid.Extraction.Lexicons;

namespace Rasid.Extraction.Mentions;

/// <summary>An actor named in the text (anaphors already resolved to the actor they point back to).</summary>
public sealed record ActorMention(int FirstToken, int EndToken, TextSpan Span, ActorEntry Entry, string Name, bool Anaphoric, int PrefixLength = 0);

/// <summary>An event trigger; <see cref="Class"/> may be refined by combination (a defused bomb, a suicide car bomb).</summary>
public sealed record TriggerMention(int FirstToken, int EndToken, TextSpan Span, TriggerClass Class, bool Strong, bool Kills, int PrefixLength = 0);

/// <summary>A casualty word ("مقتل", "جرحى", "قتيل وجريح").</summary>
public sealed record CasualtyMention(int FirstToken, int EndToken, TextSpan Span, CasualtyKind Kind);

/// <summary>A modality cue found in the text.</summary>
public sealed record CueMention(int FirstToken, int EndToken, TextSpan Span, ModalityCue Cue);

/// <summary>Everything the mention stages found in one document, read by the assembly stage.</summary>
public sealed class DocumentMentions
{
    public DocumentMentions(Document document, AnalyzedText text)
    {
        Document = document;
        Text = text;
        ParagraphOfSentence = Paragraphs(text);
    }

    public Document Document { get; }

    /// <summary>
    /// The country the report is about: the document's hint, else the country most of its town-level places lie in
    /// (set by the extractor once places are found). Generic actor names ("الجيش", "الطيران") resolve for it.
    /// </summary>
    public string? Country { get; set; }

    public AnalyzedText Text { get; }

    /// <summary>Paragraph index of each sentence (a line break in the original between two sentences starts a new one).</summary>
    public int[] ParagraphOfSentence { get; }

    public IReadOnlyList<ActorMention> Actors { get; set; } = [];

    public IReadOnlyList<TriggerMention> Triggers { get; set; } = [];

    /// <summary>Phrases that look like triggers but state a condition or point back ("تحت سيطرة", "التفجيرين").</summary>
    public IReadOnlyList<TriggerMention> Blocks { get; set; } = [];

    public IReadOnlyList<NumberRef> Numbers { get; set; } = [];

    public IReadOnlyList<DateRef> Dates { get; set; } = [];

    public IReadOnlyList<PlaceRef> Places { get; set; } = [];

    public IReadOnlyList<CasualtyMention> Casualties { get; set; } = [];

    public IReadOnlyList<CueMention> Cues { get; set; } = [];

    /// <summary>Sentences marked as sports or fiction talk by a context cue (data/extraction/context-cues.tsv), by sentence index.</summary>
    public IReadOnlyDictionary<int, ContextDomain> SentenceContexts { get; set; } = new Dictionary<int, ContextDomain>();

    /// <summary>First tokens of the words that are things, not persons, as an abduction verb's object ("الأنظار", "الدولة").</summary>
    public IReadOnlySet<int> StolenThings { get; set; } = new HashSet<int>();

    /// <summary>Argument cues by the token right after them: the role they give to an actor or place starting there.</summary>
    public IReadOnlyDictionary<int, ArgumentRole> RoleBeforeToken { get; set; } = new Dictionary<int, ArgumentRole>();

    private static int[] Paragraphs(AnalyzedText text)
    {
        var result = new int[text.Sentences.Length];
        int p = 0;
        for (int i = 0; i < text.Sentences.Length; i++)
        {
            if (i > 0)
            {
                int from = text.Sentences[i - 1].Span.End, to = text.Sentences[i].Span.Start;
                if (text.Original.AsSpan(from, to - from).Contains('\n'))
                {
                    p++;
                }
            }

            result[i] = p;
        }

        return result;
    }
}
