-- Version 4: what `vigia watch` knows of each feed it polls, so that the next poll can ask the
-- server for the feed only if it changed (ETag and Last-Modified), across restarts.
CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    checked_at TEXT NOT NULL,
    changed_at TEXT
);
