-- Version 1: documents with their versions, entities and mentions, relations, quotes, events,
-- other items, and stories with their members.
CREATE TABLE documents (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    lineage TEXT NOT NULL,
    version INTEGER NOT NULL,
    current INTEGER NOT NULL,
    superseded_by TEXT,
    source TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    title TEXT,
    published TEXT,
    language TEXT NOT NULL,
    body TEXT NOT NULL,
    sketch TEXT,
    signature TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_lineage ON documents (lineage, current);

CREATE TABLE entities (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    kb_id TEXT,
    aliases TEXT NOT NULL,
    place TEXT,
    lat REAL,
    lon REAL
);
CREATE INDEX entities_type ON entities (type);

CREATE TABLE mentions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    document TEXT NOT NULL,
    entity TEXT NOT NULL,
    start_at INTEGER NOT NULL,
    end_at INTEGER NOT NULL
);
CREATE INDEX mentions_entity ON mentions (entity, seq);
CREATE INDEX mentions_document ON mentions (document);

CREATE TABLE relations (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    document TEXT NOT NULL,
    type TEXT NOT NULL,
    subject TEXT NOT NULL,
    object TEXT NOT NULL,
    modality TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX relations_subject ON relations (subject);
CREATE INDEX relations_object ON relations (object);
CREATE INDEX relations_document ON relations (document);

CREATE TABLE quotes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    document TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker_entity TEXT,
    speaker TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX quotes_document ON quotes (document);
CREATE INDEX quotes_speaker ON quotes (speaker_entity, seq);

CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    document TEXT NOT NULL,
    type TEXT NOT NULL,
    modality TEXT NOT NULL,
    date_start TEXT,
    date_end TEXT,
    body TEXT NOT NULL
);
CREATE INDEX events_document ON events (document);
CREATE INDEX events_type ON events (type, seq);
CREATE INDEX events_date ON events (date_start);

CREATE TABLE event_entities (
    event TEXT NOT NULL,
    entity TEXT NOT NULL,
    role TEXT NOT NULL
);
CREATE INDEX event_entities_event ON event_entities (event);
CREATE INDEX event_entities_entity ON event_entities (entity, role);

CREATE TABLE items (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    document TEXT NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX items_document ON items (document, kind);

CREATE TABLE stories (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    title TEXT,
    reports INTEGER NOT NULL,
    first_date TEXT,
    last_date TEXT,
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE story_members (
    story TEXT NOT NULL,
    document TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE INDEX story_members_story ON story_members (story, position);
CREATE INDEX story_members_document ON story_members (document);
