-- Rasid store, schema version 3 (SQLite): indexes shaped like the queries (RelationalEventStore.Where), measured over a
-- synthetic store of one million incidents (docs/benchmarks.md). Filters compare lower(column) = lower(@value), so the
-- indexes are on those expressions; each ends with counted (the default filter) and event_date (the default order), so
-- a filtered page is read in date order and a filtered count never touches the table. The old (event_type,
-- sub_event_type) and (country_code, admin1) indexes served no query (the filters compare lower(...)). fatalities at the
-- end makes the per-filter timeline (events and deaths per day) an index-only read.
DROP INDEX IF EXISTS ix_incidents_type;
DROP INDEX IF EXISTS ix_incidents_place;
CREATE INDEX ix_incidents_counted_date ON incidents(counted, event_date, fatalities);
CREATE INDEX ix_incidents_country ON incidents(lower(country_code), counted, event_date, fatalities);
CREATE INDEX ix_incidents_country_name ON incidents(lower(country), counted, event_date, fatalities);
CREATE INDEX ix_incidents_admin1 ON incidents(lower(admin1), counted, event_date, fatalities);
CREATE INDEX ix_incidents_event_type ON incidents(lower(event_type), counted, event_date, fatalities);
CREATE INDEX ix_incidents_sub_event_type ON incidents(lower(sub_event_type), counted, event_date, fatalities);
CREATE INDEX ix_incidents_modality ON incidents(modality, event_date);
-- The worst-first order (ORDER BY fatalities DESC) reads the top of this index instead of sorting the selection.
CREATE INDEX ix_incidents_fatalities ON incidents(counted, fatalities, event_date);
