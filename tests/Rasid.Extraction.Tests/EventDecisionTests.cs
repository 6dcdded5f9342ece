using Rasid.Arabic.Text;
using Rasid.Core;
using Rasid.Extraction.Lexicons;

namespace Rasid.Extraction.Tests;

/// <summary>
/// Whether there is an event and what it is (issue #4, events found missed or spurious on unseen news): seized weapons,
/// raids and their dead, crimes described as a suspect's record, context sentences, keyword lines, a fight told twice.
/// Every sentence is written for these tests.
/// </summary>
public sealed class EventDecisionTests
{
    private static readonly ArabicEventExtractor Extractor = new();

    private static List<ConflictEvent> Counted(string text, string country = "IQ", string published = "2015-07-25") =>
        Extractor.Extract(new Document("t", text, DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture)) { CountryHint = country })
            .Where(e => e.Modality.Counts()).ToList();

    [Theory]
    [InlineData("أغرقت", TriggerClass.Attack)]
    [InlineData("أغرقت سفينة", TriggerClass.Attack)]
    [InlineData("إغراق زورق", TriggerClass.Attack)]
    [InlineData("طردوا", TriggerClass.Takeover)]
    [InlineData("صاروخين", TriggerClass.Shell)]
    [InlineData("قذيفتين", TriggerClass.Shell)]
    [InlineData("مفخختين", TriggerClass.Ied)]
    [InlineData("أثناء مواجهتهم", TriggerClass.Clash)]
    [InlineData("خلال مواجهتها", TriggerClass.Clash)]
    [InlineData("تحت طائلة الاعتقال", TriggerClass.Block)]
    [InlineData("للتنديد باختطاف", TriggerClass.Block)]
    [InlineData("يحتجز", TriggerClass.Block)]
    [InlineData("العمليات الإرهابية التي استهدفت", TriggerClass.Block)]
    public void Trigger_lexicon_knows_the_form(string words, TriggerClass expected)
    {
        Assert.True(TriggerLexicon.BuiltIn.Matcher.TryMatchAt(TextAnalyzer.Analyze(words), 0, out var m), words);
        Assert.Equal(expected, m.Value.Class);
    }

    [Theory]
    [InlineData("وضبطت القوات الأمنية في بغداد أمس عشرات العبوات الناسفة والسيارات المفخخة والأحزمة الناسفة.")]
    [InlineData("وتمكنت الشرطة في بغداد أمس من ضبط سيارتين مفخختين وحزام ناسف مع الانتحاري الذي تم اعتقاله.")]
    public void A_seized_list_of_explosives_is_no_bombing(string text)
    {
        var events = Counted(text);
        Assert.DoesNotContain(events, e => e.SubEventType.Parent() == EventType.ExplosionsRemoteViolence);
    }

    [Fact]
    public void Members_killed_while_confronting_a_raiding_force_are_a_fight_with_their_own_toll()
    {
        var events = Counted("وأكدت الوزارة أمس قتل أربعة مسلحين في بغداد أثناء مواجهتهم القوة الأمنية، وأضافت انه تم ضبط سيارتين مفخختين.");
        var clash = Assert.Single(events, e => e.SubEventType == SubEventType.ArmedClash);
        Assert.Equal(4, clash.Fatalities);
        Assert.DoesNotContain(events, e => e.SubEventType == SubEventType.DisruptedWeaponsUse && e.Fatalities > 0);
    }

    [Theory]
    [InlineData("نفذت الاستخبارات العراقية أمس عمليات اعتقال بحق 20 عنصرا من تنظيم داعش في بغداد.")]
    [InlineData("اعتقلت الشرطة أمس خمسة من عناصر داعش في بغداد.")]
    public void Police_and_intelligence_arrest_and_the_arrested_are_the_second_side(string text)
    {
        var arrest = Assert.Single(Counted(text), e => e.SubEventType == SubEventType.Arrests);
        Assert.StartsWith("Police Forces of Iraq", arrest.Actor1?.Name, StringComparison.Ordinal);
        Assert.Equal("Islamic State", arrest.Actor2?.Name);
    }

    [Theory]
    [InlineData("واعترف الموقوفون في بغداد أمس بمسؤوليتهم عن العمليات الإرهابية التي استهدفت المواطنين والأجهزة الأمنية.")]
    [InlineData("وطلب التنظيم من السكان في الموصل أمس العودة إلى منازلهم تحت طائلة الاعتقال.")]
    [InlineData("نظم العشرات في بغداد أمس وقفة للتنديد باختطاف ذويهم.")]
    [InlineData("يحتجز تنظيم داعش صحفيا أجنبيا في الموصل منذ أشهر.")]
    [InlineData("وقال إن جرائم التنظيم مستمرة منذ أن سيطر على الموصل.")]
    public void A_record_of_crimes_a_threat_a_grievance_or_a_state_of_affairs_is_no_incident(string text)
    {
        Assert.DoesNotContain(Counted(text), e => e.SubEventType is SubEventType.Attack or SubEventType.Arrests
            or SubEventType.AbductionForcedDisappearance or SubEventType.NonStateActorOvertakesTerritory);
    }

    [Theory]
    [InlineData("سيطرت القوات الحكومية أمس على مدينة الرمادي. وتأتي استعادة المدينة بعد أسابيع على تحرير مدينة تكريت بدعم من ضربات التحالف الدولي.", 1)]
    [InlineData("اندلعت اشتباكات عنيفة أمس في مدينة بيجي بين الجيش العراقي وتنظيم داعش. ويأتي ذلك بعد يومين من انطلاق معركة تحرير مدينة الفلوجة.", 1)]
    public void A_sentence_that_sets_the_news_in_context_tells_no_new_event(string text, int expected)
    {
        Assert.Equal(expected, Counted(text).Count);
    }

    [Fact]
    public void The_keyword_line_under_a_story_is_no_statement()
    {
        var events = Counted("قصفت طائرات التحالف الدولي أمس مواقع لتنظيم داعش في مدينة الرمادي. سمات تكريت داعش هجوم مسلح اشتباكات");
        Assert.DoesNotContain(events, e => e.SubEventType == SubEventType.ArmedClash);
        Assert.Single(events);
    }

    [Fact]
    public void One_fight_told_as_a_summary_then_in_detail_with_the_same_toll_is_one_event()
    {
        var events = Counted("قتل 9 مسلحين حوثيين أمس في كمين نصبته المقاومة الشعبية بمدينة رداع. وقالت مصادر إن المقاومة الشعبية نصبت كمينا "
            + "لدورية تابعة للحوثيين في جبل الثعالب قرب رداع مما أسفر عن مقتل 9 حوثيين.", "YE");
        Assert.Single(events, e => e.SubEventType == SubEventType.ArmedClash);
    }

    [Fact]
    public void Two_fights_with_different_tolls_stay_two_events()
    {
        var events = Counted("قتل 9 مسلحين حوثيين أمس في كمين نصبته المقاومة الشعبية بمدينة رداع. وفي مدينة البيضاء قتل 4 حوثيين "
            + "في اشتباكات مع المقاومة الشعبية.", "YE");
        Assert.Equal(2, events.Count(e => e.SubEventType == SubEventType.ArmedClash));
    }

    [Fact]
    public void Warplanes_sinking_a_ship_are_an_air_strike()
    {
        var events = Counted("قال متحدث عسكري إن طائرات حربية أغرقت، يوم الأحد، سفينة تحمل أسلحة قرب مدينة بنغازي.", "LY", "2015-07-20");
        Assert.Single(events, e => e.SubEventType == SubEventType.AirDroneStrike);
    }

    [Theory]
    [InlineData("وقال مصدر إن عبوة ناسفة انفجرت أمس في سوق شعبي وسط مدينة بعقوبة ما أدى إلى مقتل أربعة مدنيين.")]
    [InlineData("وقال مصدر أمني إن حصيلة تفجير السيارة المفخخة في مدينة بعقوبة ارتفعت أمس إلى 40 قتيلا وجريحا.")]
    public void A_bomb_whose_dead_are_told_as_its_result_or_its_toll_is_an_event(string text)
    {
        Assert.Single(Counted(text), e => e.SubEventType == SubEventType.RemoteExplosiveLandmineIed);
    }

    [Fact]
    public void What_an_air_force_destroys_it_destroys_in_an_air_strike()
    {
        var events = Counted("ودمر طيران التحالف العربي أمس دبابتين وأربع مركبات عسكرية للحوثيين قرب قاعدة العند في محافظة لحج.", "YE");
        var strike = Assert.Single(events, e => e.SubEventType == SubEventType.AirDroneStrike);
        Assert.Equal("Saudi-led coalition", strike.Actor1?.Name);
    }

    [Fact]
    public void Doubt_about_who_flew_the_planes_does_not_doubt_the_strike()
    {
        var events = Counted("وقال المرصد إن طائرات حربية يعتقد أنها تابعة للتحالف الدولي شنت أمس غارات على مواقع لتنظيم داعش في مدينة منبج.", "SY");
        Assert.Single(events, e => e.SubEventType == SubEventType.AirDroneStrike);
    }

    [Fact]
    public void A_strike_itself_in_doubt_stays_uncounted()
    {
        var events = Counted("ويعتقد أن طائرات حربية شنت أمس غارات على مواقع لتنظيم داعش في مدينة منبج.", "SY");
        Assert.DoesNotContain(events, e => e.SubEventType == SubEventType.AirDroneStrike);
    }

    [Fact]
    public void Fire_returned_on_the_source_of_shells_is_a_shelling_by_the_one_returning_it()
    {
        var events = Counted("وردت مدفعية القوات المسلحة السعودية أمس بقوة على مصدر تلك القذائف داخل محافظة صعدة.", "YE");
        var shelling = Assert.Single(events, e => e.SubEventType == SubEventType.ShellingArtilleryMissileAttack);
        Assert.StartsWith("Military Forces of Saudi Arabia", shelling.Actor1?.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Artillery_targeting_positions_is_a_shelling_not_a_clash()
    {
        var events = Counted("واستهدفت مدفعية القوات المسلحة السعودية أمس مواقع الحوثيين في محافظة صعدة.", "YE");
        Assert.Single(events, e => e.SubEventType == SubEventType.ShellingArtilleryMissileAttack);
        Assert.DoesNotContain(events, e => e.SubEventType == SubEventType.ArmedClash);
    }

    [Fact]
    public void A_short_line_cut_after_a_comma_is_body_text_not_a_headline()
    {
        var events = Counted("قذائف على جازان\n\nسقطت أمس قذائف أطلقها الحوثيون على أحياء في مدينة جازان.\n وردت مدفعية القوات المسلحة السعودية بقوة على مصدر القذائف داخل محافظة صعدة،\n"
            + " فيما شنت طائرات التحالف غارات على مواقع الحوثيين.", "SA");
        Assert.Contains(events, e => e.SubEventType == SubEventType.ShellingArtilleryMissileAttack && e.Location?.Admin1 == "Sadah");
    }

    [Fact]
    public void The_strikes_a_coalition_is_carrying_out_are_a_campaign_not_a_strike()
    {
        var events = Counted("وسيطرت المقاومة الشعبية أمس على مدينة لودر بمساندة ضربات جوية يشنها التحالف العربي.", "YE");
        Assert.DoesNotContain(events, e => e.SubEventType == SubEventType.AirDroneStrike);
        Assert.Single(events, e => e.SubEventType == SubEventType.GovernmentRegainsTerritory);
    }

    [Fact]
    public void Those_expelled_are_the_second_side_of_a_takeover()
    {
        var events = Counted("وقال مصدر إن المقاومة الشعبية طردت الحوثيين أمس من مدينة لودر.", "YE");
        var takeover = Assert.Single(events, e => e.SubEventType == SubEventType.GovernmentRegainsTerritory);
        Assert.Equal("Popular Resistance and Pro-Hadi forces", takeover.Actor1?.Name);
        Assert.Equal("Houthis and Saleh forces", takeover.Actor2?.Name);
    }

    [Fact]
    public void An_american_air_strike_names_its_striker_and_a_passive_singular_kill_is_one_death()
    {
        var events = Counted("وأكدت وزارة الدفاع أن القيادي في جماعة خراسان أبو عمر قتل في ضربة جوية أمريكية قرب بلدة سرمدا أمس.", "SY");
        var strike = Assert.Single(events, e => e.SubEventType == SubEventType.AirDroneStrike);
        Assert.Equal("Military Forces of the United States", strike.Actor1?.Name);
        Assert.Equal(1, strike.Fatalities);
    }

    [Fact]
    public void The_shelling_with_no_shooter_named_retells_the_air_strike_told_before_it()
    {
        var events = Counted("شن طيران التحالف العربي أمس غارات على مواقع الحوثيين في مدينة عتق. وقالت مصادر إن القصف أدى إلى مقتل عدد من الحوثيين في مدينة عتق.", "YE");
        Assert.Single(events);
        Assert.Equal(SubEventType.AirDroneStrike, events[0].SubEventType);
    }

    [Fact]
    public void A_shell_fired_from_inside_yemen_is_the_houthis_shelling()
    {
        var events = Counted("لقي مقيم مصرعه أمس إثر سقوط مقذوف عسكري من داخل الأراضي اليمنية على مزرعة في محافظة أحد المسارحة.", "SA");
        var shelling = Assert.Single(events, e => e.SubEventType == SubEventType.ShellingArtilleryMissileAttack);
        Assert.Equal("Houthis and Saleh forces", shelling.Actor1?.Name);
    }

    [Fact]
    public void Shells_fired_by_no_one_named_are_an_unidentified_groups()
    {
        var events = Counted("قتل 9 مدنيين أمس جراء سقوط قذائف هاون على منازل في ناحية هبهب.");
        var shelling = Assert.Single(events, e => e.SubEventType == SubEventType.ShellingArtilleryMissileAttack);
        Assert.StartsWith("Unidentified Armed Group", shelling.Actor1?.Name, StringComparison.Ordinal);
        Assert.StartsWith("Civilians", shelling.Actor2?.Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("قتل أربعة مدنيين أمس في مخيم درعا نتيجة القصف العنيف الذي تعرض له المخيم من مواقع قوات الأسد.", "Military Forces of Syria (2000-)")]
    [InlineData("أصيب عشرة أشخاص أمس جراء سقوط قذائف صاروخية على حي باب توما في دمشق مصدرها مواقع المعارضة المسلحة في حي جوبر.", "Opposition Rebels (Syria)")]
    public void An_armed_party_read_as_hit_by_a_shelling_nobody_else_fired_is_its_shooter(string text, string shooter)
    {
        var shelling = Assert.Single(Counted(text, "SY"), e => e.SubEventType == SubEventType.ShellingArtilleryMissileAttack);
        Assert.Equal(shooter, shelling.Actor1?.Name);
    }
}
