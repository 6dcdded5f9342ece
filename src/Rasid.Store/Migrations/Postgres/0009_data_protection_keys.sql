-- Rasid store, schema version 7 (PostgreSQL): the ASP.NET Core data-protection key ring that signs login cookies and
-- CSRF tokens, shared by every `rasid serve` process on this database (on any machine), so a cookie issued by one is
-- accepted by all. Each row is one key's XML as the framework writes it.
CREATE TABLE IF NOT EXISTS data_protection_keys (
    name        TEXT PRIMARY KEY,
    xml         TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
