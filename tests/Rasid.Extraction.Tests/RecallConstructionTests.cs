using Rasid.Arabic.Text;
using Rasid.Core;
using Rasid.Extraction.Lexicons;

namespace Rasid.Extraction.Tests;

/// <summary>
/// Constructions of conflict reporting that used to be missed (issue #4, recall): trigger forms, foiled and repelled
/// attacks, place lists, background dates, merging. Every sentence is written for these tests.
/// </summary>
public sealed class RecallConstructionTests
{
    private static readonly ArabicEventExtractor Extractor = new();

    private static List<ConflictEvent> Counted(string text, string country = "SY", string published = "2015-07-25") =>
        Extractor.Extract(new Document("t", text, DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture)) { CountryHint = country })
            .Where(e => e.Modality.Counts()).ToList();

    [Theory]
    [InlineData("سيطرا", TriggerClass.Takeover)]
    [InlineData("سيطرتا", TriggerClass.Takeover)]
    [InlineData("سيطرنا", TriggerClass.Takeover)]
    [InlineData("استيلائه", TriggerClass.Takeover)]
    [InlineData("أصبحت تحت سيطرة", TriggerClass.Takeover)]
    [InlineData("تفجيراً", TriggerClass.Ied)]
    [InlineData("انفجاراً", TriggerClass.Ied)]
    [InlineData("اقتحاماً", TriggerClass.Clash)]
    [InlineData("اغتيالاً", TriggerClass.Assassination)]
    [InlineData("اختطافاً", TriggerClass.Abduction)]
    [InlineData("اعتقالاً", TriggerClass.Arrest)]
    [InlineData("إعداماً", TriggerClass.Execution)]
    [InlineData("مقذوف", TriggerClass.Shell)]
    [InlineData("مقذوفات", TriggerClass.Shell)]
    [InlineData("براميل متفجرة", TriggerClass.Air)]
    [InlineData("بالبراميل المتفجرة", TriggerClass.Air)]
    [InlineData("صدّت", TriggerClass.Repel)]
    [InlineData("يصدون", TriggerClass.Repel)]
    [InlineData("أفشلت", TriggerClass.Repel)]
    [InlineData("إطلاق النيران", TriggerClass.Attack)]
    [InlineData("تبادل إطلاق النيران", TriggerClass.Clash)]
    [InlineData("وقف إطلاق النيران", TriggerClass.Block)]
    [InlineData("تقدمت", TriggerClass.Advance)]
    [InlineData("تقدمها", TriggerClass.Advance)]
    public void Trigger_lexicon_knows_the_form(string words, TriggerClass expected)
    {
        Assert.True(TriggerLexicon.BuiltIn.Matcher.TryMatchAt(TextAnalyzer.Analyze(words), 0, out var m), words);
        Assert.Equal(expected, m.Value.Class);
    }

    [Theory]
    [InlineData("يسيطر")]
    [InlineData("تحت سيطرة")]
    [InlineData("سيطرة")] // normalized like "سيطره" (سيطر + ه): the noun states control
    public void Stated_control_is_no_takeover_trigger(string words)
    {
        bool found = TriggerLexicon.BuiltIn.Matcher.TryMatchAt(TextAnalyzer.Analyze(words), 0, out var m);
        Assert.False(found && m.Value.Class == TriggerClass.Takeover, words);
    }

    [Theory]
    [InlineData("أحبطت القوات الحكومية أمس هجوما لمسلحي تنظيم داعش على البلدة.", "IQ")]
    [InlineData("صد الجيش العراقي هجوما واسعا شنه تنظيم داعش.", "IQ")]
    [InlineData("أفشلت المقاومة الشعبية هجوما لمليشيات الحوثي.", "YE")]
    public void Foiled_or_repelled_attack_is_an_armed_clash(string text, string country)
    {
        var e = Assert.Single(Counted(text, country));
        Assert.Equal(SubEventType.ArmedClash, e.SubEventType);
    }

    [Fact]
    public void Foiled_car_bomb_attack_stays_disrupted_weapons_use()
    {
        var e = Assert.Single(Counted("أحبطت قوات الأمن العراقية هجوما بسيارة مفخخة.", "IQ"));
        Assert.Equal(SubEventType.DisruptedWeaponsUse, e.SubEventType);
    }

    [Theory]
    [InlineData("صد الحارس الكرة ببراعة في الدقيقة الأخيرة.")]
    [InlineData("صدت الحكومة الانتقادات الموجهة إليها.")]
    public void Repelling_without_an_attack_is_no_event(string text)
    {
        Assert.Empty(Counted(text, "SA"));
    }

    [Fact]
    public void Accusative_bombing_masdar_is_a_bombing()
    {
        var e = Assert.Single(Counted("ونفذ مسلحون تفجيراً قرب سوق شعبية في مدينة بعقوبة أدى إلى مقتل ثلاثة مدنيين.", "IQ"));
        Assert.Equal(SubEventType.RemoteExplosiveLandmineIed, e.SubEventType);
    }

    [Theory]
    [InlineData("وتقدمت قوات المقاومة الشعبية ليلا في مديرية المنصورة بمدينة عدن.")]
    [InlineData("وواصلت المقاومة الشعبية تقدمها إلى مدينة زنجبار.")]
    public void Armed_advance_is_a_battle(string text)
    {
        var e = Assert.Single(Counted(text, "YE"));
        Assert.Equal(EventType.Battles, e.SubEventType.Parent());
    }

    [Theory]
    [InlineData("تقدمت الحكومة بطلب رسمي إلى مجلس الأمن بشأن الحوثيين.")]
    [InlineData("تقدمت الصناعة بشكل كبير رغم الحرب مع الحوثيين.")]
    public void Advance_of_a_request_is_no_battle(string text)
    {
        Assert.Empty(Counted(text, "YE"));
    }

    [Fact]
    public void Barrel_bombs_are_an_air_strike()
    {
        var e = Assert.Single(Counted("ألقت مروحيات النظام براميل متفجرة على مدينة داريا."));
        Assert.Equal(SubEventType.AirDroneStrike, e.SubEventType);
    }

    [Fact]
    public void Exposed_to_shelling_with_words_between_is_an_event_not_a_purpose()
    {
        var e = Assert.Single(Counted("تعرضت أطراف مدينة داريا بريف دمشق للقصف من قوات النظام."));
        Assert.Equal(SubEventType.ShellingArtilleryMissileAttack, e.SubEventType);
        Assert.Equal("Darayya", e.Location?.Name);
    }

    [Fact]
    public void Attack_by_a_warplane_is_an_air_strike()
    {
        var e = Assert.Single(Counted("وهاجمت طائرة حربية مواقع المسلحين قرب مدينة درنة.", "LY"));
        Assert.Equal(SubEventType.AirDroneStrike, e.SubEventType);
    }

    [Fact]
    public void Countryside_before_villages_only_locates_them()
    {
        var places = Counted("قصفت قوات النظام في ريف إدلب بلدتي سراقب وبنش بالمدفعية.").Select(e => e.Location?.Name).ToList();
        Assert.Equal(["Saraqib", "Binnish"], places.Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public void List_of_places_before_a_takeover_makes_one_event_per_place()
    {
        var places = Counted("وقال القائد إن بلدات سراقب وبنش وتفتناز أصبحت تحت سيطرة جبهة النصرة.").Select(e => e.Location?.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Binnish", "Saraqib", "Taftanaz"], places);
    }

    [Fact]
    public void Fight_naming_both_sides_after_an_air_strike_is_its_own_event()
    {
        var events = Counted("قتل خمسة مسلحين في غارة جوية على مدينة تعز بينما تستمر المعارك بين المقاومة الشعبية والحوثيين في مدينة عدن.", "YE");
        Assert.Contains(events, e => e.SubEventType == SubEventType.ArmedClash && e.Location?.Name == "Aden");
        Assert.Contains(events, e => e.SubEventType == SubEventType.AirDroneStrike);
    }

    [Fact]
    public void Background_sentence_date_is_not_carried_to_the_next_sentence()
    {
        var events = Counted("يذكر أن القائد قتل في 15 يوليو الجاري في اشتباكات بمدينة درنة.\nوقال مسعفون إن جنديين قتلا في قتال بين الجيش الليبي ومسلحين في مدينة بنغازي.", "LY");
        var e = Assert.Single(events, e => e.Location?.Name == "Benghazi");
        Assert.NotEqual(new DateOnly(2015, 7, 15), e.EventDate);
    }

    [Fact]
    public void Pluperfect_with_qad_stays_asserted()
    {
        var e = Assert.Single(Counted("وكان مسلحو داعش قد أطلقوا مساء أمس صواريخ على مواقع البيشمركة في قضاء مخمور.", "IQ"));
        Assert.Equal(Modality.Asserted, e.Modality);
    }

    [Fact]
    public void Future_prefix_on_the_trigger_verb_is_future()
    {
        var events = Extractor.Extract(new Document("t", "ستستعيد القوات العراقية مدينة الفلوجة من تنظيم داعش.", new DateOnly(2015, 7, 25)) { CountryHint = "IQ" });
        Assert.All(events, e => Assert.Equal(Modality.Future, e.Modality));
    }

    [Fact]
    public void Same_place_on_two_named_days_is_two_events()
    {
        var events = Counted("أطلق تنظيم داعش اليوم صواريخ على قضاء مخمور.\nوكان تنظيم داعش قد أطلق مساء أمس صواريخ على قضاء مخمور.", "IQ");
        Assert.Equal(2, events.Select(e => e.EventDate).Distinct().Count());
    }

    [Fact]
    public void Artillery_and_air_strikes_on_one_place_are_two_events()
    {
        var events = Counted("قصفت قوات الجيش الليبي مواقع المسلحين في الصابري بالمدفعية الثقيلة.\nوقصف سلاح الجو الليبي أهدافا في الصابري.", "LY");
        Assert.Contains(events, e => e.SubEventType == SubEventType.ShellingArtilleryMissileAttack);
        Assert.Contains(events, e => e.SubEventType == SubEventType.AirDroneStrike);
    }

    [Fact]
    public void The_area_is_the_last_town_told_not_its_locator()
    {
        var events = Counted("وقصفت طائرات التحالف الدولي مواقع لجبهة النصرة قرب بلدة أعزاز شمال حلب.\nوشنت جبهة النصرة هجوما في المنطقة الليلة الماضية على مقاتلي المعارضة.");
        var e = Assert.Single(events, e => e.SubEventType == SubEventType.ArmedClash);
        Assert.Equal("Azaz", e.Location?.Name);
    }

    [Fact]
    public void Takeover_whose_taker_is_a_pronoun_counts_the_actor_of_its_sentence()
    {
        var events = Counted("خطف تنظيم داعش عشرات المدنيين بعد استيلائه على مدينة تدمر.");
        Assert.Contains(events, e => e.SubEventType == SubEventType.NonStateActorOvertakesTerritory && e.Actor1?.Name == "Islamic State");
    }

    [Theory]
    [InlineData("أصيب مواطنان بجروح إثر سقوط مقذوف على منزل بمحافظة الحرث من داخل الأراضي اليمنية.", "SA")]
    [InlineData("أصيب ثلاثة أطفال جراء سقوط قذيفة هاون على مدرسة في حي الميدان بدمشق.", "SY")]
    [InlineData("تضررت عدة منازل بسقوط صاروخ على حي سكني في مدينة حلب.", "SY")]
    public void A_projectile_falling_on_a_place_is_shelling(string text, string country)
    {
        var e = Assert.Single(Counted(text, country));
        Assert.Equal(SubEventType.ShellingArtilleryMissileAttack, e.SubEventType);
    }

    [Theory]
    [InlineData("احتشد مئات الأهالي في ساحة مدينة حمص مطالبين بالإفراج عن أبنائهم.")]
    [InlineData("وقال المرصد إن الأهالي الغاضبين نظموا تجمعات في شوارع مدينة طرطوس وطالبوا بمحاسبة القاتل.")]
    [InlineData("تجمع المئات أمام مبنى المحافظة في مدينة السويداء تنديدا بانقطاع الكهرباء.")]
    public void A_gathering_with_a_demand_is_a_protest(string text)
    {
        var e = Assert.Single(Counted(text));
        Assert.Equal(SubEventType.PeacefulProtest, e.SubEventType);
    }

    [Theory]
    [InlineData("احتشد آلاف المشجعين في الملعب لمتابعة المباراة النهائية.")]
    [InlineData("احتشد الزوار على الكورنيش لمشاهدة الألعاب النارية في ليلة العيد.")]
    public void A_crowd_without_a_demand_is_no_protest(string text) => Assert.Empty(Counted(text));

    [Theory]
    [InlineData("عثرت الشرطة على جثتي رجلين مجهولي الهوية قضيا رميا بالرصاص قرب مدينة كركوك.")]
    [InlineData("وعثر الأهالي على جثث ثلاثة شبان مكبلي الأيدي وعليها آثار طلقات نارية في قضاء المدائن.")]
    public void Bodies_found_with_signs_of_violence_are_an_attack_by_an_unidentified_group(string text)
    {
        var e = Assert.Single(Counted(text, "IQ"));
        Assert.Equal(SubEventType.Attack, e.SubEventType);
        Assert.Equal("Unidentified Armed Group (Iraq)", e.Actor1?.Name);
        Assert.Equal("Civilians (Iraq)", e.Actor2?.Name);
    }

    [Fact]
    public void The_dual_of_bodies_counts_two_dead()
    {
        var e = Assert.Single(Counted("عثرت الشرطة على جثتين مجهولتي الهوية عليهما آثار طلقات نارية في مدينة كركوك.", "IQ"));
        Assert.Equal(2, e.Fatalities);
    }

    [Theory]
    [InlineData("عثرت فرق الدفاع المدني على جثة طفل غرق في بركة مياه قرب مدينة كركوك.")]
    [InlineData("لقي ستة أشخاص مصرعهم في بغداد، في حين تم العثور على جثتين مجهولتي الهوية في كركوك.")]
    public void Bodies_found_without_a_sign_of_violence_in_their_clause_are_no_attack(string text) => Assert.Empty(Counted(text, "IQ"));

    [Theory]
    [InlineData("وأعلنت قيادة عمليات بغداد أن 12 عنصرا من تنظيم داعش قتلوا في منطقة الكرمة.")]
    [InlineData("وأعلنت قيادة عمليات بغداد عن مقتل 17 داعشيا ضمن عمليات شرقي الفلوجة.")]
    public void Members_of_an_armed_group_killed_without_a_named_killer_fought_the_reporting_command(string text)
    {
        var e = Assert.Single(Counted(text, "IQ"));
        Assert.Equal(SubEventType.ArmedClash, e.SubEventType);
        Assert.Equal("Islamic State|Military Forces of Iraq (2014-)", string.Join('|', new[] { e.Actor1?.Name, e.Actor2?.Name }.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Attackers_carrying_explosive_belts_killed_while_attacking_forces_are_a_clash()
    {
        var e = Assert.Single(Counted("قتل خمسة أشخاص يحملون أحزمة ناسفة أثناء محاولتهم الهجوم على القوات الأمنية العراقية في الرمادي.", "IQ"));
        Assert.Equal(SubEventType.ArmedClash, e.SubEventType);
    }

    [Fact]
    public void Shells_among_small_arms_of_a_ground_attack_are_that_attack()
    {
        var e = Assert.Single(Counted("شن مسلحون من تنظيم داعش هجوما استهدف تجمعا للجيش العراقي في بيجي استخدموا فيه أسلحة متوسطة وقذائف هاون.", "IQ"));
        Assert.Equal(SubEventType.ArmedClash, e.SubEventType);
    }

    [Theory]
    [InlineData("قتل شخصان في انفجارعبوة ناسفة قرب محال تجارية في منطقة الكرادة وسط بغداد.", SubEventType.RemoteExplosiveLandmineIed)]
    [InlineData("أصيب ثلاثة مدنيين في انفجار عبوة ناسفة قرب سوق في بعقوبة.", SubEventType.RemoteExplosiveLandmineIed)]
    [InlineData("قتل عشرون مسلحا بانفجار سيارة مفخخة، يقودها انتحاري، استهدف مقرا في قضاء البعاج.", SubEventType.SuicideBomb)]
    public void A_bomb_explosion_is_an_event_by_itself(string text, SubEventType expected)
    {
        var e = Assert.Single(Counted(text, "IQ"));
        Assert.Equal(expected, e.SubEventType);
    }

    [Fact]
    public void A_word_after_its_own_noun_points_nowhere()
    {
        // "ذاتها" belongs to "المحافظة", "نفسه" to "اليوم": neither makes the next word a told event.
        var e = Assert.Single(Counted("وفي اليوم نفسه شنت طائرات النظام غارات على بلدة كفرنبل.", "SY"));
        Assert.Equal(SubEventType.AirDroneStrike, e.SubEventType);
    }

    [Fact]
    public void A_body_sentence_with_a_tag_line_on_its_line_is_no_title()
    {
        // Two opening sentences keep the story's incidents out of its lead (a lead's wide place summarises the body).
        var events = Counted("أفادت مصادر أمنية عراقية بوقوع حوادث متفرقة في البلاد اليوم.\nوقال مصدر إن الأوضاع هادئة في العاصمة.\nقتل شخص في هجوم شنه مسلحون مجهولون قرب حي واحد حزيران جنوبي مدينة كركوك.\nوعثرت الشرطة على جثتي رجلين قضيا رميا بالرصاص قرب الطريق الرابط بين كركوك وأربيل شمالي المدينة. سمات كركوك حوادث", "IQ");
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal("Unidentified Armed Group (Iraq)", e.Actor1?.Name));
    }

    [Theory]
    [InlineData("وأعلنت قيادة عمليات الأنبار أن 9 أشخاص يحملون أحزمة ناسفة قتلوا أثناء محاولتهم الهجوم على القوات الأمنية العراقية في الرمادي.", 9)]
    [InlineData("وأعلنت قيادة العمليات المشتركة أن 6 عناصر من تنظيم / داعش / قتلوا وجرح ثلاثة منهم في منطقة الكرمة.", 6)]
    [InlineData("وقال مصدر أمني إن شخصين قتلا وأصيب خمسة آخرون في انفجار عبوة ناسفة قرب سوق في بعقوبة.", 2)]
    public void A_death_verb_after_its_victims_takes_their_count(string text, int dead)
    {
        var e = Assert.Single(Counted(text, "IQ"));
        Assert.Equal(dead, e.Fatalities);
    }

    [Fact]
    public void A_targeting_verb_after_air_strikes_keeps_every_place_listed()
    {
        var events = Counted("وقالت مصادر محلية إن عشرات الغارات استهدفت مواقع الحوثيين في شدا والظاهر.", "YE");
        Assert.Equal(["Adh Dhaher", "Shada'a"], events.Select(e => e.Location?.Name ?? "").Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData("واصلت المقاومة الشعبية تقدمها إلى المدينة الخضراء في شمال عدن، بالإضافة إلى زنجبار عاصمة محافظة أبين.")]
    [InlineData("واصلت المقاومة الشعبية تقدمها إلى المدينة الخضراء في شمال عدن، فضلا عن زنجبار عاصمة محافظة أبين.")]
    public void A_place_added_by_bil_idafa_ila_is_one_more_place_of_the_event(string text) =>
        Assert.Contains(Counted(text, "YE"), e => e.Location?.Name == "Zinjibar");

    [Fact]
    public void A_bomb_whose_bombers_are_told_later_is_one_suicide_bombing()
    {
        var events = Counted("قتل عشرة جنود بتفجير سيارتين مفخختين استهدفتا ثكنات عسكرية في منطقة الثرثار.\nوقال مصدر أمني إن السيارتين كان يقودهما انتحاريان فجرا نفسيهما داخل الثكنات في منطقة الثرثار.", "IQ");
        var e = Assert.Single(events);
        Assert.Equal(SubEventType.SuicideBomb, e.SubEventType);
    }
}
