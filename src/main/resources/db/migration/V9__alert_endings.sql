-- How a failed alert ended, when it is one of the two endings admins count apart in /queue:
-- 'unknown'  the request left but no answer came (none within the wait, the connection broke, or the sender
--            died mid-request): Telegram may have shown it, so it is never sent again;
-- 'expired'  still unsent when older than HANDOVER_ALERT_MAX_AGE (e.g. after a long outage): news that old
--            would arrive stale.
-- NULL for every other row (pending, sent, or failed for a reason Telegram gave).
ALTER TABLE alert_outbox ADD COLUMN ended VARCHAR(16);
UPDATE alert_outbox SET ended = 'unknown' WHERE status = 'failed' AND last_error LIKE 'outcome unknown%';
