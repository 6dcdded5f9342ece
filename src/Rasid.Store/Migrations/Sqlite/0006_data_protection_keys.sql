-- Rasid store, schema version 4 (SQLite): the ASP.NET Core data-protection key ring that signs login cookies and CSRF
-- tokens, kept in the store so every `rasid serve` on this file accepts the others' cookies (and a restart keeps them).
CREATE TABLE IF NOT EXISTS data_protection_keys (
    name        TEXT PRIMARY KEY,
    xml         TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
