using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Rasid.Core;

namespace Rasid.Bench;

internal static partial class SyntheticStore
{
    /// <summary>
    /// PostgreSQL: the rows of one transaction go in by binary COPY (Npgsql's binary import) instead of one INSERT each —
    /// row-by-row inserts wrote about 30,000 incidents per 10 minutes, too slow for a million. Documents and evidence are
    /// copied into session staging tables and moved with one INSERT … SELECT that computes their tsvector with
    /// <c>to_tsvector('simple', body)</c>, as the old writer did. Incidents too, so that the per-row counts trigger (off
    /// while the store is built) is replaced by one grouped increment of <c>incident_day_counts</c> and
    /// <c>incident_facet_counts</c> per transaction; <see cref="Finish"/> turns the trigger back on and checks both tables
    /// equal a GROUP BY over all incidents, so the store is the one the triggers would have kept. The incidents' search
    /// vectors (migration 0011) are computed in the same INSERT, planned once, instead of by the per-row trigger (planned on
    /// every row); a sample is compared with the trigger's function at the end. Other triggers run as for ingest.
    /// </summary>
    private sealed class PostgresCopy(NpgsqlConnection c) : IRows
    {
        private const string IncidentCopyColumns =
            $"incident_id, {Inserts.Columns}, interaction, evidence, place_candidates, primary_document_id, document_ids, source_count, review_state, updated_at";

        private readonly List<(string Id, string Hash, string Published, string Country, string Text, int Count, string Now, string Body)> _documents = [];
        private readonly List<(ConflictEvent Event, string Evidence)> _events = [];
        private readonly List<(string EventId, string DocumentId, int Start, int End, string Text, string Body)> _evidence = [];
        private readonly List<(ConflictEvent Event, string Evidence, string DocumentId, string Review, string Now)> _incidents = [];

        /// <summary>Creates the session's staging tables and turns the per-row counts trigger off while the store is built.</summary>
        public static void Prepare(NpgsqlConnection c) => Exec(c, null, $"""
            CREATE TEMP TABLE synth_documents (id text, content_hash text, published text, country_hint text, text text, event_count int, ingested_at text, body text);
            CREATE TEMP TABLE synth_evidence (event_id text, document_id text, start_offset int, end_offset int, text text, body text);
            CREATE TEMP TABLE synth_incidents AS SELECT {IncidentCopyColumns} FROM incidents WITH NO DATA;
            ALTER TABLE incidents DISABLE TRIGGER incidents_counts;
            ALTER TABLE incidents DISABLE TRIGGER incidents_search;
            """);

        /// <summary>Turns the counts trigger back on and checks the counts tables against a GROUP BY over every incident.</summary>
        public static void Finish(NpgsqlConnection c, TextWriter output)
        {
            Exec(c, null, "ALTER TABLE incidents ENABLE TRIGGER incidents_counts; ALTER TABLE incidents ENABLE TRIGGER incidents_search");
            // The search vectors were computed in bulk (Flush); a sample of incidents must hold what the trigger computes.
            long searchDiff = Convert.ToInt64(Scalar(c, """
                SELECT COUNT(*) FROM (SELECT incident_id, search FROM incidents TABLESAMPLE SYSTEM (0.2) REPEATABLE (5)) s
                WHERE s.search IS DISTINCT FROM incident_search_vector(s.incident_id)
                """), CultureInfo.InvariantCulture);
            if (searchDiff != 0)
            {
                throw new InvalidOperationException($"{searchDiff} sampled incidents' search vectors differ from what the trigger computes");
            }

            long dayDiff = Convert.ToInt64(Scalar(c, """
                SELECT COUNT(*) FROM (
                    (SELECT counted, event_date, modality, incidents, fatalities FROM incident_day_counts
                     EXCEPT SELECT counted, event_date, modality, COUNT(*), SUM(fatalities) FROM incidents GROUP BY 1, 2, 3)
                    UNION ALL
                    (SELECT counted, event_date, modality, COUNT(*), SUM(fatalities) FROM incidents GROUP BY 1, 2, 3
                     EXCEPT SELECT counted, event_date, modality, incidents, fatalities FROM incident_day_counts)) d
                """), CultureInfo.InvariantCulture);
            long facetDiff = Convert.ToInt64(Scalar(c, $"""
                WITH expected AS ({FacetIncrements("incidents")})
                SELECT COUNT(*) FROM (
                    (SELECT facet, counted, month, country_code, country, modality, value, incidents FROM incident_facet_counts EXCEPT SELECT * FROM expected)
                    UNION ALL
                    (SELECT * FROM expected EXCEPT SELECT facet, counted, month, country_code, country, modality, value, incidents FROM incident_facet_counts)) d
                """), CultureInfo.InvariantCulture);
            // Kept by its trigger while the store was written (one row per country and day: no row is updated often).
            long countryDayDiff = Convert.ToInt64(Scalar(c, """
                SELECT COUNT(*) FROM (
                    (SELECT counted, country_code, country, event_date, modality, incidents, fatalities FROM incident_country_day_counts
                     EXCEPT SELECT counted, COALESCE(country_code, ''), COALESCE(country, ''), event_date, modality, COUNT(*), SUM(fatalities) FROM incidents GROUP BY 1, 2, 3, 4, 5)
                    UNION ALL
                    (SELECT counted, COALESCE(country_code, ''), COALESCE(country, ''), event_date, modality, COUNT(*), SUM(fatalities) FROM incidents GROUP BY 1, 2, 3, 4, 5
                     EXCEPT SELECT counted, country_code, country, event_date, modality, incidents, fatalities FROM incident_country_day_counts)) d
                """), CultureInfo.InvariantCulture);
            if (dayDiff != 0 || facetDiff != 0 || countryDayDiff != 0)
            {
                throw new InvalidOperationException(
                    $"the counts tables differ from a GROUP BY over the incidents ({dayDiff} day rows, {facetDiff} facet rows, {countryDayDiff} country-day rows)");
            }

            output.WriteLine("synth: incident_day_counts, incident_facet_counts and incident_country_day_counts equal a GROUP BY over every incident");
        }

