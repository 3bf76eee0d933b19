-- The knowledge's version: every write of knowledge (ingest, seeds, reviews) raises it by one in its own
-- transaction (KnowledgeVersion.bump), so a running bot sees that what it answers from is stale with one
-- cheap one-row read, also when the write came from another process. It lives on the row every writer locks
-- already: the lock and the version change together.
ALTER TABLE knowledge_write ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
