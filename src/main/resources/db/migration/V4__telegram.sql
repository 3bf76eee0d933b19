-- Telegram updates the bot has taken in. Telegram re-delivers every update it has not seen confirmed
-- (the confirming offset lives only in the polling process's memory), so after a crash or restart this
-- table is what keeps the bot from answering anything twice.
--   RECEIVED: taken in, no reply sent yet; a later process may handle it again (nothing went out).
--   ANSWERED: the reply was about to go out or went out; never handled again.
CREATE TABLE telegram_update (
    update_id   BIGINT PRIMARY KEY,
    chat_id     BIGINT,
    state       VARCHAR(16) NOT NULL CHECK (state IN ('RECEIVED', 'ANSWERED')),
    attempts    INT NOT NULL DEFAULT 1,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX telegram_update_received_at ON telegram_update (received_at);
