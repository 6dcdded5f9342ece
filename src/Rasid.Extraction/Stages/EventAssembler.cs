using Rasid.Core;
using Rasid.Extraction.Lexicons;
using Rasid.Extraction.Mentions;

namespace Rasid.Extraction.Stages;

/// <summary>
/// Stage: assembly. Needs: every mention list of <see cref="DocumentMentions"/>. Adds: one <see cref="EventDraft"/> per
/// trigger that makes an event (and per place when one trigger names several: "غارات على حلب والحسكة"), with actors,
/// place, date, deaths, modality and evidence attached from the trigger's clause, widened to its sentence, then to the
/// paragraph and the document for place and date.
/// </summary>
internal static class EventAssembler
{
    private const int VsoWindow = 4;
    private const int EvidenceContext = 3;
    private const int ExposedWindow = 10;

    /// <summary>An incident dated more than this many days before publication is background, not the report's news.</summary>
    private const int StaleDays = 45;

    /// <summary>
    /// A day named in another sentence dates a trigger only when it is this week's news: an older one ("قتل في 15 يوليو"
    /// in a background sentence) belongs to its own sentence, not to the story told after it.
    /// </summary>
    private const int CarryOverDays = 7;

    public static List<EventDraft> Run(DocumentMentions doc)
    {
        var text = doc.Text;
        var drafts = new List<EventDraft>();
        var triggers = doc.Triggers;
        var titles = TitleSentences(doc);
        for (int i = 0; i < triggers.Count; i++)
        {
            var t = triggers[i];
            if (t.Class is TriggerClass.Withdraw)
            {
                continue;
            }

            int sentence = text.SentenceOf(t.FirstToken);
            int clause = text.ClauseOf(t.FirstToken);
            if (doc.RoleBeforeToken.TryGetValue(t.FirstToken, out var before) && before == ArgumentRole.Backreference)
            {
                continue; // "هذه الإعدامات": the event was told before
            }

            if (doc.Blocks.Any(b => b.EndToken <= t.FirstToken && t.FirstToken - b.EndToken <= 1 && text.ClauseOf(b.FirstToken) == clause))
            {
                continue; // "التفجيرين استهدفا": its subject points back to events already told
            }

            if (IsHistory(doc, sentence))
            {
                continue; // "1951 - اغتيال ...", "منذ عام 2011": a sentence about past years
            }

            if (IsPurpose(doc, t))
            {
                continue; // "لاستعادة المناطق", "للسيطرة على": an aim, not an event
            }

            var (actor1, actor2, civiliansTargeted) = Actors(doc, t, sentence, clause);
            if (t.Class == TriggerClass.Advance && (actor1 is null || Gap(actor1, t) > SubjectGap))
            {
                continue; // "تقدمت الحكومة بطلب ... الحوثيين": an advance is a battle only with its armed subject beside it
            }

            if (IsGenericBesideSpecific(doc, t, clause, sentence, NamesBothSides(doc, t, clause)))
            {
                continue;
            }

            if (IsMetaphorOrPlot(doc, t, sentence))
            {
                continue; // "خطف الفوز في المباراة", "تدور أحداث الفيلم حول اغتيال"
            }

            if (IsInGenericList(doc, i))
            {
                continue; // "القتل والخطف والتفجير", "سيارات مفخخة أو أحزمة ناسفة": kinds of violence, no incident
            }

            // A weak trigger ("قتال", "قصف", "هجوم") is an event only with an armed actor or a death close to it.
            // A takeover's taker is often only a pronoun ("بعد استيلائه على", "التي استولوا عليها"): one named earlier in the
            // sentence counts.
            bool armedNear = doc.Actors.Any(a => a.Entry.IsArmed && text.SentenceOf(a.FirstToken) == sentence
                && (text.ClauseOf(a.FirstToken) == clause || Math.Abs(a.FirstToken - t.FirstToken) <= 8
                    || (t.Class == TriggerClass.Takeover && a.EndToken <= t.FirstToken)));
            bool deathNear = doc.Casualties.Any(c => c.Kind == CasualtyKind.Death && text.SentenceOf(c.FirstToken) == sentence
                && (text.ClauseOf(c.FirstToken) == clause || Math.Abs(c.FirstToken - t.FirstToken) <= 8));
            if (!t.Strong && !armedNear && !deathNear)
            {
                continue;
            }

            bool aircraft = doc.Actors.Any(a => a.Entry.Air && text.ClauseOf(a.FirstToken) == clause)
                || triggers.Any(o => o.Class == TriggerClass.Air && text.ClauseOf(o.FirstToken) == clause);
            bool suicide = triggers.Any(o => o.Class == TriggerClass.Suicide && text.SentenceOf(o.FirstToken) == sentence);
            if (t.Class == TriggerClass.Air && actor1 is null)
            {
                actor1 = LastAirActor(doc, t.FirstToken);
            }

            // Bombs and kidnappings nobody is named for are the work of an unidentified armed group (ACLED's convention).
            if (actor1 is null && t.Class is TriggerClass.Ied or TriggerClass.Suicide or TriggerClass.Abduction)
            {
                actor1 = Unidentified(doc, t);
            }

            // Only an air force strikes from the air: a ground party named as the striker ("استهدفت مواقع الحوثيين")
            // is the target, or an ally the air force supports.
            if (t.Class == TriggerClass.Air && actor1 is { Entry: { Air: false, Type: not ActorType.StateForces } } ground
                && LastAirActor(doc, t.FirstToken) is { } air && air.Name != ground.Name)
            {
                if (actor2 is null && Opposes(air.Entry, ground.Entry))
                {
                    actor2 = ground;
                }

                actor1 = air;
            }

            var sub = EventTypeRules.Decide(t.Class, actor1, actor2, aircraft, suicide, civiliansTargeted);
            if (sub is null)
            {
                continue;
            }

            actor2 ??= OtherSide(doc, t, sentence, clause, actor1);

            var deaths = CasualtyStage.For(doc, t);
            var modality = ModalityStage.Decide(doc, t.FirstToken);
            var (date, start, end, precision) = DateFor(doc, t, sentence, clause);
            if (precision == TimePrecision.Month && (end ?? start).AddDays(10) < doc.Document.Published)
            {
                continue; // "العام الماضي", "في مايو الماضي": background, not this report's news
            }

            if ((end ?? start).AddDays(StaleDays) < doc.Document.Published)
            {
                continue; // "في 12 نوفمبر 2009", "في ذي القعدة 1430": an incident of months or years ago, told as background
            }

            var placesOfTrigger = PlacesFor(doc, t, sentence, clause, i).ToList();
            for (int k = 0; k < placesOfTrigger.Count; k++)
            {
                var (place, fromElsewhere) = placesOfTrigger[k];
                if (fromElsewhere && place is not null && !t.Strong && !NamesPlaceAnaphor(doc, sentence))
                {
                    continue; // a weak trigger with no place in its paragraph is background ("القتال في البلاد")
                }

                var placeActor2 = placesOfTrigger.Count > 1 && place is not null && actor1 is not null
                    ? NearestOpposing(doc, actor1, place.FirstToken, sentence) ?? actor2
                    : actor2;
                var evidence = Evidence(doc, t, clause, actor1, placeActor2, place);
                drafts.Add(new EventDraft
                {
                    Trigger = t,
                    SubEventType = sub.Value,
                    Actor1 = actor1,
                    Actor2 = placeActor2 is not null && actor1 is not null && placeActor2.Name == actor1.Name ? null : placeActor2,
                    Place = place,
                    Date = date,
                    EventDate = start,
                    EventDateEnd = end,
                    TimePrecision = precision,
                    Deaths = Share(deaths, k, placesOfTrigger.Count),
                    Modality = modality,
                    Evidence = evidence,
                    FromHeadline = titles.Contains(sentence),
                    Confidence = Confidence(t, actor1, place, date),
                });
            }
        }

        return drafts;
    }