        /// <summary>
        /// The facet counts of the incidents in <paramref name="table"/>, per month and over all time (month ''), as the
        /// counts migration computes them and the trigger keeps them (an empty or NULL value is not counted).
        /// </summary>
        private static string FacetIncrements(string table) => $"""
            SELECT x.f AS facet, i.counted, p.month, COALESCE(i.country_code, '') AS country_code, COALESCE(i.country, '') AS country,
                   i.modality, x.v AS value, COUNT(*)::bigint AS incidents
            FROM {table} i
            CROSS JOIN LATERAL (VALUES ('country', COALESCE(i.country, i.country_code)), ('admin1', i.admin1), ('event_type', i.event_type),
                                       ('sub_event_type', i.sub_event_type), ('actor', i.actor1), ('actor', i.actor2)) AS x(f, v)
            CROSS JOIN LATERAL (VALUES (''), (substr(i.event_date, 1, 7))) AS p(month)
            WHERE x.v <> ''
            GROUP BY 1, 2, 3, 4, 5, 6, 7
            """;

        public void Document(string id, string hash, DateOnly published, string country, string text, string body, int count, string now) =>
            _documents.Add((id, hash, published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), country, text, count, now, body));

        public void Event(ConflictEvent e, string evidence) => _events.Add((e, evidence));

        public void Evidence(string eventId, string documentId, int start, int end, string text, string body) =>
            _evidence.Add((eventId, documentId, start, end, text, body));

        public void Incident(ConflictEvent e, string evidence, string documentId, string review, string now) =>
            _incidents.Add((e, evidence, documentId, review, now));

