package org.handoverbot.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.EventKind;
import org.handoverbot.knowledge.NewEventsListener;

/**
 * The transactional outbox writer: told of new events inside the ingest transaction, it writes one pending
 * alert per recipient on the same connection, so the alerts exist exactly when the events do.
 * Alerts are for handovers (done or planned) and announcements; never for attacks. Recipients are the chats
 * that follow every base, the chats that follow the event's base, and the alert channel when one is set.
 * The unique (event, recipient) key makes a second call for the same event add nothing.
 */
public final class AlertOutboxWriter implements NewEventsListener {

    private final Optional<String> channel;
    private final Clock clock;

    public AlertOutboxWriter(Optional<String> channel, Clock clock) {
        this.channel = channel.map(String::strip).filter(c -> !c.isEmpty());
        this.clock = clock;
    }

    /** Whether an event is news subscribers asked for. */
    static boolean worthAnAlert(Event event) {
        return event.kind() == EventKind.HANDOVER || event.kind() == EventKind.ANNOUNCEMENT;
    }

    @Override
    public void onNewEvents(Connection transaction, List<Event> newEvents) throws SQLException {
        for (Event event : newEvents) {
            if (worthAnAlert(event)) {
                toSubscribers(transaction, event);
                if (channel.isPresent()) {
                    toChannel(transaction, event.id(), channel.get());
                }
            }
        }
    }

    private void toSubscribers(Connection c, Event event) throws SQLException {
        // One set-based insert, so 10,000 subscribers cost one statement inside the ingest transaction.
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO alert_outbox (event_id, recipient, channel, status, next_attempt_at)"
                        + " SELECT ?, CAST(s.chat_id AS VARCHAR), FALSE, 'pending', ? FROM alert_subscription s"
                        + " WHERE s.base_id IN (?, ?)"
                        + " AND NOT EXISTS (SELECT 1 FROM alert_outbox o WHERE o.event_id = ? AND o.recipient = CAST(s.chat_id AS VARCHAR))"
                        + " GROUP BY s.chat_id")) {
            insert.setLong(1, event.id());
            insert.setObject(2, AlertOutbox.time(clock.instant()));
            insert.setString(3, Subscriptions.ALL_BASES);
            insert.setString(4, event.baseId() == null ? Subscriptions.ALL_BASES : event.baseId());
            insert.setLong(5, event.id());
            insert.executeUpdate();
        }
    }

    private void toChannel(Connection c, long eventId, String channel) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO alert_outbox (event_id, recipient, channel, status, next_attempt_at)"
                        + " SELECT ?, ?, TRUE, 'pending', ? WHERE NOT EXISTS"
                        + " (SELECT 1 FROM alert_outbox WHERE event_id = ? AND recipient = ?)")) {
            insert.setLong(1, eventId);
            insert.setString(2, channel);
            insert.setObject(3, AlertOutbox.time(clock.instant()));
            insert.setLong(4, eventId);
            insert.setString(5, channel);
            insert.executeUpdate();
        }
    }
}