    /// <summary>
    /// One toll for several places ("مقتل 10 في انفجارين في المقدادية وكنعان") is split evenly among them, the remainder
    /// to the first ones (ACLED's rule when a report gives no breakdown).
    /// </summary>
    private static DeathCount Share(DeathCount deaths, int index, int count)
    {
        if (count <= 1 || !deaths.Stated)
        {
            return deaths;
        }

        static int? Part(int? v, int i, int n) => v is { } x ? (x / n) + (i < x % n ? 1 : 0) : null;
        return new DeathCount(Part(deaths.Fatalities, index, count)!.Value, Part(deaths.Low, index, count), Part(deaths.High, index, count), true);
    }

    /// <summary>
    /// Title lines: a sentence that is a paragraph of its own and does not end in a full stop (the headline, section
    /// headings). They summarise events the body tells.
    /// </summary>
    private static HashSet<int> TitleSentences(DocumentMentions doc)
    {
        var result = new HashSet<int>();
        var text = doc.Text;
        var p = doc.ParagraphOfSentence;
        if (p.Length < 2 || p[^1] == 0)
        {
            return result;
        }

        string? firstTitle = null;
        for (int i = 0; i < text.Sentences.Length;)
        {
            int j = i;
            while (j < text.Sentences.Length && p[j] == p[i])
            {
                j++;
            }

            var para = new TextSpan(text.Sentences[i].Span.Start, text.Sentences[j - 1].Span.End);
            var body = para.SliceSpan(text.Original).TrimEnd();
            if (body.Length is > 0 and < 200 && body[^1] is not ('.' or '!' or '\u061F' or '?'))
            {
                firstTitle ??= text.Normalized.Text.Substring(text.Tokens[text.Sentences[i].FirstToken].NormStart,
                    text.Tokens[text.Sentences[j - 1].EndToken - 1].NormEnd - text.Tokens[text.Sentences[i].FirstToken].NormStart);
                for (int k = i; k < j; k++)
                {
                    result.Add(k);
                }
            }
            else if (firstTitle is { Length: > 20 })
            {
                // A footer that repeats the headline ("رابط الخبر: ..."): also a title.
                for (int k = i; k < j; k++)
                {
                    var s = text.Sentences[k];
                    var norm = text.Normalized.Text.AsSpan(text.Tokens[s.FirstToken].NormStart, text.Tokens[s.EndToken - 1].NormEnd - text.Tokens[s.FirstToken].NormStart);
                    if (norm.Contains(firstTitle.AsSpan(Math.Max(0, firstTitle.Length - 40)), StringComparison.Ordinal))
                    {
                        result.Add(k);
                    }
                }
            }

            i = j;
        }

        return result;
    }

