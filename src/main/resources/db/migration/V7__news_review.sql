-- Reading real news (issue 12). A cited voice's own channel (a statement, a tweet) is kept apart from the
-- intermediary that carried its words (cited_source: an agency, local sites).
ALTER TABLE source ADD COLUMN cited_via VARCHAR(500);

-- Doubtful extractions wait for an operator: review_state is NULL for what the bot tells as fact,
-- 'to_review' for an event read with a flagged date, an unknown base or an unknown party (not told, not
-- alerted), 'rejected' for one an operator turned down. date_flag says why a date is doubtful ('weekday':
-- the weekday named beside it is another day); base_name keeps an unknown base as the text wrote it.
ALTER TABLE event ADD COLUMN review_state VARCHAR(20);
ALTER TABLE event ADD COLUMN review_reason VARCHAR(500);
ALTER TABLE event ADD COLUMN date_flag VARCHAR(100);
ALTER TABLE event ADD COLUMN base_name VARCHAR(300);
CREATE INDEX event_review ON event(review_state);
