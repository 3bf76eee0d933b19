package org.handoverbot.alerts;

/** One alert to deliver: the event, the chat_id as Telegram takes it, and how many tries it has had. */
public record OutboxRow(long id, long eventId, String recipient, boolean channel, int attempts) {
}
