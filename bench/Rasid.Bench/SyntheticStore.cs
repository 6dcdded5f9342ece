using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Rasid.Core;
using Rasid.Store;
using Rasid.Store.Postgres;
using Rasid.Store.Sqlite;

namespace Rasid.Bench;

/// <summary>
/// Writes a synthetic store (a new SQLite file, or an empty PostgreSQL database) of N incidents fast, for query-latency runs at a scale the corpus does not reach
/// (issue 5: one million events). The schema is the store's own (created by <see cref="SqliteEventStore.Open"/> or
/// <see cref="PostgresEventStore.Open"/>, so by its migrations, whose triggers also keep the incident counts); rows go in
/// by batched direct inserts into every table a query reads — documents, events (one mention per incident), incidents,
/// evidence and the full-text indexes (FTS5 tables; tsvector columns on PostgreSQL) — with the bodies
/// <see cref="SearchTerms.IndexBody"/> computes, so full-text queries meet a realistic index.
/// </summary>
/// <remarks>
/// Distributions are skewed the way conflict data is, so indexes are exercised honestly: ten countries weighted from
/// Syria (30 %) to Saudi Arabia (1 %); admin1 units Zipf-like within a country, points jittered around each unit's
/// centre; event types by ACLED-like shares; actors by country (state forces, rebels, foreign forces, civilians,
/// protesters); dates over 2015–2024 with busier years; 88 % counted modalities; fatalities mostly zero with a long
/// tail; Arabic evidence sentences built from templates with the actors' and places' Arabic names; three incidents per
/// document. A fixed seed makes the store reproducible.
/// </remarks>
internal static partial class SyntheticStore
{
    private sealed record Place(string Admin1, string Arabic, double Lat, double Lon);

    private sealed record Country(string Code, string Name, double Weight, Place[] Places);

    private sealed record Actor(string Name, string Arabic, ActorType Type, string[] Countries);

    private static readonly Country[] Countries =
    [
        new("SY", "Syria", 30, [
            new("Aleppo", "حلب", 36.20, 37.15), new("Idleb", "إدلب", 35.93, 36.63), new("Rural Damascus", "ريف دمشق", 33.60, 36.50),
            new("Deir-ez-Zor", "دير الزور", 35.33, 40.14), new("Homs", "حمص", 34.73, 36.72), new("Hama", "حماة", 35.13, 36.75),
            new("Dar'a", "درعا", 32.62, 36.10), new("Ar-Raqqa", "الرقة", 35.95, 39.01), new("Al-Hasakeh", "الحسكة", 36.50, 40.75),
            new("Damascus", "دمشق", 33.51, 36.29), new("Lattakia", "اللاذقية", 35.52, 35.78)]),
        new("YE", "Yemen", 25, [
            new("Taizz", "تعز", 13.58, 44.02), new("Al Hudaydah", "الحديدة", 14.80, 42.95), new("Marib", "مأرب", 15.46, 45.32),
            new("Sadah", "صعدة", 16.94, 43.76), new("Amanat al Asimah", "صنعاء", 15.35, 44.20), new("Al Bayda", "البيضاء", 13.99, 45.57),
            new("Aden", "عدن", 12.80, 45.03), new("Lahij", "لحج", 13.06, 44.88), new("Abyan", "أبين", 13.20, 45.50), new("Al Jawf", "الجوف", 16.20, 44.80)]),
        new("IQ", "Iraq", 15, [
            new("Ninewa", "نينوى", 36.34, 43.13), new("Al-Anbar", "الأنبار", 33.42, 43.30), new("Baghdad", "بغداد", 33.31, 44.36),
            new("Salah al-Din", "صلاح الدين", 34.60, 43.68), new("Diyala", "ديالى", 33.75, 44.60), new("Kirkuk", "كركوك", 35.47, 44.39),
            new("Al-Basrah", "البصرة", 30.50, 47.80)]),
        new("LY", "Libya", 8, [
            new("Tripoli", "طرابلس", 32.89, 13.19), new("Benghazi", "بنغازي", 32.12, 20.07), new("Misrata", "مصراتة", 32.38, 15.09),
            new("Sirte", "سرت", 31.20, 16.59), new("Derna", "درنة", 32.76, 22.64), new("Sabha", "سبها", 27.04, 14.43)]),
        new("SD", "Sudan", 7, [
            new("Khartoum", "الخرطوم", 15.50, 32.56), new("North Darfur", "شمال دارفور", 13.63, 25.35), new("South Darfur", "جنوب دارفور", 12.05, 24.88),
            new("South Kordofan", "جنوب كردفان", 11.00, 29.70), new("Blue Nile", "النيل الأزرق", 11.80, 34.40)]),
        new("PS", "Palestine", 5, [new("Gaza Strip", "قطاع غزة", 31.50, 34.45), new("West Bank", "الضفة الغربية", 31.95, 35.20)]),
        new("LB", "Lebanon", 4, [
            new("South", "جنوب لبنان", 33.27, 35.20), new("Beirut", "بيروت", 33.89, 35.50), new("Baalbek-Hermel", "بعلبك", 34.00, 36.20),
            new("North", "طرابلس الشام", 34.43, 35.84)]),
        new("EG", "Egypt", 3, [new("North Sinai", "شمال سيناء", 31.13, 33.80), new("Cairo", "القاهرة", 30.04, 31.24), new("Giza", "الجيزة", 30.01, 31.21)]),
        new("SO", "Somalia", 2, [new("Banadir", "مقديشو", 2.04, 45.34), new("Lower Shabelle", "شبيلي السفلى", 1.90, 44.60)]),
        new("SA", "Saudi Arabia", 1, [new("Jazan", "جازان", 16.89, 42.55), new("Najran", "نجران", 17.49, 44.13), new("Asir", "عسير", 18.20, 42.50)]),
    ];

