-- Rows as a version 1 store wrote them; the golden v1.sqlite holds these, and the PostgreSQL
-- compatibility test loads them into a fresh version 1 schema.
INSERT INTO documents (id, lineage, version, current, source, url, outlet, title, published, language, body, sketch, signature, ingested_at)
VALUES ('doc-v1', 'https://a.example/v1', 1, 1, 'https://a.example/v1', 'https://a.example/v1', 'El Observador', 'Mototaxistas protestan en El Agustino', '2023-10-31', 'es',
        '{"id":"doc-v1","text":"Mototaxistas protestan en El Agustino contra la extorsión."}', NULL, NULL, '2026-12-03T00:00:00Z');
INSERT INTO entities (id, name, type, kb_id, aliases, place, lat, lon)
VALUES ('ent-agustino', 'El Agustino', 'place', NULL, '["El Agustino","Agustino"]', '{"lat":-12.04,"lon":-76.99}', -12.04, -76.99);
INSERT INTO mentions (document, entity, start_at, end_at) VALUES ('doc-v1', 'ent-agustino', 26, 37);
INSERT INTO quotes (id, document, kind, speaker_entity, speaker, body)
VALUES ('qt-v1', 'doc-v1', 'direct', NULL, 'un dirigente', '{"document":"doc-v1","text":"Ya no podemos trabajar"}');
INSERT INTO events (id, document, type, modality, date_start, date_end, body)
VALUES ('evt-v1', 'doc-v1', 'protest', 'reported', '2023-10-31', '2023-10-31', '{"id":"evt-v1"}');
INSERT INTO event_entities (event, entity, role) VALUES ('evt-v1', 'ent-agustino', 'place');
