package org.handoverbot.alerts;

import java.time.Instant;
import java.util.List;

/**
 * The outbox at a glance, for admins: counts by status, and of the failed ones how many ended "outcome unknown"
 * (the request left, no answer came, so it is not resent) and how many expired unsent (older than the maximum
 * age, e.g. after a long outage); the next rows due and the latest failures.
 */
public record QueueStatus(int pending, int sending, int sent, int failed, int outcomeUnknown, int expired,
                          int subscribers, List<Entry> nextDue,
                          List<Entry> latestFailures) {

    public QueueStatus {
        nextDue = List.copyOf(nextDue);
        latestFailures = List.copyOf(latestFailures);
    }

    /** One row as an admin sees it; lastError is null when there was none. */
    public record Entry(long eventId, String recipient, int attempts, Instant at, String lastError) {
    }
}
