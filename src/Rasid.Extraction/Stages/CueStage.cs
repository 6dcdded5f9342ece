using Rasid.Extraction.Lexicons;
using Rasid.Extraction.Mentions;

namespace Rasid.Extraction.Stages;

/// <summary>
/// Stage: casualty and modality cues. Needs: tokens. Adds: <see cref="DocumentMentions.Casualties"/> and
/// <see cref="DocumentMentions.Cues"/>, argument cues (<see cref="DocumentMentions.RoleBeforeToken"/>), sentence contexts
/// (<see cref="DocumentMentions.SentenceContexts"/>: sports or fiction talk).
/// </summary>
internal static class CueStage
{
    public static void Run(DocumentMentions doc)
    {
        var lex = CueLexicons.BuiltIn;
        doc.Casualties = lex.Casualty.FindAll(doc.Text)
            .Select(m => new CasualtyMention(m.FirstToken, m.EndToken, m.Span, m.Value)).ToList();
        doc.Cues = lex.Modality.FindAll(doc.Text)
            .Select(m => new CueMention(m.FirstToken, m.EndToken, m.Span, m.Value)).ToList();
        var roles = new Dictionary<int, ArgumentRole>();
        foreach (var m in ArgumentCues.BuiltIn.FindAll(doc.Text))
        {
            roles[m.EndToken] = m.Value;
        }

        doc.RoleBeforeToken = roles;
        var contexts = new Dictionary<int, ContextDomain>();
        var stolen = new HashSet<int>();
        foreach (var m in ContextCues.BuiltIn.FindAll(doc.Text))
        {
            if (m.Value == ContextDomain.Stolen)
            {
                stolen.Add(m.FirstToken);
                continue;
            }

            int sentence = doc.Text.SentenceOf(m.FirstToken);
            // Fiction outranks sports: it blocks every trigger of the sentence.
            if (!contexts.TryGetValue(sentence, out var had) || (had == ContextDomain.Sports && m.Value == ContextDomain.Fiction))
            {
                contexts[sentence] = m.Value;
            }
        }

        doc.SentenceContexts = contexts;
        doc.StolenThings = stolen;
    }
}
