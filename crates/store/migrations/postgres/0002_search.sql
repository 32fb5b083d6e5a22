-- Version 2: full-text search over articles, quotes and entities. `terms` holds text folded
-- by the store (lowercase, no accents), so both backends match the same words.
CREATE TABLE search (
    seq BIGSERIAL PRIMARY KEY,
    terms TEXT NOT NULL,
    kind TEXT NOT NULL,
    ref TEXT NOT NULL,
    document TEXT,
    label TEXT NOT NULL,
    tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', terms)) STORED
);
CREATE INDEX search_tsv ON search USING GIN (tsv);
CREATE INDEX search_ref ON search (kind, ref);
