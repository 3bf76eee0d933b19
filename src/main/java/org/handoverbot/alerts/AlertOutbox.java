package org.handoverbot.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.handoverbot.knowledge.Database;

/**
 * The alerts outbox in the database and every state change a sender makes on it. Each change is one conditional UPDATE
 * committed on its own, so whatever instance crashes, the table says exactly which alerts are done.
 *
 * <p>Life of a row: pending → (claimed: claimed_by + lease_until) → sending → sent. A claim only reserves
 * pending rows; a claim whose lease runs out (its instance died) is taken over by another instance, which is
 * safe because nothing was sent for it. The step to 'sending' is committed right before the HTTP request and
 * the step to 'sent' right after the answer. A row found still 'sending' after its lease ran out belongs to
 * an instance that died with the request in flight: Telegram may or may not have shown it, and the Bot API
 * offers no way to ask, so it is closed as failed and never sent again. That is the at-most-once choice:
 * a crash can cost at most the one alert each instance had in flight (recorded, visible to admins), and can
 * never send one twice.
 */
public final class AlertOutbox {

    static final String OUTCOME_UNKNOWN = "outcome unknown: the sender stopped while this alert was in flight; not resent so it cannot arrive twice";

    private final Database database;
    private final String claimSql;

    public AlertOutbox(Database database) {
        this.database = database;
        this.claimSql = claimSql(database.vendor());
    }

    /**
     * One conditional UPDATE. On H2, of two instances racing for a row one updates it and the condition is
     * checked again for the other once the first commits, so a row is claimed by one instance only. On
     * PostgreSQL the candidates are locked with SKIP LOCKED: an instance passes over the rows another is
     * claiming at that moment instead of waiting for them, so several instances drain the outbox side by side.
     */
    private static String claimSql(org.handoverbot.knowledge.Vendor vendor) {
        String candidates = "SELECT id FROM alert_outbox"
                + " WHERE status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ? OR claimed_by = ?)"
                + " ORDER BY next_attempt_at, id LIMIT ?";
        String lock = switch (vendor) {
            case H2 -> "";
            case POSTGRESQL -> " FOR UPDATE SKIP LOCKED";
        };
        return "UPDATE alert_outbox SET claimed_by = ?, lease_until = ? WHERE id IN (" + candidates + lock + ")"
                + " AND status = 'pending' AND (lease_until IS NULL OR lease_until < ? OR claimed_by = ?)";
    }

