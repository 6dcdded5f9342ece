-- Rasid store, schema version 2 (SQLite): users of the HTTP API. Secrets are stored only as hashes: the password as
-- PBKDF2-SHA256 with a per-user salt, the API key as SHA-256 (it is random and long, so no salt or stretching is needed).
CREATE TABLE users (
    user_key       INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    role           TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
    password_hash  TEXT,
    api_key_hash   TEXT UNIQUE,
    created_at     TEXT NOT NULL,
    failed_logins  INTEGER NOT NULL DEFAULT 0,
    locked_until   TEXT
);
