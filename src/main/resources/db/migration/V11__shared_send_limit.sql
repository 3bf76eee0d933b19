-- Telegram's limits held by several instances together (issue 14).
-- bucket4j's token buckets, one row per bucket (the overall pace, the alerts' share, each chat): the state is
-- bucket4j's own serialised form; expires_at lets rows of quiet chats be swept.
CREATE TABLE send_bucket (
    id         VARCHAR(200) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);

-- The one 429 pause: when Telegram answers 429 to any instance, every instance waits until paused_until.
CREATE TABLE send_pause (
    id           INT PRIMARY KEY,
    paused_until TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO send_pause (id, paused_until) VALUES (1, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
