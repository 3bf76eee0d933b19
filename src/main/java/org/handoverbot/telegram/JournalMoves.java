package org.handoverbot.telegram;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table side of the {@link UpdateJournal}: the rows a journaled claim decides on, and the records of the
 * journal written into telegram_update. Only for H2 on a file (the journal exists nowhere else), hence H2's MERGE.
 *
 * <p>Replaying a batch is harmless: each record sets a row to what the record says, in the journal's order, so a
 * batch committed and then replayed (a kill between the commit and the deletion of the batch's file) leaves the
 * rows as they were. An update taken in and answered within one batch is written once, already answered and
 * without its JSON: under a burst that is nearly every update, so its JSON never enters the database.
 */
final class JournalMoves {

    /** What the table says of an update, for a claim. */
    record Row(String state, int attempts, String claimedBy, Instant leaseUntil) {
    }

    private final String instance;

    JournalMoves(String instance) {
        this.instance = instance;
    }

    /** The rows of these updates (ids of one delivery are consecutive: one range read, no commit). */
    static Map<Long, Row> rows(Connection c, List<Long> ids) throws SQLException {
        long low = ids.stream().mapToLong(Long::longValue).min().orElseThrow();
        long high = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
        Set<Long> wanted = new HashSet<>(ids);
        Map<Long, Row> rows = new HashMap<>();
        try (PreparedStatement query = c.prepareStatement("SELECT update_id, state, attempts, claimed_by, lease_until"
                + " FROM telegram_update WHERE update_id BETWEEN ? AND ?")) {
            query.setLong(1, low);
            query.setLong(2, high);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    if (wanted.contains(rs.getLong(1))) {
                        Timestamp lease = rs.getTimestamp(5);
                        rows.put(rs.getLong(1), new Row(rs.getString(2), rs.getInt(3), rs.getString(4),
                                lease == null ? null : lease.toInstant()));
                    }
                }
            }
        }
        return rows;
    }

    /** Writes the records into the table, in their order, inside the caller's transaction. */
    void write(Connection c, List<UpdateJournal.Entry> entries) throws SQLException {
        Map<Long, UpdateJournal.Answered> answered = new HashMap<>();
        for (UpdateJournal.Entry entry : entries) {
            if (entry instanceof UpdateJournal.Answered a) {
                answered.putIfAbsent(a.updateId(), a);
            }
        }
        Set<Long> writtenAnswered = new HashSet<>();
        try (PreparedStatement merge = c.prepareStatement("MERGE INTO telegram_update (update_id, chat_id, state,"
                + " attempts, received_at, answered_at, claimed_by, lease_until, payload) KEY (update_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement retake = c.prepareStatement("UPDATE telegram_update SET attempts = ?, claimed_by = ?,"
                     + " lease_until = ? WHERE update_id = ? AND state = 'RECEIVED'");
             PreparedStatement mark = c.prepareStatement("UPDATE telegram_update SET state = 'ANSWERED',"
                     + " answered_at = ?, payload = NULL WHERE update_id = ?")) {
            for (UpdateJournal.Entry entry : entries) {
                if (entry instanceof UpdateJournal.Taken t && t.attempts() == 1) {
                    UpdateJournal.Answered a = answered.get(t.updateId());
                    merge.setLong(1, t.updateId());
                    merge.setLong(2, t.chatId());
                    merge.setString(3, a == null ? "RECEIVED" : "ANSWERED");
                    merge.setInt(4, 1);
                    merge.setTimestamp(5, Timestamp.from(t.at()));
                    merge.setTimestamp(6, a == null ? null : Timestamp.from(a.at()));
                    merge.setString(7, instance);
                    merge.setTimestamp(8, Timestamp.from(t.at()));
                    merge.setString(9, a == null ? t.payload() : null);
                    merge.addBatch();
                    if (a != null) {
                        writtenAnswered.add(t.updateId());
                    }
                } else if (entry instanceof UpdateJournal.Taken t) {
                    retake.setInt(1, t.attempts());
                    retake.setString(2, instance);
                    retake.setTimestamp(3, Timestamp.from(t.at()));
                    retake.setLong(4, t.updateId());
                    retake.addBatch();
                } else if (entry instanceof UpdateJournal.Answered a && !writtenAnswered.contains(a.updateId())) {
                    mark.setTimestamp(1, Timestamp.from(a.at()));
                    mark.setLong(2, a.updateId());
                    mark.addBatch();
                }
            }
            // New rows first, then the takings again and the marks: a mark always follows its update's row.
            merge.executeBatch();
            retake.executeBatch();
            mark.executeBatch();
        }
    }
}
