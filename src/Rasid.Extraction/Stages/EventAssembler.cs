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
    private const int EvidenceContext = 3;

    /// <summary>How far after "ما أدى إلى", "أسفر عن" a death still is the result it names.</summary>
    private const int ResultReach = 3;

    /// <summary>An incident dated more than this many days before publication is background, not the report's news.</summary>
    private const int StaleDays = 45;

    /// <summary>The lead: this many sentences after the headline.</summary>
    private const int LeadSentences = 2;

    public static List<EventDraft> Run(DocumentMentions doc)
    {
        var text = doc.Text;
        var drafts = new List<EventDraft>();
        var triggers = doc.Triggers;
        var titles = TitleSentences.Of(doc);
        var lead = Enumerable.Range(0, text.Sentences.Length).Where(s => !titles.Contains(s)).Take(LeadSentences).ToHashSet();
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

            if (NonEventFilter.IsTagLine(doc, sentence))
            {
                continue; // "سمات الرمادي داعش هجوم مسلح": the keyword line under the story
            }

            if (NonEventFilter.IsContextSentence(doc, sentence))
            {
                continue; // "وتأتي هذه المعارك بعد إعلان ... انطلاق معركة": the news set in context, not a new event
            }

            if (NonEventFilter.IsHistory(doc, sentence))
            {
                continue; // "1951 - اغتيال ...", "منذ عام 2011": a sentence about past years
            }

            if (NonEventFilter.IsTemporalAnchor(doc, t))
            {
                continue; // "بعد يومين من معارك": the event the news is dated from, told before
            }

            if (NonEventFilter.IsUndatedBackground(doc, sentence))
            {
                continue; // "يشار أن المجموعة وثقت 214 ضحية قضى معظمهم في القصف": background with no day of its own
            }

            if (NonEventFilter.IsWeaponOfFight(doc, t))
            {
                continue; // "هجوم ... استخدم خلالها أسلحة متوسطة فضلا عن قذائف": the attack's weapons
            }

            if (NonEventFilter.IsPurpose(doc, t))
            {
                continue; // "لاستعادة المناطق", "للسيطرة على": an aim, not an event
            }

            var (actor1, actor2, civiliansTargeted) = ActorAttribution.Actors(doc, t, sentence, clause);
            if (t.Class == TriggerClass.Advance && (actor1 is null || ActorAttribution.Gap(actor1, t) > ActorAttribution.SubjectGap))
            {
                continue; // "تقدمت الحكومة بطلب ... الحوثيين": an advance is a battle only with its armed subject beside it
            }

            if (NonEventFilter.IsGenericBesideSpecific(doc, t, clause, sentence, ActorAttribution.NamesBothSides(doc, t, clause)))
            {
                continue;
            }

            if (NonEventFilter.IsMetaphorOrPlot(doc, t, sentence))
            {
                continue; // "خطف الفوز في المباراة", "تدور أحداث الفيلم حول اغتيال"
            }

            if (NonEventFilter.IsInGenericList(doc, i))
            {
                continue; // "القتل والخطف والتفجير", "سيارات مفخخة أو أحزمة ناسفة": kinds of violence, no incident
            }

            // A weak trigger ("قتال", "قصف", "هجوم") is an event only with an armed actor or a death close to it.
            // A takeover's taker is often only a pronoun ("بعد استيلائه على", "التي استولوا عليها"): one named earlier in the
            // sentence counts.
            bool armedNear = doc.Actors.Any(a => a.Entry.IsArmed && text.SentenceOf(a.FirstToken) == sentence
                && (text.ClauseOf(a.FirstToken) == clause || Math.Abs(a.FirstToken - t.FirstToken) <= 8
                    || (t.Class == TriggerClass.Takeover && a.EndToken <= t.FirstToken)));
            // "عبوة ناسفة انفجرت امس في حي ... ما أدى إلى مقتل ستة": a death told as the trigger's result, after it in its sentence.
            // A killed-and-wounded total ("66 قتيلا وجريحا") has dead in it; a toll re-told ("ارتفعت حصيلة تفجير") had victims.
            bool deathNear = EventMerger.IsTollRecap(doc, t) || doc.Casualties.Any(c => c.Kind is CasualtyKind.Death or CasualtyKind.Combined
                && text.SentenceOf(c.FirstToken) == sentence
                && (text.ClauseOf(c.FirstToken) == clause || Math.Abs(c.FirstToken - t.FirstToken) <= 8
                    || (c.FirstToken >= t.EndToken && doc.RoleBeforeToken.Any(r => r.Value == ArgumentRole.Result && r.Key > t.EndToken
                        && c.EndToken >= r.Key && c.FirstToken - r.Key <= ResultReach && text.SentenceOf(r.Key) == sentence))));
            if (!t.Strong && !armedNear && !deathNear)
            {
                continue;
            }

            bool aircraft = doc.Actors.Any(a => a.Entry.Air && text.ClauseOf(a.FirstToken) == clause)
                || triggers.Any(o => o.Class == TriggerClass.Air && text.ClauseOf(o.FirstToken) == clause);
            bool suicide = triggers.Any(o => o.Class == TriggerClass.Suicide && text.SentenceOf(o.FirstToken) == sentence);
            if (t.Class == TriggerClass.Air && actor1 is null)
            {
                actor1 = ActorAttribution.LastAirActor(doc, t.FirstToken);
            }

            // Bombs nobody is named for are the claimant's when the story says who claimed them; else they, kidnappings and
            // shells fired by no one named ("سقوط قذائف هاون على منازل") are the work of an unidentified armed group (ACLED's convention).
            // "قصفت قوات النظام مخيم درعا", "قذائف أطلقها مسلحو المعارضة": an armed party read as the one hit by a shelling
            // no one else fired is its shooter — unless it is told as killed or hurt by it ("القصف أدى إلى مقتل عدد من الحوثيين").
            if (actor1 is null && t.Class == TriggerClass.Shell && actor2 is { Entry.IsArmed: true } shooter
                && !doc.Casualties.Any(c => c.FirstToken >= Math.Min(t.EndToken, shooter.EndToken) && c.FirstToken < Math.Max(t.FirstToken, shooter.FirstToken)))
            {
                (actor1, actor2) = (shooter, null);
            }

            if (actor1 is null && t.Class is TriggerClass.Ied or TriggerClass.Suicide)
            {
                actor1 = ActorAttribution.Claimant(doc);
            }

            if (actor1 is null && t.Class is TriggerClass.Ied or TriggerClass.Suicide or TriggerClass.Abduction or TriggerClass.Shell)
            {
                actor1 = ActorAttribution.Unidentified(doc, t);
            }

            // Only an air force strikes from the air: a ground party named as the striker ("استهدفت مواقع الحوثيين")
            // is the target, or an ally the air force supports.
            if (t.Class == TriggerClass.Air && actor1 is { Entry: { Air: false, Type: not ActorType.StateForces } } ground
                && ActorAttribution.LastAirActor(doc, t.FirstToken) is { } air && air.Name != ground.Name)
            {
                // "مقتل ثمانية من داعش في غارة لطيران التحالف": the air force read as the one hit is the striker; the ground party is hit.
                if ((actor2 is null || actor2.Name == air.Name) && ActorAttribution.Opposes(air.Entry, ground.Entry))
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

            if (actor2 is not null && actor2.Name == actor1?.Name)
            {
                actor2 = null; // "في غارة لطيران التحالف": the striker read as the one hit; the other side is still to find
            }

            actor2 ??= ActorAttribution.OtherSide(doc, t, sentence, clause, actor1);

            // ACLED's "Attack" is violence against civilians: with no one else named as hit, the victims are civilians.
            if (actor2 is null && actor1 is not null && sub == SubEventType.Attack)
            {
                actor2 = ActorAttribution.Civilians(doc, t);
            }

            var deaths = CasualtyStage.For(doc, t);
            var modality = ModalityStage.Decide(doc, t.FirstToken);
            var (date, start, end, precision) = DateAttribution.DateFor(doc, t, sentence, clause);
            if (precision == TimePrecision.Month && (end ?? start).AddDays(10) < doc.Document.Published)
            {
                continue; // "العام الماضي", "في مايو الماضي": background, not this report's news
            }

            if (NonEventFilter.IsMonthTally(doc, date, precision))
            {
                continue; // "ألقت المروحيات 2000 برميل خلال يوليو الماضي": a month's tally, not an incident
            }

            if ((end ?? start).AddDays(StaleDays) < doc.Document.Published)
            {
                continue; // "في 12 نوفمبر 2009", "في ذي القعدة 1430": an incident of months or years ago, told as background
            }

            var placesOfTrigger = PlaceAttribution.PlacesFor(doc, t, sentence, clause, i).ToList();
            for (int k = 0; k < placesOfTrigger.Count; k++)
            {
                var (place, fromElsewhere) = placesOfTrigger[k];
                if (fromElsewhere && place is not null && !t.Strong && !PlaceAttribution.NamesPlaceAnaphor(doc, sentence))
                {
                    continue; // a weak trigger with no place in its paragraph is background ("القتال في البلاد")
                }

                var placeActor2 = placesOfTrigger.Count > 1 && place is not null && actor1 is not null
                    ? ActorAttribution.NearestOpposing(doc, actor1, place.FirstToken, sentence) ?? actor2
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
                    OwnDate = date is not null && text.SentenceOf(date.FirstToken) == sentence,
                    Recap = EventMerger.IsTollRecap(doc, t),
                    Deaths = Share(deaths, k, placesOfTrigger.Count),
                    Modality = modality,
                    Evidence = evidence,
                    FromHeadline = titles.Contains(sentence),
                    PlaceInSentence = place is not null && text.SentenceOf(place.FirstToken) == sentence,
                    PlaceIsCompassRegion = place is not null && PlaceAttribution.IsCompassRegion(doc, place),
                    Definite = IsDefinite(doc, t),
                    Another = t.EndToken < text.Tokens.Length && text.NormOf(t.EndToken) is "اخر" or "اخري" or "مماثل" or "مماثلا" or "مماثله" or "ثان" or "ثاني" or "ثانيه" or "جديد" or "جديدا" or "جديده",
                    InLead = lead.Contains(sentence),
                    Scattered = place is not null && EventMerger.IsScatteredPlace(doc, place),
                    Confidence = Confidence(t, actor1, place, date),
                });
            }
        }

        return drafts;
    }

    /// <summary>
    /// "الغارة دمرت", "أدى الهجوم", "عملية الخطف وقعت": a trigger noun with the article (after و ف ب ل ك), or after
    /// "عملية", names an event the reader already knows.
    /// </summary>
    private static bool IsDefinite(DocumentMentions doc, TriggerMention t)
    {
        var text = doc.Text;
        if (t.FirstToken > 0 && text.NormOf(t.FirstToken - 1) is "عمليه" or "وعمليه")
        {
            return true;
        }

        var w = text.NormOf(t.FirstToken);
        if (w.Length > 4 && w[0] is 'و' or 'ف')
        {
            w = w[1..];
        }

        return w.Length > 4 && (w.StartsWith("ال") || w.StartsWith("لل") || (w[0] is 'ب' or 'ك' && w[1..].StartsWith("ال")));
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

    private static TextSpan Evidence(DocumentMentions doc, TriggerMention t, int clause, ActorMention? a1, ActorMention? a2, PlaceRef? place)
    {
        var text = doc.Text;
        // At least a few words of context around the trigger, inside its clause, so the evidence reads as a statement.
        var c = text.Clauses[clause];
        // Nor past a cue that lowers what follows it ("… بهدف تنفيذ إعدامات", "الهادفة إلى"): the evidence of a counted
        // event must not quote a purpose, a plan or a denial told after it.
        int stop = c.EndToken;
        foreach (var cue in doc.Cues)
        {
            if (cue.Cue.Modality is Modality.Negated or Modality.Hypothetical or Modality.Speculative or Modality.Future
                && cue.FirstToken >= t.EndToken && cue.FirstToken < stop && text.ClauseOf(cue.FirstToken) == clause)
            {
                stop = cue.FirstToken;
            }
        }

        int first = Math.Max(c.FirstToken, t.FirstToken - EvidenceContext), last = Math.Min(stop, t.EndToken + EvidenceContext) - 1;
        last = Math.Max(last, t.EndToken - 1);
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
            if (s is { } x && text.Clauses[clause].Span.Contains(x) && (stop == c.EndToken || x.End <= text.Tokens[stop].Span.Start))
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
