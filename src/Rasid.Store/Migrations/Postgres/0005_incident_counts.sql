-- Rasid store, schema version 5 (PostgreSQL): incident counts maintained on write, so the dashboard's unfiltered and coarse
-- views (facets, timeline, count) read a few thousand summary rows instead of a million incidents (docs/benchmarks.md).
-- Triggers on incidents keep them in the same transaction as every incident write (clustering, review edits, merge,
-- split), so they cannot drift from the incidents table; RelationalEventStore.Aggregates reads them only for the filters
-- they answer exactly (dates — whole months for facets —, country, modality), and the store tests compare both paths
-- with the filtered event list. NULL keys are stored as '' (key columns must compare equal); facets skip '' as before.

-- Incidents and fatalities per day and modality: the timeline and count without place or type filters.
CREATE TABLE incident_day_counts (
    counted     INTEGER NOT NULL,
    event_date  TEXT NOT NULL,
    modality    TEXT NOT NULL,
    incidents   BIGINT NOT NULL,
    fatalities  BIGINT NOT NULL,
    PRIMARY KEY (counted, event_date, modality)
);

-- Incidents per facet value, month, country and modality, and the same over all time (month ''), so facets without a
-- date filter read a few thousand rows. An incident whose actor1 and actor2 are the same name counts twice in the
-- actor facet, as in the facet query over incidents.
CREATE TABLE incident_facet_counts (
    facet         TEXT NOT NULL,   -- country | admin1 | event_type | sub_event_type | actor
    counted       INTEGER NOT NULL,
    month         TEXT NOT NULL,   -- yyyy-MM of event_date; '' for all time
    country_code  TEXT NOT NULL,
    country       TEXT NOT NULL,
    modality      TEXT NOT NULL,
    value         TEXT NOT NULL,
    incidents     BIGINT NOT NULL,
    PRIMARY KEY (facet, counted, month, country_code, country, modality, value)
);

INSERT INTO incident_day_counts(counted, event_date, modality, incidents, fatalities)
SELECT counted, event_date, modality, COUNT(*), SUM(fatalities) FROM incidents GROUP BY counted, event_date, modality;

INSERT INTO incident_facet_counts(facet, counted, month, country_code, country, modality, value, incidents)
SELECT f, counted, month, country_code, country, modality, v, COUNT(*)
FROM (
    SELECT 'country' AS f, counted, substr(event_date, 1, 7) AS month, COALESCE(country_code, '') AS country_code, COALESCE(country, '') AS country, modality, COALESCE(incidents.country, incidents.country_code) AS v FROM incidents
    UNION ALL SELECT 'admin1' AS f, counted, substr(event_date, 1, 7) AS month, COALESCE(country_code, '') AS country_code, COALESCE(country, '') AS country, modality, incidents.admin1 AS v FROM incidents
    UNION ALL SELECT 'event_type' AS f, counted, substr(event_date, 1, 7) AS month, COALESCE(country_code, '') AS country_code, COALESCE(country, '') AS country, modality, incidents.event_type AS v FROM incidents
    UNION ALL SELECT 'sub_event_type' AS f, counted, substr(event_date, 1, 7) AS month, COALESCE(country_code, '') AS country_code, COALESCE(country, '') AS country, modality, incidents.sub_event_type AS v FROM incidents
    UNION ALL SELECT 'actor' AS f, counted, substr(event_date, 1, 7) AS month, COALESCE(country_code, '') AS country_code, COALESCE(country, '') AS country, modality, incidents.actor1 AS v FROM incidents
    UNION ALL SELECT 'actor' AS f, counted, substr(event_date, 1, 7) AS month, COALESCE(country_code, '') AS country_code, COALESCE(country, '') AS country, modality, incidents.actor2 AS v FROM incidents
) AS x
WHERE v <> ''
GROUP BY f, counted, month, country_code, country, modality, v;

INSERT INTO incident_facet_counts(facet, counted, month, country_code, country, modality, value, incidents)
SELECT facet, counted, '', country_code, country, modality, value, SUM(incidents)
FROM incident_facet_counts
GROUP BY facet, counted, country_code, country, modality, value;

-- Adds (d = 1) or removes (d = -1) one incident row's share of the counts.
CREATE FUNCTION incident_counts_apply(r incidents, d integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
        INSERT INTO incident_day_counts AS t (counted, event_date, modality, incidents, fatalities)
        VALUES (r.counted, r.event_date, r.modality, d, d * r.fatalities)
        ON CONFLICT(counted, event_date, modality) DO UPDATE
            SET incidents = t.incidents + excluded.incidents, fatalities = t.fatalities + excluded.fatalities;
        INSERT INTO incident_facet_counts AS t (facet, counted, month, country_code, country, modality, value, incidents)
        SELECT f, r.counted, p, COALESCE(r.country_code, ''), COALESCE(r.country, ''), r.modality, v, d * COUNT(*)
        FROM (SELECT 'country' AS f, COALESCE(r.country, r.country_code) AS v
              UNION ALL SELECT 'admin1', r.admin1
              UNION ALL SELECT 'event_type', r.event_type
              UNION ALL SELECT 'sub_event_type', r.sub_event_type
              UNION ALL SELECT 'actor', r.actor1
              UNION ALL SELECT 'actor', r.actor2
             ) AS x,
             (SELECT '' AS p UNION ALL SELECT substr(r.event_date, 1, 7)) AS periods
        WHERE v <> ''
        GROUP BY f, p, v
        ON CONFLICT(facet, counted, month, country_code, country, modality, value) DO UPDATE SET incidents = t.incidents + excluded.incidents;
    IF d < 0 THEN
        DELETE FROM incident_day_counts WHERE counted = r.counted AND event_date = r.event_date AND modality = r.modality AND incidents <= 0;
        DELETE FROM incident_facet_counts
            WHERE facet IN ('country', 'admin1', 'event_type', 'sub_event_type', 'actor') AND counted = r.counted
            AND month IN ('', substr(r.event_date, 1, 7)) AND country_code = COALESCE(r.country_code, '') AND country = COALESCE(r.country, '')
            AND modality = r.modality AND incidents <= 0;
    END IF;
END
$$;

CREATE FUNCTION incidents_counts_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM incident_counts_apply(OLD, -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM incident_counts_apply(NEW, 1);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER incidents_counts AFTER INSERT OR DELETE OR UPDATE OF event_date, modality, counted, fatalities, country_code, country, admin1, event_type, sub_event_type, actor1, actor2 ON incidents
    FOR EACH ROW EXECUTE FUNCTION incidents_counts_trigger();
