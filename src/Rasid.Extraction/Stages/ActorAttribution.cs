using Rasid.Core;
using Rasid.Extraction.Lexicons;
using Rasid.Extraction.Mentions;

namespace Rasid.Extraction.Stages;

/// <summary>
/// Part of assembly: who did it and to whom. Picks the agent and target of a trigger from its clause and sentence by
/// argument cues and distance, and supplies the second side (the opposing armed actor, civilians) when none is named.
/// </summary>
internal static class ActorAttribution
{
    private const int VsoWindow = 4;

    /// <summary>How far after a shelling or strike word (in its sentence) a victims cue still names what it hit.</summary>
    private const int VictimsReach = 8;

    /// <summary>
    /// A fight followed in its own clause by both armed sides ("بينما تستمر المعارك بين القوات الموالية والحوثيين") is an event
    /// of its own, not the generic echo of a weapon word told just before it in another clause.
    /// </summary>
    internal static bool NamesBothSides(DocumentMentions doc, TriggerMention t, int clause) =>
        t.Class is TriggerClass.Clash
        && doc.Actors.Where(a => a.Entry.IsArmed && a.FirstToken >= t.EndToken && doc.Text.ClauseOf(a.FirstToken) == clause)
            .Select(a => a.Name).Distinct().Count() >= 2;

    internal static (ActorMention? Actor1, ActorMention? Actor2, bool CiviliansTargeted) Actors(DocumentMentions doc, TriggerMention t, int sentence, int clause)
    {
        var text = doc.Text;
        ActorMention? agent = null, target = null;
        int agentScore = int.MaxValue, targetScore = int.MaxValue;
        bool civilians = false;
        var others = new List<(ActorMention M, int Score)>();
        foreach (var a in doc.Actors)
        {
            if (text.SentenceOf(a.FirstToken) != sentence)
            {
                continue;
            }

            bool sameClause = text.ClauseOf(a.FirstToken) == clause;
            int distance = a.FirstToken >= t.EndToken ? a.FirstToken - t.EndToken : t.FirstToken - a.EndToken;
            int score = distance + (sameClause ? 0 : 100);
            var role = RoleOf(doc, a);
            // "قصف من طائرات النظام", "غارة من قبل": من right after the trigger names who did it.
            if (role == ArgumentRole.Target && a.FirstToken >= 1 && t.EndToken == a.FirstToken - 1 && doc.Text.NormOf(a.FirstToken - 1) is "من")
            {
                role = ArgumentRole.Agent;
            }

            if (a.Entry.Kind == "civilians")
            {
                if (!(sameClause || distance < 12) || IsSource(doc, a))
                {
                    continue; // "وذكرت مصادر وسكان أن ...": residents who tell of the event, or civilians of another clause, are not its side
                }

                civilians = true;
                role = ArgumentRole.Target;
            }

            if (role is ArgumentRole.Target or ArgumentRole.Counterpart)
            {
                if (score < targetScore && (a.Entry.Kind != "civilians" || target is null || target.Entry.Kind == "civilians"))
                {
                    target = a;
                    targetScore = score;
                }
                else if (a.Entry.Kind != "civilians" && target?.Entry.Kind == "civilians")
                {
                    // An armed target outranks civilians named nearby ("مواقع الحوثيين ... بينهم مدنيون").
                    target = a;
                    targetScore = score;
                }

                continue;
            }

            // Subject before the trigger in its clause (SVO), or right after a verb/masdar (VSO, genitive agent).
            if (a.FirstToken >= t.EndToken && distance > VsoWindow && role != ArgumentRole.Agent)
            {
                score += 20;
            }

            if (role == ArgumentRole.Agent)
            {
                score -= 5;
            }

            others.Add((a, score));
            if (score < agentScore)
            {
                agent = a;
                agentScore = score;
            }
        }

        if (agent is not null && target is not null && agent.Name == target.Name)
        {
            target = null;
        }

        if (t.Class is TriggerClass.Bodies)
        {
            // "عثرت الشرطة على جثث": who found the bodies did not kill them; a killer is named after the word if at all
            // ("جثث أعدمها التنظيم"), else the dead are the work of an unidentified armed group (ACLED's convention).
            var killer = agent is { Entry.IsArmed: true } && agent.FirstToken >= t.EndToken && agent.Entry.Type != ActorType.StateForces ? agent : null;
            var dead = target is not null && target.FirstToken >= t.EndToken ? target : null;
            return (killer ?? Unidentified(doc, t), dead ?? Civilians(doc, t), dead is null || dead.Entry.Kind == "civilians");
        }

        // A killing told without its killer ("7 عناصر من داعش قتلوا", "مقتل 17 داعشيا ضمن عمليات") has the other armed
        // party of its sentence (the command that reports its own operation) as the other side.
        if (target is null && t.Class is TriggerClass.Clash or TriggerClass.Attack or TriggerClass.Advance or TriggerClass.Kill)
        {
            target = others.Where(o => o.M.Name != agent?.Name).OrderBy(o => o.Score).Select(o => o.M).FirstOrDefault();
        }

        if (agent is null && target is not null && target.Entry.Kind != "civilians" && t.Class is TriggerClass.Clash)
        {
            (agent, target) = (target, null);
        }

        // "تحرير المدينة من مليشيا الحوثي": the one who took it was named earlier in the paragraph.
        if (agent is null && t.Class is TriggerClass.Takeover)
        {
            int paragraph = doc.ParagraphOfSentence[sentence];
            agent = doc.Actors.LastOrDefault(a => a.EndToken <= t.FirstToken && a.Entry.IsArmed && a.Name != target?.Name
                && doc.ParagraphOfSentence[text.SentenceOf(a.FirstToken)] == paragraph);
        }

        return (agent, target, civilians);
    }