    // A sentence naming a year before the publication year, and no recent day, tells history or background.
    private static bool IsHistory(DocumentMentions doc, int sentence)
    {
        var text = doc.Text;
        var s = text.Sentences[sentence];
        int published = doc.Document.Published.Year;
        bool oldYear = false;
        for (int i = s.FirstToken; i < s.EndToken; i++)
        {
            if (text.Tokens[i].Kind == Arabic.Text.TokenKind.Number && text.Tokens[i].NormLength == 4
                && int.TryParse(text.NormOf(i), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int y)
                && y >= 1900 && y < published)
            {
                oldYear = true;
                break;
            }
        }

        if (!oldYear)
        {
            return false;
        }

        var recent = doc.Document.Published.AddDays(-60);
        return !doc.Dates.Any(d => d.Start >= recent && text.SentenceOf(d.FirstToken) == sentence);
    }

    // A trigger with the preposition ل glued to it states a purpose, except after "تعرض" (exposed to: "تعرضت للقصف").
    private static bool IsPurpose(DocumentMentions doc, TriggerMention t)
    {
        if (t.PrefixLength == 0)
        {
            return false;
        }

        var word = doc.Text.NormOf(t.FirstToken);
        int p = word[0] is 'و' or 'ف' ? 1 : 0;
        if (p >= t.PrefixLength || word[p] != 'ل')
        {
            return false;
        }

        // "تعرضت البلدة للقصف", "تعرض محيط المخيم بريف دمشق للقصف": the exposed thing may stand between the verb and ل.
        int clauseStart = doc.Text.Clauses[doc.Text.ClauseOf(t.FirstToken)].FirstToken;
        for (int k = t.FirstToken - 1; k >= Math.Max(clauseStart, t.FirstToken - ExposedWindow); k--)
        {
            if (doc.Text.NormOf(k).Contains("تعرض", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    // A generic fighting word (clash, attack, killing) beside a weapon word in the same clause names the same event:
    // "قتل 7 أشخاص في قصف عشوائي" is the shelling, not a second event. Likewise a destroyed car bomb that a strike or an
    // operation destroyed, and property burned in a fight, are parts of that event.
    private static bool IsGenericBesideSpecific(DocumentMentions doc, TriggerMention t, int clause, int sentence, bool namesBothSides)
    {
        var text = doc.Text;
        if (t.Class == TriggerClass.Kill)
        {
            return doc.Triggers.Any(o => o.Class != TriggerClass.Kill && text.SentenceOf(o.FirstToken) == sentence);
        }

        if (t.Class is TriggerClass.Clash or TriggerClass.Attack or TriggerClass.Advance)
        {
            // Same clause, or a weapon word shortly before in the same sentence ("انفجار سيارة مفخخة، استهدف مركزا").
            // A car bomb destroyed as the outcome of this attack ("هجوم ... أسفر عن تدمير سيارة مفخخة") does not replace it.
            return doc.Triggers.Any(o => o.Class is TriggerClass.Air or TriggerClass.Shell or TriggerClass.Ied or TriggerClass.Suicide
                or TriggerClass.Execution or TriggerClass.Assassination or TriggerClass.Defuse or TriggerClass.Abduction
                && !(o.Class == TriggerClass.Defuse && IsOutcome(doc, o))
                && (text.ClauseOf(o.FirstToken) == clause
                    || (!namesBothSides && text.SentenceOf(o.FirstToken) == sentence && o.FirstToken < t.FirstToken && t.FirstToken - o.EndToken <= 15)
                    || (o.Class is TriggerClass.Execution or TriggerClass.Assassination && text.SentenceOf(o.FirstToken) == sentence)));
        }

        if (t.Class is TriggerClass.Ied && doc.Triggers.Any(o => o.Class is TriggerClass.Air && text.ClauseOf(o.FirstToken) == clause))
        {
            return true; // "انفجارات" caused by an air strike on a depot
        }

        if (t.Class is TriggerClass.Defuse
            && (IsOutcome(doc, t)
                || doc.Triggers.Any(o => o.Class is TriggerClass.Air or TriggerClass.Shell && text.ClauseOf(o.FirstToken) == clause)))
        {
            return true; // "أسفرت عن تدمير سيارة مفخخة", "تدمير سيارة مفخخة بقصف للطيران": an outcome of the strike or operation
        }

        if (t.Class is TriggerClass.Looting && doc.Triggers.Any(o => o.Class is TriggerClass.Clash or TriggerClass.Attack or TriggerClass.Air
            or TriggerClass.Shell or TriggerClass.Ied && text.SentenceOf(o.FirstToken) == sentence))
        {
            return true; // "إحراق دورية ... في كمين": what burned in a fight is part of the fight
        }

        return false;
    }

    // A trigger shortly after "أسفر عن", "أدى إلى" in its sentence names an outcome of the event told before it.
    private static bool IsOutcome(DocumentMentions doc, TriggerMention t)
    {
        var text = doc.Text;
        int sentence = text.SentenceOf(t.FirstToken);
        return doc.RoleBeforeToken.Any(kv => kv.Value == ArgumentRole.Result && kv.Key <= t.FirstToken && t.FirstToken - kv.Key <= 12
            && text.SentenceOf(kv.Key) == sentence);
    }

    /// <summary>
    /// Trigger words listed as kinds of violence: three or more joined by "و" or commas ("القتل والخطف والتفجير"), or two
    /// joined by "أو" ("سيارات مفخخة أو أحزمة ناسفة"). A report of incidents names each with its own place or victims.
    /// </summary>
    private static bool IsInGenericList(DocumentMentions doc, int index)
    {
        var triggers = doc.Triggers;
        int first = index, last = index;
        bool either = false;
        while (first > 0 && Joined(doc, triggers[first - 1], triggers[first], ref either))
        {
            first--;
        }

        while (last + 1 < triggers.Count && Joined(doc, triggers[last], triggers[last + 1], ref either))
        {
            last++;
        }

        int items = last - first + 1;
        return items >= 3 || (items == 2 && either);
    }

    // b follows a directly: glued "و" ("والخطف"), or a lone "و", "أو" or comma between them.
    private static bool Joined(DocumentMentions doc, TriggerMention a, TriggerMention b, ref bool either)
    {
        var text = doc.Text;
        int gap = b.FirstToken - a.EndToken;
        if (gap == 0)
        {
            return b.PrefixLength > 0 && text.NormOf(b.FirstToken)[0] == 'و';
        }

        if (gap != 1)
        {
            return false;
        }

        var between = text.NormOf(a.EndToken);
        if (between is "او")
        {
            either = true;
            return true;
        }

        return between is "و" or ",";
    }

    /// <summary>
    /// A trigger in a sentence about sports or fiction: in sports talk a weak trigger, an abduction ("خطف اللقب") or a
    /// protest ("الاحتجاج على قرار الحكم") is a metaphor, while a strong air, bomb or killing word still reports violence
    /// (a player killed in an air strike); in a film, series or novel plot nothing is an event.
    /// </summary>
    private static bool IsMetaphorOrPlot(DocumentMentions doc, TriggerMention t, int sentence)
    {
        if (doc.SentenceContexts.TryGetValue(sentence, out var domain)
            && (domain == ContextDomain.Fiction || !t.Strong || t.Class is TriggerClass.Abduction or TriggerClass.Protest or TriggerClass.Arrest))
        {
            return true;
        }

        return t.Class switch
        {
            // "خطفت الطفلة الأنظار", "اختطف الحوثيون الدولة": a thing as the object, close after the verb in its clause.
            TriggerClass.Abduction => doc.StolenThings.Any(s => s >= t.EndToken && s - t.EndToken < 3 && doc.Text.ClauseOf(s) == doc.Text.ClauseOf(t.FirstToken)),
            // "لقي" kills only with "حتفه" or "مصرعه" after it ("لقي ثلاثة جنود حتفهم"); else it is "لقي ترحيبا", "يلقي كلمة".
            TriggerClass.Kill when IsLaqiya(doc.Text.NormOf(t.FirstToken)) => !FateFollows(doc, t),
            _ => false,
        };
    }

    // The verb لقي in its persons and the imperfect يلقى/يلقي, through a conjunction.
    private static bool IsLaqiya(ReadOnlySpan<char> word)
    {
        if (word.Length > 0 && word[0] is 'و' or 'ف')
        {
            word = word[1..];
        }

        if (word.Length > 0 && word[0] is 'ي' or 'ت' or 'ن')
        {
            word = word[1..];
        }

        return word.StartsWith("لق", StringComparison.Ordinal) && word.Length <= 4;
    }

    private static bool FateFollows(DocumentMentions doc, TriggerMention t)
    {
        var text = doc.Text;
        int clause = text.ClauseOf(t.FirstToken);
        for (int i = t.EndToken; i < Math.Min(text.Tokens.Length, t.EndToken + 5) && text.ClauseOf(i) == clause; i++)
        {
            var w = text.NormOf(i);
            if (w.Contains("حتف", StringComparison.Ordinal) || w.Contains("مصرع", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A fight followed in its own clause by both armed sides ("بينما تستمر المعارك بين القوات الموالية والحوثيين") is an event
    /// of its own, not the generic echo of a weapon word told just before it in another clause.
    /// </summary>
    private static bool NamesBothSides(DocumentMentions doc, TriggerMention t, int clause) =>
        t.Class is TriggerClass.Clash
        && doc.Actors.Where(a => a.Entry.IsArmed && a.FirstToken >= t.EndToken && doc.Text.ClauseOf(a.FirstToken) == clause)
            .Select(a => a.Name).Distinct().Count() >= 2;

    private static (ActorMention? Actor1, ActorMention? Actor2, bool CiviliansTargeted) Actors(DocumentMentions doc, TriggerMention t, int sentence, int clause)
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
                if (!(sameClause || distance < 12))
                {
                    continue; // "وذكرت مصادر وسكان أن ...": civilians told of in another clause are not this event's side
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

        if (target is null && t.Class is TriggerClass.Clash or TriggerClass.Attack or TriggerClass.Advance)
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
    /// that hits homes or children, and for a kidnapping, civilians.
    /// </summary>
    private static ActorMention? OtherSide(DocumentMentions doc, TriggerMention t, int sentence, int clause, ActorMention? actor1)
    {
        var text = doc.Text;
        if (actor1 is null || t.Class is not (TriggerClass.Air or TriggerClass.Shell or TriggerClass.Clash or TriggerClass.Attack
            or TriggerClass.Takeover or TriggerClass.Defuse or TriggerClass.Ied or TriggerClass.Suicide or TriggerClass.Abduction))
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
            var c = text.Clauses[clause];
            bool victims = doc.RoleBeforeToken.Any(r => r.Value == ArgumentRole.Victims && r.Key > c.FirstToken && r.Key <= c.EndToken);
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

    /// <summary>The armed actor of the sentence opposing <paramref name="actor1"/> that is nearest to token <paramref name="at"/> (a trigger, or one of several places hit).</summary>
    private static ActorMention? NearestOpposing(DocumentMentions doc, ActorMention actor1, int at, int sentence)
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
    private static bool Opposes(ActorEntry x, ActorEntry y)
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

    private static ActorMention Civilians(DocumentMentions doc, TriggerMention t)
    {
        var entry = CiviliansEntry.Value;
        return new ActorMention(t.FirstToken, t.EndToken, t.Span, entry, entry.NameFor(doc.Document.CountryHint), false);
    }

    private static readonly Lazy<ActorEntry> CiviliansEntry = new(() =>
        ActorLexicon.BuiltIn.Matcher.TryMatchAt(Arabic.Text.TextAnalyzer.Analyze("المدنيين"), 0, out var m)
            ? ActorLexicon.Resolve(m.Value, null)
            : throw new InvalidOperationException("actors.tsv lacks the civilians row"));

    private static ArgumentRole? RoleOf(DocumentMentions doc, ActorMention a)
    {
        if (doc.RoleBeforeToken.TryGetValue(a.FirstToken, out var role))
        {
            return role;
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

    private static ActorMention Unidentified(DocumentMentions doc, TriggerMention t)
    {
        var entry = UnidentifiedEntry.Value;
        return new ActorMention(t.FirstToken, t.EndToken, t.Span, entry, entry.NameFor(doc.Document.CountryHint), false);
    }

    private static readonly Lazy<ActorEntry> UnidentifiedEntry = new(() =>
        ActorLexicon.BuiltIn.Matcher.TryMatchAt(Arabic.Text.TextAnalyzer.Analyze("مسلحون مجهولون"), 0, out var m)
            ? ActorLexicon.Resolve(m.Value, null)
            : throw new InvalidOperationException("actors.tsv lacks the unidentified armed group row"));

    /// <summary>
    /// The air force of a strike: in the trigger's sentence a named one before a generic "warplanes" ("طائرات حربية
    /// تابعة للائتلاف"), else the nearest air actor of the story.
    /// </summary>
    private static ActorMention? LastAirActor(DocumentMentions doc, int token)
    {
        var text = doc.Text;
        int sentence = text.SentenceOf(token);
        return doc.Actors.Where(a => a.Entry.Air)
            .OrderBy(a => text.SentenceOf(a.FirstToken) == sentence ? 0 : 1)
            .ThenBy(a => text.SentenceOf(a.FirstToken) == sentence && a.Entry.Name.Contains("{country}", StringComparison.Ordinal) ? 1 : 0)
            .ThenBy(a => Math.Abs(a.FirstToken - token))
            .FirstOrDefault();
    }

    private static (DateRef? Date, DateOnly Start, DateOnly? End, TimePrecision Precision) DateFor(DocumentMentions doc, TriggerMention t, int sentence, int clause)
    {
        var text = doc.Text;
        DateRef? best = null;
        int bestScore = int.MaxValue;
        foreach (var d in doc.Dates)
        {
            if (text.SentenceOf(d.FirstToken) != sentence)
            {
                continue;
            }

            int distance = d.FirstToken >= t.EndToken ? d.FirstToken - t.EndToken : t.FirstToken - d.EndToken;
            int score = distance + (text.ClauseOf(d.FirstToken) == clause ? 0 : 50);
            if (score < bestScore)
            {
                best = d;
                bestScore = score;
            }
        }

        // Reporting convention: a story keeps the day it last named ("أفاد ... أمس الاثنين بمقتل ..." then more of that day).
        if (best is null)
        {
            foreach (var d in doc.Dates)
            {
                if (d.EndToken <= t.FirstToken && d.Precision == TimePrecision.Day && d.Start == d.End && d.Start <= doc.Document.Published
                    && !IsBackground(doc, text.SentenceOf(d.FirstToken))
                    && d.Start.AddDays(CarryOverDays) >= doc.Document.Published)
                {
                    best = d;
                }
            }

            if (best is not null)
            {
                // Carried over from an earlier sentence: the story is still telling that day.
                return (best, best.Start, null, TimePrecision.Day);
            }

            // The lead's date, when the story names one later.
            var lead = doc.Dates.FirstOrDefault(d => d.Precision == TimePrecision.Day && d.Start <= doc.Document.Published
                && !IsBackground(doc, text.SentenceOf(d.FirstToken))
                && d.Start.AddDays(CarryOverDays) >= doc.Document.Published);
            if (lead is not null)
            {
                return (lead, lead.Start, null, TimePrecision.Week);
            }

            // News of the day reports yesterday: the day before publication, known to the week.
            return (null, doc.Document.Published.AddDays(-1), null, TimePrecision.Week);
        }

        return (best, best.Start, best.End == best.Start ? null : best.End, best.Precision);
    }

    /// <summary>"يذكر أن ... قتل في 15 يوليو": a sentence opened by a background cue recalls the past.</summary>
    private static bool IsBackground(DocumentMentions doc, int sentence)
    {
        var s = doc.Text.Sentences[sentence];
        for (int k = s.FirstToken + 1; k <= Math.Min(s.EndToken, s.FirstToken + BackgroundCueReach); k++)
        {
            if (doc.RoleBeforeToken.TryGetValue(k, out var role) && role == ArgumentRole.Background)
            {
                return true;
            }
        }

        return false;
    }

    private const int BackgroundCueReach = 3;

    private static IEnumerable<(PlaceRef? Place, bool FromElsewhere)> PlacesFor(DocumentMentions doc, TriggerMention t, int sentence, int clause, int triggerIndex)
    {
        var text = doc.Text;
        var places = doc.Places;
        int nextTrigger = int.MaxValue;
        for (int j = triggerIndex + 1; j < doc.Triggers.Count; j++)
        {
            var o = doc.Triggers[j];
            if (text.ClauseOf(o.FirstToken) != clause)
            {
                break;
            }

            if (o.Class != t.Class)
            {
                nextTrigger = o.FirstToken;
                break;
            }
        }

        // Places named after the trigger in its clause ("غارات على حلب والحسكة"), anchors of relative places left out.
        var after = places.Where(p => p.Location is not null && p.FirstToken >= t.EndToken && p.FirstToken < nextTrigger
            && (text.ClauseOf(p.FirstToken) == clause || (text.SentenceOf(p.FirstToken) == sentence && IsParallelObject(doc, p)))
            && !IsNotEventPlace(doc, p) && !IsCountryOnly(p) && !IsLaunchSite(doc, t, p)).ToList();
        // "في ريف حلب قريتي نبل والزهراء": a province or countryside right before finer places only locates them.
        while (after.Count > 1 && after[0].Precision == GeoPrecision.Province && after[1].Precision < GeoPrecision.Province
            && after[1].FirstToken - after[0].EndToken <= 2)
        {
            after.RemoveAt(0);
        }

        if (after.Count > 0)
        {
            foreach (var p in Coordinated(doc, after))
            {
                yield return (p, false);
            }

            yield break;
        }

        PlaceRef? best = Nearest(doc, places.Where(p => text.ClauseOf(p.FirstToken) == clause && !IsLaunchSite(doc, t, p)), t)
            ?? Nearest(doc, places.Where(p => text.SentenceOf(p.FirstToken) == sentence && !IsLaunchSite(doc, t, p)), t);
        if (best is not null)
        {
            // "مناطق جعولة وبير أحمد والعلم أصبحت تحت سيطرة المقاومة": a list of places just before the trigger is its subject.
            foreach (var p in CoordinatedBefore(doc, t, clause, best))
            {
                yield return (p, false);
            }

            yield break;
        }

        // "في المنطقة", "المنطقة نفسها": the area is the last town-level place told, not a province named since.
        if (NamesPlaceAnaphor(doc, sentence))
        {
            best = places.LastOrDefault(p => p.Location is not null && p.EndToken <= t.FirstToken && p.Precision < GeoPrecision.Province
                && !IsAnchor(doc, p) && !IsCountryOnly(p));
            if (best is not null)
            {
                yield return (best, false);
                yield break;
            }
        }

        // Earlier in the paragraph, then earlier in the story, then the story's first place (dateline or headline).
        int paragraph = doc.ParagraphOfSentence[sentence];
        best = places.LastOrDefault(p => p.Location is not null && p.EndToken <= t.FirstToken && !IsNotEventPlace(doc, p) && !IsCountryOnly(p)
            && doc.ParagraphOfSentence[text.SentenceOf(p.FirstToken)] == paragraph);
        if (best is not null)
        {
            yield return (best, false);
            yield break;
        }

        var fallback = places.LastOrDefault(p => p.Location is not null && p.EndToken <= t.FirstToken && !IsNotEventPlace(doc, p) && !IsCountryOnly(p))
            ?? places.FirstOrDefault(p => p.Location is not null && !IsNotEventPlace(doc, p) && !IsCountryOnly(p));
        if (fallback is not null)
        {
            yield return (fallback, true);
            yield break;
        }

        // Only a country is named: the country of the trigger's own sentence is its place (ACLED codes it at admin1
        // level as best it can); one named elsewhere is background.
        var country = places.FirstOrDefault(p => p.Location is not null && text.SentenceOf(p.FirstToken) == sentence)
            ?? places.FirstOrDefault(p => p.Location is not null);
        yield return (country, country is not null && text.SentenceOf(country.FirstToken) != sentence);
    }

    // Keep the first place and those joined to it by "و" or a comma ("حلب والحسكة وعين العرب"); a place reached
    // through other words is a detail of the first ("قرية الإمام ... في ريف حلب").
    private static IEnumerable<PlaceRef> Coordinated(DocumentMentions doc, List<PlaceRef> after)
    {
        yield return after[0];
        var last = after[0];
        var names = new HashSet<string?>(StringComparer.Ordinal) { after[0].Location?.Name };
        for (int k = 1; k < after.Count; k++)
        {
            bool joined = ReferenceEquals(after[k - 1], last) && Joined(doc, after[k - 1], after[k]);
            if (!joined && !IsParallelObject(doc, after[k]))
            {
                continue;
            }

            last = after[k];
            if (names.Add(after[k].Location?.Name))
            {
                yield return after[k];
            }
        }
    }

    private static IEnumerable<PlaceRef> CoordinatedBefore(DocumentMentions doc, TriggerMention t, int clause, PlaceRef best)
    {
        var text = doc.Text;
        var group = new List<PlaceRef> { best };
        if (best.EndToken <= t.FirstToken && t.FirstToken - best.EndToken <= SubjectListGap)
        {
            var before = doc.Places.Where(p => p.Location is not null && p.EndToken <= best.FirstToken && text.ClauseOf(p.FirstToken) == clause
                && !IsAnchor(doc, p) && !IsCountryOnly(p)).ToList();
            for (int k = before.Count - 1; k >= 0 && Joined(doc, before[k], group[0]); k--)
            {
                group.Insert(0, before[k]);
            }
        }

        return group.DistinctBy(p => p.Location?.Name);
    }

    private const int SubjectListGap = 2;

    // Words between a verb and its subject ("واصلت المقاومة الشعبية تقدمها", "تقدمت قوات المقاومة").
    private const int SubjectGap = 2;

    private static int Gap(ActorMention a, TriggerMention t) => a.FirstToken >= t.EndToken ? a.FirstToken - t.EndToken : t.FirstToken - a.EndToken;

    // A province, governorate or countryside is the event's place only when no finer place is about as close.
    private const int ProvincePenalty = 12;

    // Two places joined by "و" or a comma ("حلب والحسكة", "حلب، الحسكة").
    private static bool Joined(DocumentMentions doc, PlaceRef first, PlaceRef next)
    {
        int gap = next.FirstToken - first.EndToken;
        var word = doc.Text.NormOf(next.FirstToken);
        return gap == 0 && word.Length > 0 && word[0] == 'و'
            || gap == 1 && doc.Text.Tokens[first.EndToken].Kind == Arabic.Text.TokenKind.Punctuation
            || gap == 1 && doc.Text.NormOf(first.EndToken) is "و";
    }

    /// <summary>"غارات على قرية X التي ...، وعلى قرية Y": a second object of the same verb, introduced by وعلى / وفي.</summary>
    private static bool IsParallelObject(DocumentMentions doc, PlaceRef p)
    {
        var text = doc.Text;
        for (int back = 1; back <= 2 && p.FirstToken - back >= 0; back++)
        {
            if (text.Tokens[p.FirstToken - back].Kind != Arabic.Text.TokenKind.ArabicWord)
            {
                return false;
            }

            if (text.NormOf(p.FirstToken - back) is "وعلي" or "وفي")
            {
                return true;
            }
        }

        return false;
    }

    private static PlaceRef? Nearest(DocumentMentions doc, IEnumerable<PlaceRef> candidates, TriggerMention t)
    {
        PlaceRef? best = null;
        int bestDistance = int.MaxValue;
        foreach (var p in candidates)
        {
            if (p.Location is null || IsNotEventPlace(doc, p) || IsCountryOnly(p))
            {
                continue;
            }

            int distance = p.FirstToken >= t.EndToken ? p.FirstToken - t.EndToken : (t.FirstToken - p.EndToken) * 2;
            if (p.Precision == GeoPrecision.Province || p.Location.Admin2 is null)
            {
                // "مخيم خان الشيح ... بريف دمشق للقصف", "جنوب سوريا": a province, region or countryside locates the finer place named beside it
                distance += ProvincePenalty;
            }

            if (distance < bestDistance)
            {
                best = p;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>A place that only locates or compares: an anchor of a relative place, or a place after "بعد" ("حررت ثالث مدينة بعد مدينتي الضالع وعدن": those fell before).</summary>
    private static bool IsNotEventPlace(DocumentMentions doc, PlaceRef p) => IsAnchor(doc, p) || FollowsBaad(doc, p) || IsStreetName(doc, p);

    /// <summary>"شارعي الثورة وبغداد", "شارع حلب": a street named after a town, not the town.</summary>
    private static bool IsStreetName(DocumentMentions doc, PlaceRef p)
    {
        var text = doc.Text;
        int clause = text.ClauseOf(p.FirstToken);
        for (int i = p.FirstToken - 1; i >= Math.Max(0, p.FirstToken - 3) && text.ClauseOf(i) == clause; i--)
        {
            var w = text.NormOf(i);
            if (w is "شارع" or "شارعي" or "وشارع" or "بشارع" or "شوارع")
            {
                return true;
            }

            if (doc.Places.Any(o => o.FirstToken <= i && i < o.EndToken))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"قصفت طائرات سلاح الجو من قاعدة طبرق مركبا قبالة درنة": the base a strike or shell came from is not where it fell.</summary>
    private static bool IsLaunchSite(DocumentMentions doc, TriggerMention t, PlaceRef p)
    {
        if (t.Class is not (TriggerClass.Air or TriggerClass.Shell) || p.FirstToken < 1)
        {
            return false;
        }

        var text = doc.Text;
        var before = text.NormOf(p.FirstToken - 1);
        return before is "من" || (p.FirstToken >= 2 && before is "قاعده" or "مطار" && text.NormOf(p.FirstToken - 2) is "من");
    }

    private static bool FollowsBaad(DocumentMentions doc, PlaceRef p)
    {
        int at = p.FirstToken;
        if (doc.RoleBeforeToken.TryGetValue(at, out var noun) && noun == ArgumentRole.PlaceNoun)
        {
            at = PlaceNounStart(doc, at);
        }

        if (at > 0 && doc.Text.NormOf(at - 1) is "بعد" or "وبعد")
        {
            return true;
        }

        // The second place of "بعد الضالع وعدن": joined to a place that follows "بعد".
        var word = doc.Text.NormOf(p.FirstToken);
        bool glued = word.Length > 0 && word[0] == 'و';
        var previous = doc.Places.LastOrDefault(o => o.EndToken <= p.FirstToken && o.FirstToken < p.FirstToken
            && (o.EndToken == p.FirstToken && glued
                || o.EndToken == p.FirstToken - 1 && doc.Text.NormOf(o.EndToken) is "و" or ","));
        return previous is not null && FollowsBaad(doc, previous);
    }

    /// <summary>
    /// "البعاج 510 كم شمال غرب بغداد", "البوكمال (130 كم جنوب شرق مدينة دير الزور)": بغداد and دير الزور only locate the
    /// place named just before them; a relative phrase with no place before it ("20 كم شرق حلب") is the location itself.
    /// </summary>
    private static bool IsAnchor(DocumentMentions doc, PlaceRef p)
    {
        var text = doc.Text;
        int start = p.RelationSpan is { } rel ? Math.Min(rel.Start, p.Span.Start) : p.Span.Start;
        int at = p.FirstToken;
        if (p.RelationSpan is null)
        {
            if (doc.RoleBeforeToken.TryGetValue(at, out var noun) && noun == ArgumentRole.PlaceNoun)
            {
                at = PlaceNounStart(doc, at);
            }

            if (!doc.RoleBeforeToken.TryGetValue(at, out var role) || role != ArgumentRole.Direction)
            {
                return false;
            }
        }

        // Only an anchor when another place comes just before it (the one it locates), in the same clause.
        foreach (var o in doc.Places)
        {
            if (o.Location is null || o.EndToken > p.FirstToken || ReferenceEquals(o, p) || text.ClauseOf(o.FirstToken) != text.ClauseOf(p.FirstToken))
            {
                continue;
            }

            if (p.RelationSpan is not null)
            {
                // The relation phrase follows the other name with only spaces and brackets between.
                if (o.Span.End <= start && (text.Original.AsSpan(o.Span.End, start - o.Span.End).Trim(" \t(\u00AB\u201C\"-\u2013,\u060C".AsSpan()).IsEmpty
                    || OnlyLocatingWordsBetween(text, o.EndToken, start)))
                {
                    return true;
                }
            }
            else if (p.FirstToken - o.EndToken <= 8)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"سبها الواقعة على مسافة 700 كم جنوبي طرابلس": only a relative clause's verb between a place and its locating phrase.</summary>
    private static bool OnlyLocatingWordsBetween(Arabic.Text.AnalyzedText text, int fromToken, int relationStart)
    {
        bool any = false;
        for (int i = fromToken; i < text.Tokens.Length && text.Tokens[i].Span.Start < relationStart; i++)
        {
            if (text.Tokens[i].Kind == Arabic.Text.TokenKind.Punctuation)
            {
                continue;
            }

            if (text.NormOf(i) is not ("الواقعه" or "الواقع" or "التي" or "الذي" or "تقع" or "يقع" or "وتقع" or "ويقع"))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>"في ضاحية من ضواحي المدينة": the sentence points back to the town the story is about.</summary>
    private static bool NamesPlaceAnaphor(DocumentMentions doc, int sentence)
    {
        var s = doc.Text.Sentences[sentence];
        foreach (var (end, role) in doc.RoleBeforeToken)
        {
            if (role == ArgumentRole.PlaceAnaphor && end > s.FirstToken && end <= s.EndToken)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A whole country ("سورية" in "من أصول سورية") locates an event only when nothing finer is named.</summary>
    private static bool IsCountryOnly(PlaceRef p) => p.Location is { Admin1: null } && p.Precision == GeoPrecision.Province;

    private static int PlaceNounStart(DocumentMentions doc, int placeToken)
    {
        // The place noun is one token ("مدينة"): the cue before it ends where the noun starts.
        return placeToken - 1;
    }

    private static TextSpan Evidence(DocumentMentions doc, TriggerMention t, int clause, ActorMention? a1, ActorMention? a2, PlaceRef? place)
    {
        var text = doc.Text;
        // At least a few words of context around the trigger, inside its clause, so the evidence reads as a statement.
        var c = text.Clauses[clause];
        int first = Math.Max(c.FirstToken, t.FirstToken - EvidenceContext), last = Math.Min(c.EndToken, t.EndToken + EvidenceContext) - 1;
        while (last > first && text.Tokens[last].Kind == Arabic.Text.TokenKind.Punctuation)
        {
            last--;
        }

        while (first < last && text.Tokens[first].Kind == Arabic.Text.TokenKind.Punctuation)
        {
            first++;
        }

        var span = t.Span.Union(new TextSpan(text.Tokens[first].Span.Start, text.Tokens[last].Span.End));
        foreach (var s in new TextSpan?[] { a1?.Span, a2?.Span, place?.Span })
        {
            if (s is { } x && text.Clauses[clause].Span.Contains(x))
            {
                span = span.Union(x);
            }
        }

        return span;
    }

    private static double Confidence(TriggerMention t, ActorMention? actor1, PlaceRef? place, DateRef? date)
    {
        double c = 0.4;
        c += t.Strong ? 0.15 : 0.05;
        c += actor1 is not null ? 0.15 : 0;
        c += place is not null ? 0.15 : 0;
        c += date is not null ? 0.1 : 0;
        return Math.Round(Math.Min(c, 0.95), 2);
    }
}
