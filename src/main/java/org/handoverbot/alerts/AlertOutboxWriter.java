package org.handoverbot.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.EventKind;
import org.handoverbot.knowledge.NewEventsListener;

/**
 * The transactional outbox writer: told of new events inside the ingest transaction, it writes one pending
 * alert per recipient on the same connection, so the alerts exist exactly when the events do.
 * Alerts are for handovers (done or planned) and announcements; never for attacks. Recipients are the chats
 * that follow every base, the chats that follow the event's base, and the alert channel when one is set.
 * The unique (event, recipient) key makes a second call for the same event add nothing. More than
 * {@link #DIGEST_AFTER} new events in one ingest become digests: one row per recipient, never a flood.
 */
public final class AlertOutboxWriter implements NewEventsListener {

    /** More new events than this in one ingest, and recipients get a digest instead of one alert each. */
    static final int DIGEST_AFTER = 5;

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
        List<Event> worth = newEvents.stream().filter(AlertOutboxWriter::worthAnAlert).toList();
        if (worth.size() > DIGEST_AFTER) {
            digests(transaction, worth);
            return;
        }
        for (Event event : worth) {
            toSubscribers(transaction, event);
            if (channel.isPresent()) {
                toChannel(transaction, event.id(), channel.get(), null);
            }
        }
    }

    /**
     * Past a few new events in one ingest (a records file of hundreds), each recipient hears once: followers
     * of every base and the channel get one digest of all of them; the followers of one base get that base's
     * events one by one when they are few, else one digest of them.
     */
    private void digests(Connection c, List<Event> events) throws SQLException {
        long all = AlertDigests.write(c, null, events);
        insert(c, events.get(0).id(), all, Subscriptions.ALL_BASES);
        if (channel.isPresent()) {
            toChannel(c, events.get(0).id(), channel.get(), all);
        }
        Map<String, List<Event>> byBase = new LinkedHashMap<>();
        for (Event e : events) {
            if (e.baseId() != null) {
                byBase.computeIfAbsent(e.baseId(), b -> new ArrayList<>()).add(e);
            }
        }
        for (Map.Entry<String, List<Event>> base : byBase.entrySet()) {
            List<Event> ofBase = base.getValue();
            if (ofBase.size() <= DIGEST_AFTER) {
                for (Event e : ofBase) {
                    insert(c, e.id(), null, base.getKey());
                }
            } else {
                insert(c, ofBase.get(0).id(), AlertDigests.write(c, base.getKey(), ofBase), base.getKey());
            }
        }
    }

    /**
     * One pending row for eventId (a digest when digestId is set) to each chat following exactly baseId ('*':
     * every base); a chat following every base is left to the '*' rows.
     */
    private void insert(Connection c, long eventId, Long digestId, String baseId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO alert_outbox (event_id, recipient, channel, status, next_attempt_at, digest_id)"
                        + " SELECT ?, CAST(s.chat_id AS VARCHAR), FALSE, 'pending', ?, ? FROM alert_subscription s"
                        + " WHERE s.base_id = ?"
                        + " AND (? = '" + Subscriptions.ALL_BASES + "' OR NOT EXISTS (SELECT 1 FROM alert_subscription a"
                        + " WHERE a.chat_id = s.chat_id AND a.base_id = '" + Subscriptions.ALL_BASES + "'))"
                        + " AND NOT EXISTS (SELECT 1 FROM alert_outbox o WHERE o.event_id = ? AND o.recipient = CAST(s.chat_id AS VARCHAR))"
                        + " GROUP BY s.chat_id")) {
            insert.setLong(1, eventId);
            insert.setObject(2, AlertOutbox.time(clock.instant()));
            setDigest(insert, 3, digestId);
            insert.setString(4, baseId);
            insert.setString(5, baseId);
            insert.setLong(6, eventId);
            insert.executeUpdate();
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

    private void toChannel(Connection c, long eventId, String channel, Long digestId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO alert_outbox (event_id, recipient, channel, status, next_attempt_at, digest_id)"
                        + " SELECT ?, ?, TRUE, 'pending', ?, ? WHERE NOT EXISTS"
                        + " (SELECT 1 FROM alert_outbox WHERE event_id = ? AND recipient = ?)")) {
            insert.setLong(1, eventId);
            insert.setString(2, channel);
            insert.setObject(3, AlertOutbox.time(clock.instant()));
            setDigest(insert, 4, digestId);
            insert.setLong(5, eventId);
            insert.setString(6, channel);
            insert.executeUpdate();
        }
    }

    private static void setDigest(PreparedStatement insert, int index, Long digestId) throws SQLException {
        if (digestId == null) {
            insert.setNull(index, java.sql.Types.BIGINT);
        } else {
            insert.setLong(index, digestId);
        }
    }
}
