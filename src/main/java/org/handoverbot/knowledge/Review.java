package org.handoverbot.knowledge;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Doubtful extractions wait for an operator. A handover read with a flagged date (its weekday disagrees) or an
 * unknown base is stored "to review": not told as fact, not alerted. (A party the text does not name stays
 * empty, as reports often leave the receiver out; that alone holds nothing back.) An operator lists
 * them, approves one (it becomes fact and its alerts are written, in the same transaction, exactly once) or
 * rejects it (it stays stored, never told). Every decision raises the knowledge version, so running bots reload.
 */
public final class Review {

    /** One event waiting for review, with why. */
    public record Pending(Event event, String reason, String dateFlag, String baseName) {
    }

    /** What a decision did: "approved", "rejected", or why nothing changed. */
    public enum Outcome { APPROVED, REJECTED, NOT_WAITING }

    private final Database database;
    private final NewEventsListener listener;

    public Review(Database database, NewEventsListener listener) {
        this.database = Objects.requireNonNull(database);
        this.listener = Objects.requireNonNull(listener);
    }

    /** Why an event read from an article must wait for an operator, or empty when it need not. */
    static Optional<String> reason(EventDraft e) {
        if (e.kind() != EventKind.HANDOVER) {
            return Optional.empty();
        }
        if (e.dateFlag() != null) {
            return Optional.of("date " + e.date() + ": " + e.dateFlag() + " named beside it is another day");
        }
        if (e.baseId() == null) {
            return Optional.of("unknown base: " + (e.baseName() == null ? "not named" : e.baseName()));
        }
        return Optional.empty();
    }

    public List<Pending> pending() {
        return database.inTransaction(c -> {
            List<Pending> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, review_reason, date_flag, base_name FROM event "
                    + "WHERE review_state = 'to_review' ORDER BY id")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        Event e = StoredRows.event(c, id).orElseThrow();
                        out.add(new Pending(e, rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    /** Makes a waiting event fact and writes its alerts; a second approval finds nothing waiting. */
    public Outcome approve(long eventId) {
        return decide(eventId, null, Outcome.APPROVED);
    }

    public Outcome reject(long eventId) {
        return decide(eventId, "rejected", Outcome.REJECTED);
    }

    private Outcome decide(long eventId, String newState, Outcome done) {
        return database.inTransaction(c -> {
            KnowledgeVersion.bump(c);
            int changed;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE event SET review_state = ? WHERE id = ? AND review_state = 'to_review'")) {
                ps.setString(1, newState);
                ps.setLong(2, eventId);
                changed = ps.executeUpdate();
            }
            if (changed == 0) {
                return Outcome.NOT_WAITING;
            }
            if (done == Outcome.APPROVED) {
                listener.onNewEvents(c, List.of(StoredRows.event(c, eventId).orElseThrow()));
            }
            return done;
        });
    }
}