        /// <summary>Copies the buffered rows in foreign-key order (documents, events, evidence, incidents) into the open transaction.</summary>
        public void Flush()
        {
            using (var w = c.BeginBinaryImport("COPY synth_documents FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var d in _documents)
                {
                    w.StartRow();
                    w.Write(d.Id, NpgsqlDbType.Text);
                    w.Write(d.Hash, NpgsqlDbType.Text);
                    w.Write(d.Published, NpgsqlDbType.Text);
                    w.Write(d.Country, NpgsqlDbType.Text);
                    w.Write(d.Text, NpgsqlDbType.Text);
                    w.Write(d.Count, NpgsqlDbType.Integer);
                    w.Write(d.Now, NpgsqlDbType.Text);
                    w.Write(d.Body, NpgsqlDbType.Text);
                }

                w.Complete();
            }

            Exec(c, null, """
                INSERT INTO documents(id, content_hash, source, published, country_hint, text, status, event_count, ingested_at, search)
                SELECT id, content_hash, 'Synthetic', published, country_hint, text, 'extracted', event_count, ingested_at, to_tsvector('simple', body)
                FROM synth_documents ORDER BY id;
                TRUNCATE synth_documents;
                """);

            using (var w = c.BeginBinaryImport($"COPY events(event_id, document_id, incident_id, {Inserts.Columns}, evidence, place_candidates) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (e, evidence) in _events)
                {
                    w.StartRow();
                    w.Write(e.EventId, NpgsqlDbType.Text);
                    w.Write(e.DocumentId, NpgsqlDbType.Text);
                    w.Write(e.EventId, NpgsqlDbType.Text);
                    WriteEventColumns(w, e);
                    w.Write(evidence, NpgsqlDbType.Text);
                    w.Write("[]", NpgsqlDbType.Text);
                }

                w.Complete();
            }

            using (var w = c.BeginBinaryImport("COPY synth_evidence FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var v in _evidence)
                {
                    w.StartRow();
                    w.Write(v.EventId, NpgsqlDbType.Text);
                    w.Write(v.DocumentId, NpgsqlDbType.Text);
                    w.Write(v.Start, NpgsqlDbType.Integer);
                    w.Write(v.End, NpgsqlDbType.Integer);
                    w.Write(v.Text, NpgsqlDbType.Text);
                    w.Write(v.Body, NpgsqlDbType.Text);
                }

                w.Complete();
            }

            Exec(c, null, """
                INSERT INTO evidence(event_id, document_id, start_offset, end_offset, text, search)
                SELECT event_id, document_id, start_offset, end_offset, text, to_tsvector('simple', body) FROM synth_evidence ORDER BY event_id;
                TRUNCATE synth_evidence;
                """);

            using (var w = c.BeginBinaryImport($"COPY synth_incidents({IncidentCopyColumns}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (e, evidence, documentId, review, now) in _incidents)
                {
                    w.StartRow();
                    w.Write(e.EventId, NpgsqlDbType.Text);
                    WriteEventColumns(w, e);
                    w.Write(e.Interaction, NpgsqlDbType.Integer);
                    w.Write(evidence, NpgsqlDbType.Text);
                    w.Write("[]", NpgsqlDbType.Text);
                    w.Write(documentId, NpgsqlDbType.Text);
                    w.Write($"[\"{documentId}\"]", NpgsqlDbType.Text);
                    w.Write(1, NpgsqlDbType.Integer);
                    w.Write(review, NpgsqlDbType.Text);
                    w.Write(now, NpgsqlDbType.Text);
                }

                w.Complete();
            }

            // Statistics for the rows just copied: planned without them (a new store), the INSERT below read events whole
            // for each incident.
            Exec(c, null, $"""
                ANALYZE events, documents, evidence, synth_incidents;
                INSERT INTO incidents({IncidentCopyColumns}, search)
                SELECT {IncidentCopyColumns},
                       (SELECT COALESCE(array_to_tsvector(array_agg(DISTINCT x.lexeme)), ''::tsvector)
                        FROM (SELECT u.lexeme FROM events e JOIN documents d ON d.id = e.document_id, unnest(d.search) AS u
                              WHERE e.incident_id = s.incident_id
                              UNION ALL
                              SELECT u.lexeme FROM events e JOIN evidence v ON v.event_id = e.event_id, unnest(v.search) AS u
                              WHERE e.incident_id = s.incident_id) AS x)
                FROM synth_incidents s;
                INSERT INTO incident_day_counts AS t (counted, event_date, modality, incidents, fatalities)
                SELECT counted, event_date, modality, COUNT(*), SUM(fatalities) FROM synth_incidents GROUP BY 1, 2, 3
                ON CONFLICT (counted, event_date, modality) DO UPDATE
                    SET incidents = t.incidents + excluded.incidents, fatalities = t.fatalities + excluded.fatalities;
                INSERT INTO incident_facet_counts AS t (facet, counted, month, country_code, country, modality, value, incidents)
                {FacetIncrements("synth_incidents")}
                ON CONFLICT (facet, counted, month, country_code, country, modality, value) DO UPDATE SET incidents = t.incidents + excluded.incidents;
                TRUNCATE synth_incidents;
                """);
            _documents.Clear();
            _events.Clear();
            _evidence.Clear();
            _incidents.Clear();
        }

        /// <summary>The event columns (<see cref="Inserts.Columns"/>) in order, with the values <c>Inserts.BindEvent</c> gives them.</summary>
        private static void WriteEventColumns(NpgsqlBinaryImporter w, ConflictEvent e)
        {
            var l = e.Location!;
            w.Write(e.EventDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), NpgsqlDbType.Text);
            w.WriteNull();
            w.Write((int)e.TimePrecision, NpgsqlDbType.Integer);
            w.Write(e.EventType.Name(), NpgsqlDbType.Text);
            w.Write(e.SubEventType.Name(), NpgsqlDbType.Text);
            Text(w, e.Actor1?.Name);
            w.Write((int)(e.Actor1?.Type ?? ActorType.None), NpgsqlDbType.Integer);
            w.WriteNull();
            w.Write(0, NpgsqlDbType.Integer);
            Text(w, e.Actor2?.Name);
            w.Write((int)(e.Actor2?.Type ?? ActorType.None), NpgsqlDbType.Integer);
            w.WriteNull();
            w.Write(0, NpgsqlDbType.Integer);
            Text(w, l.CountryCode);
            Text(w, l.Country);
            Text(w, l.Admin1);
            w.WriteNull();
            w.WriteNull();
            Text(w, l.Name);
            Text(w, l.NameArabic);
            w.Write(l.Latitude, NpgsqlDbType.Double);
            w.Write(l.Longitude, NpgsqlDbType.Double);
            w.Write((int)l.Precision, NpgsqlDbType.Integer);
            w.Write(e.Fatalities, NpgsqlDbType.Integer);
            w.WriteNull();
            w.WriteNull();
            w.Write(e.Modality.ToWireName(), NpgsqlDbType.Text);
            w.Write(e.Modality.Counts() ? 1 : 0, NpgsqlDbType.Integer);
            Text(w, e.Notes);
            w.Write(e.Confidence, NpgsqlDbType.Double);
            Text(w, e.Source);
        }

        private static void Text(NpgsqlBinaryImporter w, string? value)
        {
            if (value is null)
            {
                w.WriteNull();
            }
            else
            {
                w.Write(value, NpgsqlDbType.Text);
            }
        }

        public void Dispose()
        {
        }
    }
}
