-- Rasid store, schema version 1 (SQLite). Applied once by SqliteMigrator inside a transaction.
CREATE TABLE documents (
    doc_key       INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    content_hash  TEXT NOT NULL UNIQUE,   -- SHA-256 of the original text (UTF-8): ingest is idempotent by it
    source        TEXT,
    url           TEXT,
    title         TEXT,
    published     TEXT NOT NULL,          -- yyyy-MM-dd
    country_hint  TEXT,
    text          TEXT NOT NULL,          -- the original text, never modified
    status        TEXT NOT NULL,          -- extracted | failed
    error         TEXT,
    event_count   INTEGER NOT NULL DEFAULT 0,
    ingested_at   TEXT NOT NULL
);

-- One row per event as extracted from one document (a "mention" of an incident).
CREATE TABLE events (
    event_id        TEXT PRIMARY KEY,
    document_id     TEXT NOT NULL REFERENCES documents(id),
    incident_id     TEXT NOT NULL,
    event_date      TEXT NOT NULL,
    event_date_end  TEXT,
    time_precision  INTEGER NOT NULL,
    event_type      TEXT NOT NULL,
    sub_event_type  TEXT NOT NULL,
    actor1          TEXT, inter1 INTEGER NOT NULL DEFAULT 0,
    assoc_actor_1   TEXT, assoc_inter_1 INTEGER NOT NULL DEFAULT 0,
    actor2          TEXT, inter2 INTEGER NOT NULL DEFAULT 0,
    assoc_actor_2   TEXT, assoc_inter_2 INTEGER NOT NULL DEFAULT 0,
    country_code    TEXT, country TEXT, admin1 TEXT, admin2 TEXT, admin3 TEXT,
    location        TEXT, location_ar TEXT,
    latitude        REAL, longitude REAL, geo_precision INTEGER,
    fatalities      INTEGER NOT NULL,
    fatalities_low  INTEGER, fatalities_high INTEGER,
    modality        TEXT NOT NULL,
    counted         INTEGER NOT NULL,      -- 1 for asserted/reported/claimed
    notes           TEXT,
    confidence      REAL NOT NULL,
    source          TEXT,
    evidence        TEXT NOT NULL,         -- JSON [{start,end,text}]
    place_candidates TEXT                  -- JSON
);
CREATE INDEX ix_events_incident ON events(incident_id);
CREATE INDEX ix_events_document ON events(document_id);
CREATE INDEX ix_events_match ON events(event_type, counted, event_date);

-- The merged view analysts work with: one row per incident, fields chosen from its mentions by IncidentMerger's rule.
CREATE TABLE incidents (
    incident_id     TEXT PRIMARY KEY,
    event_date      TEXT NOT NULL,
    event_date_end  TEXT,
    time_precision  INTEGER NOT NULL,
    event_type      TEXT NOT NULL,
    sub_event_type  TEXT NOT NULL,
    actor1          TEXT, inter1 INTEGER NOT NULL DEFAULT 0,
    assoc_actor_1   TEXT, assoc_inter_1 INTEGER NOT NULL DEFAULT 0,
    actor2          TEXT, inter2 INTEGER NOT NULL DEFAULT 0,
    assoc_actor_2   TEXT, assoc_inter_2 INTEGER NOT NULL DEFAULT 0,
    interaction     INTEGER NOT NULL,
    country_code    TEXT, country TEXT, admin1 TEXT, admin2 TEXT, admin3 TEXT,
    location        TEXT, location_ar TEXT,
    latitude        REAL, longitude REAL, geo_precision INTEGER,
    fatalities      INTEGER NOT NULL,
    fatalities_low  INTEGER, fatalities_high INTEGER,
    modality        TEXT NOT NULL,
    counted         INTEGER NOT NULL,
    notes           TEXT,
    confidence      REAL NOT NULL,
    source          TEXT,
    evidence        TEXT NOT NULL,         -- JSON: the evidence of every mention
    place_candidates TEXT,
    primary_document_id TEXT NOT NULL,
    document_ids    TEXT NOT NULL,         -- JSON: every source document
    source_count    INTEGER NOT NULL,
    review_state    TEXT NOT NULL DEFAULT 'unreviewed',
    updated_at      TEXT NOT NULL
);
CREATE INDEX ix_incidents_date ON incidents(event_date);
CREATE INDEX ix_incidents_type ON incidents(event_type, sub_event_type);
CREATE INDEX ix_incidents_place ON incidents(country_code, admin1);
CREATE INDEX ix_incidents_geo ON incidents(latitude, longitude);

-- Evidence spans of every mention, one row each, searchable.
CREATE TABLE evidence (
    evidence_key  INTEGER PRIMARY KEY,
    event_id      TEXT NOT NULL REFERENCES events(event_id),
    document_id   TEXT NOT NULL,
    start_offset  INTEGER NOT NULL,
    end_offset    INTEGER NOT NULL,
    text          TEXT NOT NULL
);
CREATE INDEX ix_evidence_event ON evidence(event_id);

-- Analyst review history (who changed what, when).
CREATE TABLE review_history (
    history_key  INTEGER PRIMARY KEY,
    incident_id  TEXT NOT NULL,
    user_name    TEXT NOT NULL,
    action       TEXT NOT NULL,
    field        TEXT,
    old_value    TEXT,
    new_value    TEXT,
    at           TEXT NOT NULL
);
CREATE INDEX ix_review_incident ON review_history(incident_id);

-- Full-text search over the Arabic-normalized text of documents and evidence (queries are normalized the same way).
CREATE VIRTUAL TABLE documents_fts USING fts5(body, content='', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE evidence_fts USING fts5(body, content='', tokenize='unicode61 remove_diacritics 2');