    /**
     * Reserves up to max due pending rows for this instance until now + lease. Rows reserved by an instance
     * whose lease ran out are taken over. Oldest due first.
     */
    public List<OutboxRow> claim(String instance, int max, Instant now, Duration lease) {
        OffsetDateTime until = time(now.plus(lease));
        return database.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(claimSql)) {
                update.setString(1, instance);
                update.setObject(2, until);
                update.setObject(3, time(now));
                update.setObject(4, time(now));
                update.setString(5, instance);
                update.setInt(6, max);
                update.setObject(7, time(now));
                update.setString(8, instance);
                if (update.executeUpdate() == 0) {
                    return List.of();
                }
            }
            List<OutboxRow> rows = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, event_id, recipient, channel, attempts, digest_id FROM alert_outbox"
                            + " WHERE claimed_by = ? AND status = 'pending' ORDER BY next_attempt_at, id")) {
                select.setString(1, instance);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new OutboxRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getInt(5),
                                rs.getObject(6) == null ? null : rs.getLong(6)));
                    }
                }
            }
            return rows;
        });
    }

    /**
     * The last step before the request: the row becomes 'sending' if this instance still holds it.
     * False means another instance took it over (this one was too slow), so this one must not send.
     */
    public boolean beginSending(long id, String instance, Instant now, Duration inFlightLease) {
        return update("UPDATE alert_outbox SET status = 'sending', attempts = attempts + 1, lease_until = ?"
                        + " WHERE id = ? AND status = 'pending' AND claimed_by = ? AND lease_until >= ?",
                time(now.plus(inFlightLease)), id, instance, time(now)) == 1;
    }

    /** Telegram took the message: the row is done, recorded with the message id it got. */
    public void markSent(long id, long messageId, Instant now) {
        update("UPDATE alert_outbox SET status = 'sent', sent_at = ?, message_id = ?, claimed_by = NULL,"
                + " lease_until = NULL, last_error = NULL WHERE id = ? AND status = 'sending'", time(now), messageId, id);
    }

    /**
     * Telegram refused the message (so it was not shown): back to pending, due at the given time.
     * countsAsAttempt false gives back the attempt (a 429 says nothing about the message itself).
     */
    public void retryLater(long id, Instant dueAt, String error, boolean countsAsAttempt) {
        update("UPDATE alert_outbox SET status = 'pending', next_attempt_at = ?, last_error = ?, claimed_by = NULL,"
                        + " lease_until = NULL, attempts = attempts - ? WHERE id = ? AND status = 'sending'",
                time(dueAt), clip(error), countsAsAttempt ? 0 : 1, id);
    }

    /** A reserved row that must wait (its chat was written to a moment ago): released, due later. */
    public void postpone(long id, String instance, Instant dueAt) {
        update("UPDATE alert_outbox SET next_attempt_at = ?, claimed_by = NULL, lease_until = NULL"
                + " WHERE id = ? AND status = 'pending' AND claimed_by = ?", time(dueAt), id, instance);
    }

    /** The row will never be sent; the reason is kept for admins. */
    public void fail(long id, String error) {
        update("UPDATE alert_outbox SET status = 'failed', last_error = ?, claimed_by = NULL, lease_until = NULL"
                + " WHERE id = ? AND status IN ('pending', 'sending')", clip(error), id);
    }

    /**
     * The request left but no answer came (none within the wait, or the connection broke mid-request): Telegram
     * may or may not have shown it, so it is never sent again; counted apart in /queue as "outcome unknown".
     */
    public void failOutcomeUnknown(long id, String error) {
        update("UPDATE alert_outbox SET status = 'failed', ended = 'unknown', last_error = ?, claimed_by = NULL,"
                + " lease_until = NULL WHERE id = ? AND status IN ('pending', 'sending')", clip(error), id);
    }

    /**
     * Alerts still unsent that were queued before the cutoff expire: news that old would arrive stale. They end
     * failed with the note, counted apart in /queue. Returns how many.
     */
    public int expireQueuedBefore(Instant cutoff, String note) {
        return update("UPDATE alert_outbox SET status = 'failed', ended = 'expired', last_error = ?, claimed_by = NULL,"
                + " lease_until = NULL WHERE status = 'pending' AND created_at < ?", clip(note), time(cutoff));
    }

    /** Every alert still waiting for this recipient fails with the reason (the chat blocked the bot). */
    public int failAllPendingFor(String recipient, String error) {
        return update("UPDATE alert_outbox SET status = 'failed', last_error = ?, claimed_by = NULL, lease_until = NULL"
                + " WHERE recipient = ? AND status = 'pending'", clip(error), recipient);
    }

    /** Gives back every pending row this instance reserved (on shutdown, or when Telegram says wait). */
    public int release(String instance) {
        return update("UPDATE alert_outbox SET claimed_by = NULL, lease_until = NULL"
                + " WHERE claimed_by = ? AND status = 'pending'", instance);
    }

    /**
     * Closes rows left 'sending' by an instance that died with the request in flight (lease over): failed,
     * outcome unknown, never resent. Returns how many.
     */
    public int closeAbandonedSends(Instant now) {
        return update("UPDATE alert_outbox SET status = 'failed', ended = 'unknown', last_error = ?, claimed_by = NULL,"
                + " lease_until = NULL WHERE status = 'sending' AND lease_until < ?", OUTCOME_UNKNOWN, time(now));
    }

    /** Alerts still to go: pending or in flight (for the metrics). */
    public int depth() {
        return database.inTransaction(c -> {
            try (PreparedStatement count = c.prepareStatement(
                    "SELECT COUNT(*) FROM alert_outbox WHERE status IN ('pending', 'sending')");
                 ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Counts by status, the next few due and the latest failures. */
    public QueueStatus status(int subscribers, int show) {
        return database.inTransaction(c -> {
            int[] counts = new int[4];
            try (PreparedStatement count = c.prepareStatement("SELECT status, COUNT(*) FROM alert_outbox GROUP BY status");
                 ResultSet rs = count.executeQuery()) {
                while (rs.next()) {
                    switch (rs.getString(1)) {
                        case "pending" -> counts[0] = rs.getInt(2);
                        case "sending" -> counts[1] = rs.getInt(2);
                        case "sent" -> counts[2] = rs.getInt(2);
                        default -> counts[3] = rs.getInt(2);
                    }
                }
            }
            int[] ended = new int[2];
            try (PreparedStatement count = c.prepareStatement(
                    "SELECT ended, COUNT(*) FROM alert_outbox WHERE status = 'failed' AND ended IS NOT NULL GROUP BY ended");
                 ResultSet rs = count.executeQuery()) {
                while (rs.next()) {
                    ended["expired".equals(rs.getString(1)) ? 1 : 0] += rs.getInt(2);
                }
            }
            List<QueueStatus.Entry> due = entries(c, "SELECT event_id, recipient, attempts, next_attempt_at, last_error"
                    + " FROM alert_outbox WHERE status = 'pending' ORDER BY next_attempt_at, id LIMIT ?", show);
            List<QueueStatus.Entry> failures = entries(c, "SELECT event_id, recipient, attempts, created_at, last_error"
                    + " FROM alert_outbox WHERE status = 'failed' ORDER BY id DESC LIMIT ?", show);
            return new QueueStatus(counts[0], counts[1], counts[2], counts[3], ended[0], ended[1], subscribers, due, failures);
        });
    }

    private static List<QueueStatus.Entry> entries(Connection c, String sql, int limit) throws SQLException {
        List<QueueStatus.Entry> entries = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setInt(1, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    entries.add(new QueueStatus.Entry(rs.getLong(1), rs.getString(2), rs.getInt(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)));
                }
            }
        }
        return entries;
    }

    private int update(String sql, Object... parameters) {
        return database.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    update.setObject(i + 1, parameters[i]);
                }
                return update.executeUpdate();
            }
        });
    }

    /** Millisecond precision: the column keeps microseconds and rounds, so a due time could land after "now". */
    static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    private static String clip(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