    private static readonly Actor[] Actors =
    [
        new("Military Forces of Syria (2000-)", "قوات النظام السوري", ActorType.StateForces, ["SY"]),
        new("Hayat Tahrir al-Sham", "هيئة تحرير الشام", ActorType.RebelGroup, ["SY"]),
        new("Syrian Democratic Forces", "قوات سوريا الديمقراطية", ActorType.RebelGroup, ["SY"]),
        new("Military Forces of Russia (2000-)", "الطيران الروسي", ActorType.ExternalOrOtherForces, ["SY"]),
        new("Islamic State (Iraq and the Levant)", "تنظيم الدولة", ActorType.RebelGroup, ["SY", "IQ", "LY", "EG"]),
        new("Houthi Movement", "جماعة الحوثي", ActorType.RebelGroup, ["YE", "SA"]),
        new("Military Forces of Yemen (2012-)", "القوات الحكومية اليمنية", ActorType.StateForces, ["YE"]),
        new("Saudi-led Coalition", "طيران التحالف", ActorType.ExternalOrOtherForces, ["YE"]),
        new("AQAP: Al Qaeda in the Arabian Peninsula", "تنظيم القاعدة", ActorType.RebelGroup, ["YE"]),
        new("Military Forces of Iraq (2014-)", "القوات العراقية", ActorType.StateForces, ["IQ"]),
        new("Popular Mobilization Forces", "الحشد الشعبي", ActorType.PoliticalMilitia, ["IQ"]),
        new("Libyan National Army", "الجيش الوطني الليبي", ActorType.RebelGroup, ["LY"]),
        new("Military Forces of Libya (2016-) Government of National Accord", "قوات حكومة الوفاق", ActorType.StateForces, ["LY"]),
        new("Rapid Support Forces", "قوات الدعم السريع", ActorType.RebelGroup, ["SD"]),
        new("Military Forces of Sudan (2019-)", "الجيش السوداني", ActorType.StateForces, ["SD"]),
        new("Military Forces of Israel (1948-)", "الجيش الإسرائيلي", ActorType.ExternalOrOtherForces, ["PS", "LB"]),
        new("Hamas Movement", "حركة حماس", ActorType.RebelGroup, ["PS"]),
        new("Hezbollah", "حزب الله", ActorType.PoliticalMilitia, ["LB"]),
        new("Al Shabaab", "حركة الشباب", ActorType.RebelGroup, ["SO"]),
        new("Military Forces of Somalia (2012-)", "الجيش الصومالي", ActorType.StateForces, ["SO"]),
        new("Military Forces of Egypt (2014-)", "الجيش المصري", ActorType.StateForces, ["EG"]),
        new("Military Forces of Saudi Arabia (2015-)", "القوات السعودية", ActorType.StateForces, ["SA"]),
    ];

