-- Version 5: nothing to do here. SQLite gains a table that finds an item's full-text rows by
-- rowid; PostgreSQL's search table has had an index on (kind, ref) since version 2.
SELECT 1;
