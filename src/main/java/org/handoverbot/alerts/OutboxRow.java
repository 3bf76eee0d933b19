package org.handoverbot.alerts;

/**
 * One alert to deliver: the event, the chat_id as Telegram takes it, and how many tries it has had. A digest
 * row (digestId not null) stands for several new events of one ingest; eventId is then the digest's first.
 */
public record OutboxRow(long id, long eventId, String recipient, boolean channel, int attempts, Long digestId) {

    /** An alert for one event. */
    public OutboxRow(long id, long eventId, String recipient, boolean channel, int attempts) {
        this(id, eventId, recipient, channel, attempts, null);
    }
}
