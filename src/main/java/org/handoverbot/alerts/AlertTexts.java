package org.handoverbot.alerts;

import java.util.Optional;

/** The alert for an event as Telegram HTML, one message; empty when the event is no longer known. */
@FunctionalInterface
public interface AlertTexts {

    Optional<String> htmlFor(long eventId);

    /** The alert a row stands for: its event's, unless the texts know digests ({@link AlertMessages}). */
    default Optional<String> htmlFor(OutboxRow row) {
        return htmlFor(row.eventId());
    }
}
