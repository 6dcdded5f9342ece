using Rasid.Extraction.Lexicons;
using Rasid.Extraction.Mentions;

namespace Rasid.Extraction.Stages;

/// <summary>
/// Stage: actors. Needs: tokens, the document's country (its hint, else where its places lie). Adds: <see cref="DocumentMentions.Actors"/> — every alias of
/// data/extraction/actors.tsv, resolved for the document's country; anaphors ("التنظيم", "الميليشيات") resolve to the last
/// actor of a kind they may refer to, and are dropped when nothing was named before them.
/// </summary>
internal static class ActorStage
{
    public static void Run(DocumentMentions doc)
    {
        var country = doc.Country;
        var found = new List<ActorMention>();
        foreach (var m in ActorLexicon.BuiltIn.Matcher.FindAll(doc.Text))
        {
            var entry = ActorLexicon.Resolve(m.Value, country);
            if (entry.IsAnaphor)
            {
                var kinds = entry.AnaphorKinds;
                ActorMention? antecedent = null;
                for (int i = found.Count - 1; i >= 0; i--)
                {
                    if (!found[i].Anaphoric && kinds.Contains(found[i].Entry.Kind))
                    {
                        antecedent = found[i];
                        break;
                    }
                }

                if (antecedent is not null)
                {
                    found.Add(new ActorMention(m.FirstToken, m.EndToken, m.Span, antecedent.Entry, antecedent.Name, true, m.PrefixLength));
                }

                continue;
            }

            found.Add(new ActorMention(m.FirstToken, m.EndToken, m.Span, entry, entry.NameFor(country), false, m.PrefixLength));
        }

        doc.Actors = found;
    }
}
