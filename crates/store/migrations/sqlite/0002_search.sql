-- Version 2: full-text search over articles, quotes and entities. `terms` holds text folded
-- by the store (lowercase, no accents), so both backends match the same words.
CREATE VIRTUAL TABLE search USING fts5(
    terms,
    kind UNINDEXED,
    ref UNINDEXED,
    document UNINDEXED,
    label UNINDEXED,
    tokenize = 'unicode61'
);
