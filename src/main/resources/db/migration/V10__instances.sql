-- Several instances on one database (issue 14).
-- A webhook update taken in by one instance is leased to it: another instance that gets the same update
-- (Telegram delivering it again) leaves it alone while the lease lasts, and takes it over only when the first
-- instance died before answering. Long polling (one receiver) leases for no time at all.
ALTER TABLE telegram_update ADD COLUMN claimed_by VARCHAR(80);
ALTER TABLE telegram_update ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;

-- Each chat's dialogue state (what a follow-up refers to), as JSON, shared by every instance so that a
-- follow-up reaching another instance still knows the last question. Rows older than the state's time to
-- live mean nothing and are pruned.
CREATE TABLE chat_state (
    chat_id    BIGINT                   NOT NULL PRIMARY KEY,
    state      VARCHAR(100000)          NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX chat_state_updated ON chat_state (updated_at);
