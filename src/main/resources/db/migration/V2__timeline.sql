-- Writers of knowledge (the bot loading seeds at start, `ingest` in another process) take this one row's lock
-- first, so two of them never both decide an event is new and store it twice.
CREATE TABLE knowledge_write (
    id          INT PRIMARY KEY,
    last_write  TIMESTAMP WITH TIME ZONE
);
INSERT INTO knowledge_write (id, last_write) VALUES (1, NULL);

-- Structured records (seeds/timeline.json, operators' files) are matched to stored events by identity and
-- their sources by report; these keep both look-ups cheap as the timeline grows.
CREATE INDEX source_report ON source(publisher, published);
CREATE INDEX event_base ON event(base_id, kind, status);