    private static readonly (EventType Type, double Weight)[] TypeShares =
    [
        (EventType.ExplosionsRemoteViolence, 34), (EventType.Battles, 28), (EventType.ViolenceAgainstCivilians, 14),
        (EventType.Protests, 12), (EventType.StrategicDevelopments, 8), (EventType.Riots, 4),
    ];

    private static readonly (Modality Modality, double Weight)[] ModalityShares =
    [
        (Modality.Asserted, 70), (Modality.Reported, 14), (Modality.Claimed, 4), (Modality.Negated, 4),
        (Modality.Hypothetical, 2), (Modality.Speculative, 3), (Modality.Future, 3),
    ];

    private static readonly string[] Openers =
    [
        "قالت مصادر محلية إن", "أفاد ناشطون بأن", "ذكرت وكالة الأنباء أن", "أعلن مصدر عسكري أن", "أكد شهود عيان أن", "وبحسب المرصد فإن",
    ];

    private static readonly string[] Closers =
    [
        "صباح اليوم", "مساء أمس", "فجر اليوم", "في وقت متأخر من الليل", "وسط تحليق مكثف للطيران", "وفق ما نقلته وسائل إعلام محلية",
    ];

    public static int Run(string db, int events, int seed, TextWriter output)
    {
        bool postgres = PostgresEventStore.IsPostgres(db);
        if (!postgres && File.Exists(db))
        {
            throw new ArgumentException($"{db} exists; the synthetic store is written into a new file");
        }

        var clock = Stopwatch.StartNew();
        double cpu0 = CpuClock.Seconds();
        using (var store = postgres ? (IEventStore)PostgresEventStore.Open(db) : SqliteEventStore.Open(db))
        {
            // creates the schema through the store's migrations
            if (store.Stats().Documents > 0)
            {
                throw new ArgumentException($"{store.Location} is not empty; the synthetic store is written into an empty database");
            }
        }

        var random = new Random(seed);
        var countryPick = Cumulative(Countries.Select(c => c.Weight));
        var typePick = Cumulative(TypeShares.Select(t => t.Weight));
        var modalityPick = Cumulative(ModalityShares.Select(m => m.Weight));
        var actorsByCountry = Countries.ToDictionary(c => c.Code, c => Actors.Where(a => a.Countries.Contains(c.Code)).ToArray());
        var first = new DateOnly(2015, 1, 1);
        int days = new DateOnly(2024, 12, 31).DayNumber - first.DayNumber + 1;

        using DbConnection c = postgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresEventStore.ToConnectionString(db)) { CommandTimeout = 0 }.ToString())
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        c.Open();
        if (!postgres)
        {
            Exec(c, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;");
        }
        const int PerDocument = 3;
        const int PerTransaction = 30_000;
        var sb = new StringBuilder();
        string ingested = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture);
        int written = 0, doc = 0;
        if (postgres)
        {
            PostgresCopy.Prepare((NpgsqlConnection)c);
        }

        while (written < events)
        {
            using var tx = c.BeginTransaction();
            using IRows ins = postgres ? new PostgresCopy((NpgsqlConnection)c) : new Inserts(c, tx);
            int end = Math.Min(events, written + PerTransaction);
            while (written < end)
            {
                // One document reports up to three incidents of one country and month.
                var country = Countries[Pick(random, countryPick)];
                var published = first.AddDays(SkewedDay(random, days));
                string docId = $"synth-{doc:D7}";
                sb.Clear();
                var rows = new List<(ConflictEvent Event, string Sentence, int Start)>();
                for (int k = 0; k < PerDocument && written < end; k++, written++)
                {
                    var e = NewEvent(random, country, actorsByCountry[country.Code], typePick, modalityPick, published, docId, k);
                    if (sb.Length > 0)
                    {
                        sb.Append(' ');
                    }

                    int start = sb.Length;
                    sb.Append(e.Sentence);
                    rows.Add((e.Event, e.Sentence, start));
                }

                string text = sb.ToString();
                ins.Document(docId, Hash(text), published, country.Code, text, SearchTerms.IndexBody(text), rows.Count, ingested);
                foreach (var (e, sentence, start) in rows)
                {
                    var ev = e with { Evidence = [new Evidence(start, start + sentence.Length, sentence)] };
                    string json = JsonSerializer.Serialize(new[] { new { start, end = start + sentence.Length, text = sentence } });
                    ins.Event(ev, json);
                    ins.Evidence(ev.EventId, docId, start, start + sentence.Length, sentence, SearchTerms.IndexBody(sentence));
                    ins.Incident(ev, json, docId, random.NextDouble() < 0.03 ? "accepted" : random.NextDouble() < 0.01 ? "rejected" : "unreviewed", ingested);
                }

                doc++;
            }

            ins.Flush();
            tx.Commit();
            output.WriteLine($"synth: {written:N0} / {events:N0} events, {doc:N0} documents, {clock.Elapsed.TotalSeconds:F0} s");
        }

        if (postgres)
        {
            PostgresCopy.Finish((NpgsqlConnection)c, output);
        }

        // VACUUM as well on PostgreSQL: index-only scans (counts, the per-country timeline, deep pages) need the visibility
        // map that autovacuum would have set by the time a real store holds a million incidents.
        Exec(c, null, postgres ? "VACUUM (ANALYZE)" : "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE; PRAGMA optimize;");
        var size = postgres
            ? Convert.ToInt64(Scalar(c, "SELECT pg_database_size(current_database())"), CultureInfo.InvariantCulture)
            : new FileInfo(db).Length;
        output.WriteLine($"synth: wrote {(postgres ? "the PostgreSQL database" : db)}: {written:N0} incidents (one mention each), {doc:N0} documents, {size / 1e6:F0} MB in " +
                         $"{clock.Elapsed.TotalSeconds:F0} s wall, {CpuClock.Seconds() - cpu0:F0} s CPU");
        return 0;
    }

    private static (ConflictEvent Event, string Sentence) NewEvent(
        Random random, Country country, Actor[] actors, double[] typePick, double[] modalityPick, DateOnly published, string docId, int k)
    {
        // Zipf-like admin1: the first units of a country are the busiest.
        int placeIndex = Math.Min(country.Places.Length - 1, (int)(country.Places.Length * Math.Pow(random.NextDouble(), 2.2)));
        var place = country.Places[placeIndex];
        var type = TypeShares[Pick(random, typePick)].Type;
        var subs = AcledTaxonomy.SubTypesOf(type).ToArray();
        var sub = subs[Math.Min(subs.Length - 1, (int)(subs.Length * Math.Pow(random.NextDouble(), 1.8)))];
        var modality = ModalityShares[Pick(random, modalityPick)].Modality;
        var date = published.AddDays(-(int)Math.Min(3, -Math.Log(1 - random.NextDouble()) * 0.7));
        var a1 = actors[random.Next(actors.Length)];
        var a2 = type is EventType.Battles ? actors.Where(a => a != a1).ElementAtOrDefault(random.Next(Math.Max(1, actors.Length - 1))) : null;
        EventActor? actor1, actor2;
        string sentence;
        int fatalities = random.NextDouble() < 0.55 ? 0 : (int)Math.Min(500, Math.Floor(-Math.Log(1 - random.NextDouble()) * 6) + 1);
        switch (type)
        {
            case EventType.Protests:
                actor1 = new EventActor($"Protesters ({country.Name})", ActorType.Protesters);
                actor2 = sub == SubEventType.PeacefulProtest ? null : new EventActor(a1.Name, a1.Type);
                sentence = $"تظاهر المئات في {place.Arabic} احتجاجا على تردي الأوضاع المعيشية";
                fatalities = sub == SubEventType.ExcessiveForceAgainstProtesters ? fatalities : 0;
                break;
            case EventType.Riots:
                actor1 = new EventActor($"Rioters ({country.Name})", ActorType.Rioters);
                actor2 = null;
                sentence = $"اندلعت أعمال شغب في {place.Arabic} وأحرق محتجون إطارات";
                break;
            case EventType.ViolenceAgainstCivilians:
                actor1 = new EventActor(a1.Name, a1.Type);
                actor2 = new EventActor($"Civilians ({country.Name})", ActorType.Civilians);
                sentence = $"مقتل {fatalities} مدنيين برصاص {a1.Arabic} في {place.Arabic}";
                break;
            case EventType.ExplosionsRemoteViolence:
                actor1 = new EventActor(a1.Name, a1.Type);
                actor2 = random.NextDouble() < 0.5 ? new EventActor($"Civilians ({country.Name})", ActorType.Civilians) : null;
                sentence = sub == SubEventType.AirDroneStrike
                    ? $"شن {a1.Arabic} غارات جوية على {place.Arabic} أسفرت عن سقوط {fatalities} قتلى"
                    : $"قصف {a1.Arabic} بالمدفعية أحياء في {place.Arabic} ما أدى إلى مقتل {fatalities} أشخاص";
                break;
            case EventType.Battles:
                actor1 = new EventActor(a1.Name, a1.Type);
                actor2 = a2 is null ? null : new EventActor(a2.Name, a2.Type);
                sentence = $"اشتباكات عنيفة بين {a1.Arabic} و{a2?.Arabic ?? "مسلحين مجهولين"} في محيط {place.Arabic}";
                break;
            default:
                actor1 = new EventActor(a1.Name, a1.Type);
                actor2 = null;
                sentence = $"أعلن {a1.Arabic} سيطرته على مواقع في {place.Arabic}";
                fatalities = 0;
                break;
        }

        sentence = $"{Openers[random.Next(Openers.Length)]} {sentence} {Closers[random.Next(Closers.Length)]}.";
        double jitter() => (random.NextDouble() - 0.5) * 0.6;
        var ev = new ConflictEvent
        {
            EventId = $"{docId}-e{k}",
            DocumentId = docId,
            EventDate = date,
            TimePrecision = random.NextDouble() < 0.85 ? TimePrecision.Day : TimePrecision.Week,
            SubEventType = sub,
            Actor1 = actor1,
            Actor2 = actor2,
            Location = new EventLocation
            {
                CountryCode = country.Code,
                Country = country.Name,
                Admin1 = place.Admin1,
                Name = place.Admin1,
                NameArabic = place.Arabic,
                Latitude = Math.Round(place.Lat + jitter(), 4),
                Longitude = Math.Round(place.Lon + jitter(), 4),
                Precision = random.NextDouble() < 0.7 ? GeoPrecision.Town : GeoPrecision.Province,
            },
            Fatalities = fatalities,
            Modality = modality,
            Notes = $"On {date:yyyy-MM-dd}, {actor1?.Name} ({type.Name()}) in {place.Admin1}, {country.Name}; {fatalities} fatalities.",
            Confidence = Math.Round(0.5 + random.NextDouble() * 0.5, 2),
            Source = "Synthetic",
        };
        return (ev, sentence);
    }

    /// <summary>A day index over the period: half uniform, half bunched in the middle years (a war's peak).</summary>
    private static int SkewedDay(Random random, int days)
    {
        double x = random.NextDouble() < 0.5 ? random.NextDouble() : (random.NextDouble() + random.NextDouble() + random.NextDouble()) / 3;
        return Math.Clamp((int)(x * days), 0, days - 1);
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var list = weights.ToArray();
        double total = list.Sum(), run = 0;
        return list.Select(w => run += w / total).ToArray();
    }

    private static int Pick(Random random, double[] cumulative)
    {
        double x = random.NextDouble();
        int i = Array.FindIndex(cumulative, c => x < c);
        return i < 0 ? cumulative.Length - 1 : i;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static object? Scalar(DbConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        return cmd.ExecuteScalar();
    }

    private static void Exec(DbConnection c, DbTransaction? tx, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0; // a transaction's rows, the final VACUUM: minutes on a loaded machine
        cmd.ExecuteNonQuery();
    }

    /// <summary>The rows of one transaction of the synthetic store, written in the store's own tables.</summary>
    private interface IRows : IDisposable
    {
        void Document(string id, string hash, DateOnly published, string country, string text, string body, int count, string now);

        void Event(ConflictEvent e, string evidence);

        void Evidence(string eventId, string documentId, int start, int end, string text, string body);

        void Incident(ConflictEvent e, string evidence, string documentId, string review, string now);

        /// <summary>Writes what is still buffered (before the transaction commits).</summary>
        void Flush();
    }

    /// <summary>
    /// SQLite: inserts into the store's tables, one command each, reused for every row of a transaction; the full-text
    /// bodies go into the FTS5 tables.
    /// </summary>
    private sealed class Inserts : IRows
    {
        internal const string Columns =
            "event_date, event_date_end, time_precision, event_type, sub_event_type, actor1, inter1, assoc_actor_1, assoc_inter_1, " +
            "actor2, inter2, assoc_actor_2, assoc_inter_2, country_code, country, admin1, admin2, admin3, location, location_ar, " +
            "latitude, longitude, geo_precision, fatalities, fatalities_low, fatalities_high, modality, counted, notes, confidence, source";

        private readonly DbCommand _document, _event, _incident, _evidence;
        private readonly DbCommand _documentsFts, _evidenceFts;

        public Inserts(DbConnection c, DbTransaction tx)
        {
            string values = string.Join(", ", Columns.Split(", ").Select(n => "@" + n));
            _document = Command(c, tx, """
                  INSERT INTO documents(id, content_hash, source, published, country_hint, text, status, event_count, ingested_at)
                  VALUES (@id, @hash, 'Synthetic', @published, @country, @text, 'extracted', @count, @now) RETURNING doc_key
                  """);
            _event = Command(c, tx, $"INSERT INTO events(event_id, document_id, incident_id, {Columns}, evidence, place_candidates) VALUES (@event_id, @document_id, @event_id, {values}, @evidence, '[]')");
            _incident = Command(c, tx, $"""
                INSERT INTO incidents(incident_id, {Columns}, interaction, evidence, place_candidates, primary_document_id, document_ids, source_count, review_state, updated_at)
                VALUES (@event_id, {values}, @interaction, @evidence, '[]', @document_id, @docs, 1, @review, @now)
                """);
            _evidence = Command(c, tx, "INSERT INTO evidence(event_id, document_id, start_offset, end_offset, text) VALUES (@e, @d, @s, @t, @x) RETURNING evidence_key");
            _documentsFts = Command(c, tx, "INSERT INTO documents_fts(rowid, body) VALUES (@r, @b)");
            _evidenceFts = Command(c, tx, "INSERT INTO evidence_fts(rowid, body) VALUES (@r, @b)");
        }

        private static DbCommand Command(DbConnection c, DbTransaction tx, string sql)
        {
            var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            return cmd;
        }

        private static void Set(DbCommand cmd, string name, object? value)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }

        public void Document(string id, string hash, DateOnly published, string country, string text, string body, int count, string now)
        {
            var cmd = _document;
            cmd.Parameters.Clear();
            Set(cmd, "@id", id);
            Set(cmd, "@hash", hash);
            Set(cmd, "@published", published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Set(cmd, "@country", country);
            Set(cmd, "@text", text);
            Set(cmd, "@count", count);
            Set(cmd, "@now", now);
            long key = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
            Fts(_documentsFts, key, body);
        }

        private static void Fts(DbCommand cmd, long key, string body)
        {
            cmd.Parameters.Clear();
            Set(cmd, "@r", key);
            Set(cmd, "@b", body);
            cmd.ExecuteNonQuery();
        }

        public void Evidence(string eventId, string documentId, int start, int end, string text, string body)
        {
            var cmd = _evidence;
            cmd.Parameters.Clear();
            Set(cmd, "@e", eventId);
            Set(cmd, "@d", documentId);
            Set(cmd, "@s", start);
            Set(cmd, "@t", end);
            Set(cmd, "@x", text);
            long key = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
            Fts(_evidenceFts, key, body);
        }

        public void Event(ConflictEvent e, string evidence)
        {
            var cmd = _event;
            cmd.Parameters.Clear();
            BindEvent(cmd, e);
            Set(cmd, "@evidence", evidence);
            cmd.ExecuteNonQuery();
        }

        public void Incident(ConflictEvent e, string evidence, string documentId, string review, string now)
        {
            var cmd = _incident;
            cmd.Parameters.Clear();
            BindEvent(cmd, e);
            Set(cmd, "@interaction", e.Interaction);
            Set(cmd, "@evidence", evidence);
            Set(cmd, "@docs", $"[\"{documentId}\"]");
            Set(cmd, "@review", review);
            Set(cmd, "@now", now);
            cmd.ExecuteNonQuery();
        }

        private static void BindEvent(DbCommand cmd, ConflictEvent e)
        {
            var l = e.Location!;
            Set(cmd, "@event_id", e.EventId);
            Set(cmd, "@document_id", e.DocumentId);
            Set(cmd, "@event_date", e.EventDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Set(cmd, "@event_date_end", null);
            Set(cmd, "@time_precision", (int)e.TimePrecision);
            Set(cmd, "@event_type", e.EventType.Name());
            Set(cmd, "@sub_event_type", e.SubEventType.Name());
            Set(cmd, "@actor1", e.Actor1?.Name);
            Set(cmd, "@inter1", (int)(e.Actor1?.Type ?? ActorType.None));
            Set(cmd, "@assoc_actor_1", null);
            Set(cmd, "@assoc_inter_1", 0);
            Set(cmd, "@actor2", e.Actor2?.Name);
            Set(cmd, "@inter2", (int)(e.Actor2?.Type ?? ActorType.None));
            Set(cmd, "@assoc_actor_2", null);
            Set(cmd, "@assoc_inter_2", 0);
            Set(cmd, "@country_code", l.CountryCode);
            Set(cmd, "@country", l.Country);
            Set(cmd, "@admin1", l.Admin1);
            Set(cmd, "@admin2", null);
            Set(cmd, "@admin3", null);
            Set(cmd, "@location", l.Name);
            Set(cmd, "@location_ar", l.NameArabic);
            Set(cmd, "@latitude", l.Latitude);
            Set(cmd, "@longitude", l.Longitude);
            Set(cmd, "@geo_precision", (int)l.Precision);
            Set(cmd, "@fatalities", e.Fatalities);
            Set(cmd, "@fatalities_low", null);
            Set(cmd, "@fatalities_high", null);
            Set(cmd, "@modality", e.Modality.ToWireName());
            Set(cmd, "@counted", e.Modality.Counts() ? 1 : 0);
            Set(cmd, "@notes", e.Notes);
            Set(cmd, "@confidence", e.Confidence);
            Set(cmd, "@source", e.Source);
        }

        public void Dispose()
        {
            _document.Dispose();
            _event.Dispose();
            _incident.Dispose();
            _evidence.Dispose();
            _documentsFts.Dispose();
            _evidenceFts.Dispose();
        }

        public void Flush()
        {
        }
    }
}
