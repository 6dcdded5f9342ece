-- Rasid store, schema version 12 (PostgreSQL): incidents and fatalities per country and day, kept on write like the
-- other counts (0005), so a country's timeline and count read a few thousand summary rows instead of its incidents
-- (a country's timeline over 217,000 incidents: 550 ms, 70 ms index-only; docs/benchmarks.md).
-- RelationalEventStore.Aggregates reads it when the filters are only dates, modality and a country. NULL keys are
-- stored as ''. Safe to apply again: the table is filled only while it is empty.
CREATE TABLE IF NOT EXISTS incident_country_day_counts (
    counted       INTEGER NOT NULL,
    country_code  TEXT NOT NULL,
    country       TEXT NOT NULL,
    event_date    TEXT NOT NULL,
    modality      TEXT NOT NULL,
    incidents     BIGINT NOT NULL,
    fatalities    BIGINT NOT NULL,
    PRIMARY KEY (counted, country_code, country, event_date, modality)
);

-- The country filter compares lower(code) or lower(name), as on incidents.
CREATE INDEX IF NOT EXISTS ix_country_day_counts_code ON incident_country_day_counts(lower(country_code), counted, event_date);
CREATE INDEX IF NOT EXISTS ix_country_day_counts_name ON incident_country_day_counts(lower(country), counted, event_date);

INSERT INTO incident_country_day_counts(counted, country_code, country, event_date, modality, incidents, fatalities)
SELECT counted, COALESCE(country_code, ''), COALESCE(country, ''), event_date, modality, COUNT(*), SUM(fatalities)
FROM incidents
WHERE NOT EXISTS (SELECT 1 FROM incident_country_day_counts)
GROUP BY 1, 2, 3, 4, 5;

-- Adds (d = 1) or removes (d = -1) one incident row's share.
CREATE OR REPLACE FUNCTION incident_country_day_counts_apply(p_counted integer, p_code text, p_country text, p_date text, p_modality text,
                                                             p_fatalities integer, d integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO incident_country_day_counts AS t (counted, country_code, country, event_date, modality, incidents, fatalities)
    VALUES (p_counted, COALESCE(p_code, ''), COALESCE(p_country, ''), p_date, p_modality, d, d * p_fatalities)
    ON CONFLICT (counted, country_code, country, event_date, modality) DO UPDATE
        SET incidents = t.incidents + excluded.incidents, fatalities = t.fatalities + excluded.fatalities;
    IF d < 0 THEN
        DELETE FROM incident_country_day_counts
        WHERE counted = p_counted AND country_code = COALESCE(p_code, '') AND country = COALESCE(p_country, '')
          AND event_date = p_date AND modality = p_modality AND incidents <= 0;
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION incidents_country_day_counts_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM incident_country_day_counts_apply(OLD.counted, OLD.country_code, OLD.country, OLD.event_date, OLD.modality, OLD.fatalities, -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM incident_country_day_counts_apply(NEW.counted, NEW.country_code, NEW.country, NEW.event_date, NEW.modality, NEW.fatalities, 1);
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS incidents_country_day_counts ON incidents;
CREATE TRIGGER incidents_country_day_counts
    AFTER INSERT OR DELETE OR UPDATE OF event_date, modality, counted, fatalities, country_code, country ON incidents
    FOR EACH ROW EXECUTE FUNCTION incidents_country_day_counts_trigger();
