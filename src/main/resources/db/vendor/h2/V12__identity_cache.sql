-- H2 only. H2 hands out identity values from a cache of 32 and, when it runs out, records the next block in a
-- commit of its own; with commits written through (WRITE_DELAY=0) each of those is a write to the file. A
-- records file of 50,000 events spent most of its ingest there (a block every 32 events, sources, figures),
-- and a fan-out to 10,000 subscribers one write every 32 alerts. A block of 10,000 makes them rare; what a
-- crash leaves unused is only a gap in the ids.
ALTER TABLE article ALTER COLUMN id SET CACHE 10000;
ALTER TABLE event ALTER COLUMN id SET CACHE 10000;
ALTER TABLE figure ALTER COLUMN id SET CACHE 10000;
ALTER TABLE source ALTER COLUMN id SET CACHE 10000;
ALTER TABLE quote ALTER COLUMN id SET CACHE 10000;
ALTER TABLE alert_outbox ALTER COLUMN id SET CACHE 10000;
ALTER TABLE alert_digest ALTER COLUMN id SET CACHE 10000;
