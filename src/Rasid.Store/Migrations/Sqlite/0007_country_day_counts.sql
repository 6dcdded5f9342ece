-- Rasid store, schema version 7 (SQLite): incidents and fatalities per country and day, kept on write like the other
-- counts (0004), so a country's timeline and count read a few thousand summary rows instead of its incidents (a
-- country with 250,000 incidents: 31 ms CPU over the index on SQLite, 70–550 ms on PostgreSQL; docs/benchmarks.md).
-- RelationalEventStore.Aggregates reads it when the filters are only dates, modality and a country. NULL keys are
-- stored as ''. Safe to apply again: the table is filled only while it is empty, and triggers only if missing.
CREATE TABLE IF NOT EXISTS incident_country_day_counts (
    counted       INTEGER NOT NULL,
    country_code  TEXT NOT NULL,
    country       TEXT NOT NULL,
    event_date    TEXT NOT NULL,
    modality      TEXT NOT NULL,
    incidents     INTEGER NOT NULL,
    fatalities    INTEGER NOT NULL,
    PRIMARY KEY (counted, country_code, country, event_date, modality)
) WITHOUT ROWID;

-- The country filter compares lower(code) or lower(name), as on incidents.
CREATE INDEX IF NOT EXISTS ix_country_day_counts_code ON incident_country_day_counts(lower(country_code), counted, event_date);
CREATE INDEX IF NOT EXISTS ix_country_day_counts_name ON incident_country_day_counts(lower(country), counted, event_date);

INSERT INTO incident_country_day_counts(counted, country_code, country, event_date, modality, incidents, fatalities)
SELECT counted, COALESCE(country_code, ''), COALESCE(country, ''), event_date, modality, COUNT(*), SUM(fatalities)
FROM incidents
WHERE NOT EXISTS (SELECT 1 FROM incident_country_day_counts)
GROUP BY counted, COALESCE(country_code, ''), COALESCE(country, ''), event_date, modality;

CREATE TRIGGER IF NOT EXISTS incidents_country_day_counts_insert AFTER INSERT ON incidents
BEGIN
    INSERT INTO incident_country_day_counts(counted, country_code, country, event_date, modality, incidents, fatalities)
    VALUES (NEW.counted, COALESCE(NEW.country_code, ''), COALESCE(NEW.country, ''), NEW.event_date, NEW.modality, 1, NEW.fatalities)
    ON CONFLICT(counted, country_code, country, event_date, modality) DO UPDATE
        SET incidents = incidents + excluded.incidents, fatalities = fatalities + excluded.fatalities;
END;

CREATE TRIGGER IF NOT EXISTS incidents_country_day_counts_delete AFTER DELETE ON incidents
BEGIN
    INSERT INTO incident_country_day_counts(counted, country_code, country, event_date, modality, incidents, fatalities)
    VALUES (OLD.counted, COALESCE(OLD.country_code, ''), COALESCE(OLD.country, ''), OLD.event_date, OLD.modality, -1, -OLD.fatalities)
    ON CONFLICT(counted, country_code, country, event_date, modality) DO UPDATE
        SET incidents = incidents + excluded.incidents, fatalities = fatalities + excluded.fatalities;
    DELETE FROM incident_country_day_counts
    WHERE counted = OLD.counted AND country_code = COALESCE(OLD.country_code, '') AND country = COALESCE(OLD.country, '')
      AND event_date = OLD.event_date AND modality = OLD.modality AND incidents <= 0;
END;

CREATE TRIGGER IF NOT EXISTS incidents_country_day_counts_update
AFTER UPDATE OF event_date, modality, counted, fatalities, country_code, country ON incidents
BEGIN
    INSERT INTO incident_country_day_counts(counted, country_code, country, event_date, modality, incidents, fatalities)
    VALUES (OLD.counted, COALESCE(OLD.country_code, ''), COALESCE(OLD.country, ''), OLD.event_date, OLD.modality, -1, -OLD.fatalities)
    ON CONFLICT(counted, country_code, country, event_date, modality) DO UPDATE
        SET incidents = incidents + excluded.incidents, fatalities = fatalities + excluded.fatalities;
    DELETE FROM incident_country_day_counts
    WHERE counted = OLD.counted AND country_code = COALESCE(OLD.country_code, '') AND country = COALESCE(OLD.country, '')
      AND event_date = OLD.event_date AND modality = OLD.modality AND incidents <= 0;
    INSERT INTO incident_country_day_counts(counted, country_code, country, event_date, modality, incidents, fatalities)
    VALUES (NEW.counted, COALESCE(NEW.country_code, ''), COALESCE(NEW.country, ''), NEW.event_date, NEW.modality, 1, NEW.fatalities)
    ON CONFLICT(counted, country_code, country, event_date, modality) DO UPDATE
        SET incidents = incidents + excluded.incidents, fatalities = fatalities + excluded.fatalities;
END;
