-- Rasid store, schema version 5 (SQLite): the indexes that order pages end with incident_id, the last sort key of every
-- order (RelationalEventStore.Query), so a page's ids are sorted, skipped (OFFSET) and bounded (keyset cursor) from the
-- index alone and only the page's own rows are read: over a million incidents the worst-first order of a year read and
-- sorted 100,000 whole rows, page 500 read 50,000 (docs/benchmarks.md).
DROP INDEX IF EXISTS ix_incidents_counted_date;
DROP INDEX IF EXISTS ix_incidents_fatalities;
CREATE INDEX ix_incidents_counted_date ON incidents(counted, event_date, fatalities, incident_id);
CREATE INDEX ix_incidents_fatalities ON incidents(counted, fatalities, event_date, incident_id);
