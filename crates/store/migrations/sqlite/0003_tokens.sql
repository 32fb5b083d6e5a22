-- Version 3: API tokens, kept only as SHA-256 hashes.
CREATE TABLE tokens (
    name TEXT PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
