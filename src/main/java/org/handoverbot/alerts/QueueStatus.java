package org.handoverbot.alerts;

import java.time.Instant;
import java.util.List;

/** The outbox at a glance, for admins: counts by status and the next rows due and the latest failures. */
public record QueueStatus(int pending, int sending, int sent, int failed, int subscribers, List<Entry> nextDue,
                          List<Entry> latestFailures) {

    public QueueStatus {
        nextDue = List.copyOf(nextDue);
        latestFailures = List.copyOf(latestFailures);
    }

    /** One row as an admin sees it; lastError is null when there was none. */
    public record Entry(long eventId, String recipient, int attempts, Instant at, String lastError) {
    }
}
