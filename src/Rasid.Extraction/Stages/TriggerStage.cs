using Rasid.Extraction.Lexicons;
using Rasid.Extraction.Mentions;

namespace Rasid.Extraction.Stages;

/// <summary>
/// Stage: triggers. Needs: tokens, clauses. Adds: <see cref="DocumentMentions.Triggers"/> and <see cref="DocumentMentions.Blocks"/> — trigger words of
/// data/extraction/triggers.tsv, without the phrases that only state a condition ("تحت سيطرة"), combined where two words
/// name one event: a destroyed/defused bomb ("تفكيك عبوة ناسفة") is disrupted weapons use, a car bomb driven by a suicide
/// bomber is one suicide bombing.
/// </summary>
internal static class TriggerStage
{
    private const int CombineWindow = 5;

    public static void Run(DocumentMentions doc)
    {
        var text = doc.Text;
        var all = TriggerLexicon.BuiltIn.Matcher.FindAll(text)
            .Select(m => new TriggerMention(m.FirstToken, m.EndToken, m.Span, m.Value.Class, m.Value.Strong, m.Value.Kills, m.PrefixLength))
            .ToList();
        doc.Blocks = all.Where(t => t.Class == TriggerClass.Block).ToList();
        var raw = all.Where(t => t.Class != TriggerClass.Block).ToList();

        var result = new List<TriggerMention>(raw.Count);
        for (int i = 0; i < raw.Count; i++)
        {
            var t = raw[i];
            if (t.Class == TriggerClass.Defuse)
            {
                // "تدمير خمس عجلات مفخخة": the explosive that follows closely in the same clause was stopped, not used.
                int j = i + 1;
                if (j < raw.Count && raw[j].Class is TriggerClass.Ied or TriggerClass.Suicide
                    && raw[j].FirstToken - t.EndToken <= CombineWindow && text.ClauseOf(raw[j].FirstToken) == text.ClauseOf(t.FirstToken))
                {
                    result.Add(t with { EndToken = raw[j].EndToken, Span = t.Span.Union(raw[j].Span), Strong = true });
                    i = j;
                }

                continue;
            }

            result.Add(t);
        }

        doc.Triggers = result;
    }
}