    /// <summary>
    /// The second actor when none is named beside the trigger: the nearest opposing armed actor of the sentence (the
    /// killed of "مقتل 8 من داعش في غارة"); for a takeover, a clash or seized weapons, the last opposing one told before
    /// in the paragraph, then in the story (the one the town was taken from); for shelling, an air strike or a bomb
    /// that hits homes or children, and for a kidnapping, civilians; for an arrest, the opposing armed group of its sentence
    /// ("اعتقلت الشرطة خمسة من عناصر داعش").
    /// </summary>
    internal static ActorMention? OtherSide(DocumentMentions doc, TriggerMention t, int sentence, int clause, ActorMention? actor1)
    {
        var text = doc.Text;
        if (actor1 is null || t.Class is not (TriggerClass.Air or TriggerClass.Shell or TriggerClass.Clash or TriggerClass.Attack
            or TriggerClass.Takeover or TriggerClass.Defuse or TriggerClass.Ied or TriggerClass.Suicide or TriggerClass.Abduction
            or TriggerClass.Arrest))
        {
            return null;
        }

        var best = NearestOpposing(doc, actor1, t.FirstToken, sentence);
        if (best is not null)
        {
            return best;
        }

        if (t.Class == TriggerClass.Abduction)
        {
            return Civilians(doc, t); // those kidnapped, when no armed group is named as the taken
        }

        if (t.Class is TriggerClass.Shell or TriggerClass.Air or TriggerClass.Ied or TriggerClass.Suicide)
        {
            // Homes or residential quarters hit, in the trigger's clause or just after it in its sentence ("وقصفت المليشيات، السبت
            // حي الجمهوري السكني").
            var c = text.Clauses[clause];
            var s = text.Sentences[sentence];
            bool victims = doc.RoleBeforeToken.Any(r => r.Value == ArgumentRole.Victims
                && ((r.Key > c.FirstToken && r.Key <= c.EndToken) || (r.Key > t.EndToken && r.Key <= s.EndToken && r.Key - t.EndToken <= VictimsReach)));
            return victims ? Civilians(doc, t) : null;
        }

        if (t.Class is TriggerClass.Takeover or TriggerClass.Clash or TriggerClass.Defuse)
        {
            int paragraph = doc.ParagraphOfSentence[sentence];
            var before = doc.Actors.Where(a => a.EndToken <= t.FirstToken && a.Name != actor1.Name && Opposes(actor1.Entry, a.Entry)).ToList();
            return before.LastOrDefault(a => doc.ParagraphOfSentence[text.SentenceOf(a.FirstToken)] == paragraph) ?? before.LastOrDefault();
        }

        return null;
    }

    /// <summary>
    /// "قال سكان إن", "وذكرت مصادر عسكرية وسكان أن": civilians named right after a reporting verb or a source word (or
    /// joined to one by و) tell of the event; they are not its victims.
    /// </summary>
    private static bool IsSource(DocumentMentions doc, ActorMention a)
    {
        var text = doc.Text;
        int clause = text.ClauseOf(a.FirstToken);
        bool joined = a.PrefixLength > 0 && text.NormOf(a.FirstToken)[0] == 'و';
        return doc.Cues.Any(c => c.Cue.Modality == Modality.Reported && text.ClauseOf(c.FirstToken) == clause
            && (c.EndToken == a.FirstToken || (joined && c.FirstToken < a.FirstToken && a.FirstToken - c.EndToken <= SourceAdjectives)));
    }

    // "مصادر عسكرية وسكان", "مصادر محلية وطبية وسكان": adjectives of the source word before the joined residents.
    private const int SourceAdjectives = 2;

