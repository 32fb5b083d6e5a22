-- Version 5: where each item's rows are in the FTS5 table. FTS5 cannot look rows up by an
-- UNINDEXED column, so removing an item's rows (a new version of an article, an entity that
-- gained an alias) scanned the whole index; this table finds them by rowid instead.
CREATE TABLE search_refs (
    kind TEXT NOT NULL,
    ref TEXT NOT NULL,
    row INTEGER NOT NULL
);
CREATE INDEX search_refs_ref ON search_refs (kind, ref);
INSERT INTO search_refs (kind, ref, row) SELECT kind, ref, rowid FROM search;
