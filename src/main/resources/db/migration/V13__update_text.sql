-- The update itself (Telegram's JSON), kept while it is unanswered: long polling confirms a delivery at the
-- next getUpdates, so after a kill -9 Telegram does not deliver again what was still queued; the bot answers
-- those from here at its next start. NULL where it was too long to keep (then only Telegram can redeliver it).
ALTER TABLE telegram_update ADD COLUMN payload VARCHAR(200000);
