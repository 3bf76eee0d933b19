package org.handoverbot.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.Event;

/**
 * Digests: the new events of one ingest that one outbox row stands for (V8: alert_digest, alert_digest_event).
 * Written by {@link AlertOutboxWriter} inside the ingest transaction, read by the sender's texts.
 */
public final class AlertDigests {

    /** What a digest row stands for: the base its recipients follow (null: every base) and its events' ids. */
    public record Digest(long id, String baseId, List<Long> eventIds) {
    }

    private final Database database;

    public AlertDigests(Database database) {
        this.database = database;
    }

    /** Writes a digest of events (in their order) for the followers of baseId (null: every base); its id. */
    static long write(Connection c, String baseId, List<Event> events) throws SQLException {
        long id;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO alert_digest (base_id) VALUES (?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, baseId);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO alert_digest_event (digest_id, event_id) VALUES (?, ?)")) {
            for (Event e : events) {
                insert.setLong(1, id);
                insert.setLong(2, e.id());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return id;
    }

    public Optional<Digest> digest(long id) {
        return database.inTransaction(c -> {
            String base;
            try (PreparedStatement select = c.prepareStatement("SELECT base_id FROM alert_digest WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    base = rs.getString(1);
                }
            }
            List<Long> events = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT event_id FROM alert_digest_event WHERE digest_id = ? ORDER BY event_id")) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        events.add(rs.getLong(1));
                    }
                }
            }
            return Optional.of(new Digest(id, base, events));
        });
    }
}
