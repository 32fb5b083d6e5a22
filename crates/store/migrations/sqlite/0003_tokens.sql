-- Version 3: API tokens, kept only as SHA-256 hashes, and a running count of each entity's
-- mentions, so that entity pages do not count them on every request.
CREATE TABLE tokens (
    name TEXT PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

ALTER TABLE entities ADD COLUMN mention_count BIGINT NOT NULL DEFAULT 0;
UPDATE entities SET mention_count = (SELECT COUNT(*) FROM mentions m WHERE m.entity = entities.id);