    /// <summary>The armed actor of the sentence opposing <paramref name="actor1"/> that is nearest to token <paramref name="at"/> (a trigger, or one of several places hit).</summary>
    internal static ActorMention? NearestOpposing(DocumentMentions doc, ActorMention actor1, int at, int sentence)
    {
        var text = doc.Text;
        ActorMention? best = null;
        int bestDistance = int.MaxValue;
        foreach (var a in doc.Actors)
        {
            if (text.SentenceOf(a.FirstToken) != sentence || !Opposes(actor1.Entry, a.Entry) || a.Name == actor1.Name)
            {
                continue;
            }

            int distance = Math.Abs(a.FirstToken - at);
            if (distance < bestDistance)
            {
                best = a;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// Two actors on opposite sides of the wars these reports cover: states, foreign forces, pro-government militias and
    /// Kurdish forces against jihadists, Houthis and rebels; jihadists, Houthis and rebels against each other too; identity
    /// militias against other identity militias.
    /// </summary>
    internal static bool Opposes(ActorEntry x, ActorEntry y)
    {
        static int Camp(string kind) => kind switch
        {
            "state" or "foreign" or "resistance" or "militia" or "kurdish" => 1,
            "jihadist" => 2,
            "houthi" => 5,
            "rebel" => 3,
            "identity" => 4,
            _ => 0,
        };

        int a = Camp(x.Kind), b = Camp(y.Kind);
        if (a == 0 || b == 0)
        {
            return false;
        }

        return a == 4 ? b == 4 && x.Name != y.Name : a != b && b != 4;
    }

    internal static ActorMention Civilians(DocumentMentions doc, TriggerMention t)
    {
        var entry = CiviliansEntry.Value;
        return new ActorMention(t.FirstToken, t.EndToken, t.Span, entry, entry.NameFor(doc.Country), false);
    }

    private static readonly Lazy<ActorEntry> CiviliansEntry = new(() =>
        ActorLexicon.BuiltIn.Matcher.TryMatchAt(Arabic.Text.TextAnalyzer.Analyze("المدنيين"), 0, out var m)
            ? ActorLexicon.Resolve(m.Value, null)
            : throw new InvalidOperationException("actors.tsv lacks the civilians row"));

    private static ArgumentRole? RoleOf(DocumentMentions doc, ActorMention a)
    {
        if (doc.RoleBeforeToken.TryGetValue(a.FirstToken, out var role))
        {
            return role == ArgumentRole.Claimant ? ArgumentRole.Agent : role;
        }

        // "لداعش", "للتنظيم": a genitive lam marks whose positions were hit.
        if (a.PrefixLength > 0)
        {
            var word = doc.Text.NormOf(a.FirstToken);
            int p = 0;
            if (word[p] is 'و' or 'ف')
            {
                p++;
            }

            if (p < a.PrefixLength && word[p] == 'ل')
            {
                return ArgumentRole.Target;
            }
        }

        return null;
    }

    /// <summary>
    /// "في هجمات تبنى بعضها تنظيم داعش", "التفجيرين اللذين تبناهما التنظيم": the one armed actor the story says claimed
    /// attacks; a bombing it names no perpetrator for is that actor's (ACLED codes a claimed bombing to its claimant).
    /// Null when no one, or more than one actor, claims.
    /// </summary>
    internal static ActorMention? Claimant(DocumentMentions doc)
    {
        ActorMention? claimant = null;
        foreach (var (at, role) in doc.RoleBeforeToken)
        {
            if (role != ArgumentRole.Claimant)
            {
                continue;
            }

            var a = doc.Actors.FirstOrDefault(x => x.Entry.IsArmed && x.FirstToken >= at && x.FirstToken - at <= ClaimantReach
                && doc.Text.SentenceOf(x.FirstToken) == doc.Text.SentenceOf(at - 1));
            if (a is null)
            {
                continue;
            }

            if (claimant is not null && claimant.Name != a.Name)
            {
                return null;
            }

            claimant ??= a;
        }

        return claimant;
    }

    // "تبنى بعضها تنظيم داعش": a word or two between the claim and its subject.
    private const int ClaimantReach = 2;

    internal static ActorMention Unidentified(DocumentMentions doc, TriggerMention t)
    {
        var entry = UnidentifiedEntry.Value;
        return new ActorMention(t.FirstToken, t.EndToken, t.Span, entry, entry.NameFor(doc.Country), false);
    }

    private static readonly Lazy<ActorEntry> UnidentifiedEntry = new(() =>
        ActorLexicon.BuiltIn.Matcher.TryMatchAt(Arabic.Text.TextAnalyzer.Analyze("مسلحون مجهولون"), 0, out var m)
            ? ActorLexicon.Resolve(m.Value, null)
            : throw new InvalidOperationException("actors.tsv lacks the unidentified armed group row"));

    /// <summary>
    /// The air force of a strike: in the trigger's sentence a named one before a generic "warplanes" ("طائرات حربية
    /// تابعة للائتلاف"), else the nearest air actor of the story.
    /// </summary>
    internal static ActorMention? LastAirActor(DocumentMentions doc, int token)
    {
        var text = doc.Text;
        int sentence = text.SentenceOf(token);
        return doc.Actors.Where(a => a.Entry.Air)
            .OrderBy(a => text.SentenceOf(a.FirstToken) == sentence ? 0 : 1)
            .ThenBy(a => text.SentenceOf(a.FirstToken) == sentence && a.Entry.Name.Contains("{country}", StringComparison.Ordinal) ? 1 : 0)
            .ThenBy(a => Math.Abs(a.FirstToken - token))
            .FirstOrDefault();
    }

    // Words between a verb and its subject ("واصلت المقاومة الشعبية تقدمها", "تقدمت قوات المقاومة").
    internal const int SubjectGap = 2;

    internal static int Gap(ActorMention a, TriggerMention t) => a.FirstToken >= t.EndToken ? a.FirstToken - t.EndToken : t.FirstToken - a.EndToken;
}
