-- Version 6: each event's place in storage order beside its entities, so that the events of a
-- much-reported entity (a district with thousands of events) are read in order from an index
-- and a page stops after its rows, instead of gathering and sorting all of them.
ALTER TABLE event_entities ADD COLUMN event_seq BIGINT;
UPDATE event_entities SET event_seq = (SELECT seq FROM events WHERE events.id = event_entities.event);
CREATE INDEX event_entities_order ON event_entities (entity, event_seq);
