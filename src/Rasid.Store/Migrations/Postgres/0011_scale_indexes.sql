-- Rasid store, schema version 11 (PostgreSQL): what a million incidents showed to be slow (docs/benchmarks.md,
-- "PostgreSQL at one million"): full text, actor substrings, and counts over an expression index. Safe to apply again.
--
-- 1. Full text on the incidents themselves. A term was found through the documents' and evidence's GIN indexes and
--    joined back to incidents (every match, before the first page: 4.4 s for a term in 16 % of the documents). Now each
--    incident carries the lexemes of its mentions' documents and evidence (strip()ed: no positions, the filter needs
--    none), written by a trigger when the incident row is written — clustering, merge and split point the mentions at
--    the incident before they write its row, and an incident's mentions change only through such a rewrite — so a term
--    is one condition on incidents: the planner walks the date index checking it when the term is common, or reads its
--    GIN index when it is rare. One term matches exactly when the old plan did; several terms in different documents of
--    one incident match here but not there, so the store checks several terms against the documents and evidence too.
ALTER TABLE incidents ADD COLUMN IF NOT EXISTS search tsvector;

-- An SQL function is planned on every call, with the tables' sizes as they are then (≈ 0.3 ms per incident row
-- written): a PL/pgSQL one kept a plan made while events was nearly empty and read it whole for each row.
CREATE OR REPLACE FUNCTION incident_search_vector(p_incident text) RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT COALESCE(array_to_tsvector(array_agg(DISTINCT x.lexeme)), ''::tsvector)
    FROM (SELECT u.lexeme FROM events e JOIN documents d ON d.id = e.document_id, unnest(d.search) AS u
          WHERE e.incident_id = p_incident
          UNION ALL
          SELECT u.lexeme FROM events e JOIN evidence v ON v.event_id = e.event_id, unnest(v.search) AS u
          WHERE e.incident_id = p_incident) AS x
$$;

CREATE OR REPLACE FUNCTION incidents_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search := incident_search_vector(NEW.incident_id);
    RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS incidents_search ON incidents;
CREATE TRIGGER incidents_search BEFORE INSERT OR UPDATE OF incident_id ON incidents
    FOR EACH ROW EXECUTE FUNCTION incidents_search_trigger();

-- Incidents written before this migration (none when it runs again: every row then has its vector).
UPDATE incidents SET search = incident_search_vector(incident_id) WHERE search IS NULL;

CREATE INDEX IF NOT EXISTS ix_incidents_search ON incidents USING GIN (search);

-- 2. Actor substring (lower(actorN) LIKE '%…%' on four columns): trigram GIN indexes, one per column, so a rare name
--    is a bitmap of index matches instead of a read of every incident (a common one is still found faster by walking
--    the date index, which the planner chooses from the indexes' statistics). pg_trgm ships with PostgreSQL's contrib
--    modules (Debian: postgresql-contrib, installed with the server); without it the filter works as before, unindexed.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'pg_trgm is not available (%); actor substring filters stay unindexed (install postgresql-contrib)', SQLERRM;
END $$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE INDEX IF NOT EXISTS ix_incidents_actor1_trgm ON incidents USING GIN (lower(actor1) gin_trgm_ops);
        CREATE INDEX IF NOT EXISTS ix_incidents_actor2_trgm ON incidents USING GIN (lower(actor2) gin_trgm_ops);
        CREATE INDEX IF NOT EXISTS ix_incidents_assoc_actor_1_trgm ON incidents USING GIN (lower(assoc_actor_1) gin_trgm_ops);
        CREATE INDEX IF NOT EXISTS ix_incidents_assoc_actor_2_trgm ON incidents USING GIN (lower(assoc_actor_2) gin_trgm_ops);
    END IF;
END $$;

-- 3. Index-only reads of the filter indexes. PostgreSQL reads an expression index (lower(country_code), …) without
--    the table only when the column inside the expression is in the index too, so counting a country's incidents since
--    a year (173,000 index entries) read 65,000 table pages instead: 430 ms, 100 ms index-only. Each filter index
--    is built again with its column INCLUDEd (new names, so running this again builds nothing).
DROP INDEX IF EXISTS ix_incidents_country;
DROP INDEX IF EXISTS ix_incidents_country_name;
DROP INDEX IF EXISTS ix_incidents_admin1;
DROP INDEX IF EXISTS ix_incidents_event_type;
DROP INDEX IF EXISTS ix_incidents_sub_event_type;
CREATE INDEX IF NOT EXISTS ix_incidents_country_only ON incidents(lower(country_code), counted, event_date, fatalities) INCLUDE (country_code);
CREATE INDEX IF NOT EXISTS ix_incidents_country_name_only ON incidents(lower(country), counted, event_date, fatalities) INCLUDE (country);
CREATE INDEX IF NOT EXISTS ix_incidents_admin1_only ON incidents(lower(admin1), counted, event_date, fatalities) INCLUDE (admin1);
CREATE INDEX IF NOT EXISTS ix_incidents_event_type_only ON incidents(lower(event_type), counted, event_date, fatalities) INCLUDE (event_type);
CREATE INDEX IF NOT EXISTS ix_incidents_sub_event_type_only ON incidents(lower(sub_event_type), counted, event_date, fatalities) INCLUDE (sub_event_type);
