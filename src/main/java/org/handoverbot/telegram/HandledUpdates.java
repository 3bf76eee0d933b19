package org.handoverbot.telegram;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.GroupCommit;

/**
 * Which Telegram updates the bot has taken in, kept in the database (table telegram_update) so that nothing is
 * answered twice, also across a crash and restart when Telegram delivers unconfirmed updates again, and also
 * when several instances share the database behind one webhook (each update is leased to the instance that took
 * it in; see {@link Claim}).
 * An update is claimed before it is queued and marked answered just before its reply goes out: a crash in
 * between loses no question (the next process handles it again), a crash after never sends a second reply.
 * Long polling on H2's file marks through a journal beside the database ({@link #journaled}).
 */
public final class HandledUpdates implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HandledUpdates.class);

    /** A RECEIVED update that made the bot fail this many times is given up, so one poison update can't crash-loop it. */
    static final int MAX_ATTEMPTS = 3;

    /** Telegram keeps an update 24 hours; remembering it twice as long is enough. */
    static final Duration KEEP = Duration.ofDays(2);
    private static final int PRUNE_EVERY = 10_000;

    /** What claiming an update found. */
    public enum Claim {
        /** This instance handles it: new, or taken in earlier by an instance that is gone, and never answered. */
        TAKEN,
        /** Answered already, being handled in this process, or given up: nothing to do. */
        HANDLED,
        /** Another instance has it in hand right now (its lease runs): it may still answer, or die trying. */
        BUSY_ELSEWHERE
    }

    /** How long a webhook instance holds an update it took in before another instance may take it over. */
    public static final Duration WEBHOOK_LEASE = Duration.ofSeconds(60);

    private final Database database;
    /** Claims and answered marks from the poller and the chat workers share commits (see {@link GroupCommit}). */
    private final GroupCommit commits;
    private final String instance;
    private final Duration lease;
    private final Set<Long> inThisProcess = ConcurrentHashMap.newKeySet();
    /** With a journal: claims and answered marks are written there and moved into the table in batches. */
    private final Optional<UpdateJournal> journal;
    private final JournalMoves moves;
    private final Set<Long> answeredNotMoved = ConcurrentHashMap.newKeySet();
    private final Object moving = new Object();
    private final Optional<ScheduledExecutorService> mover;
    private final java.util.concurrent.atomic.AtomicLong claimsTaken = new java.util.concurrent.atomic.AtomicLong();

    /** For one receiver (long polling): an update another process took in and never answered is taken at once. */
    public HandledUpdates(Database database) {
        this(database, "bot-" + java.util.UUID.randomUUID(), Duration.ZERO);
    }

    /**
     * For one of several instances behind one webhook: an update this instance takes in is leased to it for
     * lease, so an instance that gets the update again meanwhile leaves it to this one.
     */
    public HandledUpdates(Database database, String instance, Duration lease) {
        this(database, instance, lease, Optional.empty());
    }

    private HandledUpdates(Database database, String instance, Duration lease, Optional<UpdateJournal> journal) {
        this.database = database;
        this.commits = new GroupCommit(database);
        this.instance = instance;
        this.lease = lease;
        this.journal = journal;
        this.moves = new JournalMoves(instance);
        this.mover = journal.map(j -> Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("update-journal")));
        try {
            journal.ifPresent(this::takeInLeftBehind);
            mover.ifPresent(m -> m.scheduleWithFixedDelay(this::moveQuietly, MOVE_EVERY.toMillis(), MOVE_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * For the one receiver of an embedded database (long polling on H2's file): claims and answered marks go to a
     * journal beside the database file and into the table in batches ({@link UpdateJournal}: a commit per reply
     * was most of a reply's cost under a burst). What a killed process left in the journal is moved into the
     * table first. Anywhere else (PostgreSQL, several instances behind a webhook, a database in memory, or another
     * process holding the journal) claims and marks are commits, as with {@link #HandledUpdates(Database)}. Close
     * it after the last reply.
     */
    public static HandledUpdates journaled(Database database) {
        return new HandledUpdates(database, "bot-" + java.util.UUID.randomUUID(), Duration.ZERO,
                database.localFile().flatMap(UpdateJournal::beside));
    }

    /** How often the journal is moved into the table (and the most a record waits there while the bot runs). */
    static final Duration MOVE_EVERY = Duration.ofMillis(250);

    /** Whether claims and marks go through a journal (see {@link #journaled}). */
    public boolean isJournaled() {
        return journal.isPresent();
    }

    /** True when the caller should handle the update: it is new, or an earlier process took it in but never answered. */
    public boolean claim(long updateId, long chatId) {
        return take(updateId, chatId) == Claim.TAKEN;
    }

    /** Claims the update for this instance, or says why not. */
    public Claim take(long updateId, long chatId) {
        return take(updateId, chatId, null);
    }

    /**
     * The same, keeping the update's JSON with the claim until it is answered (webhook: Telegram delivers nothing
     * again that got 200, so a restart or another instance answers it from what is kept; null keeps nothing).
     */
    public Claim take(long updateId, long chatId, String payload) {
        if (answeredNotMoved.contains(updateId) || !inThisProcess.add(updateId)) {
            return Claim.HANDLED;
        }
        Claim claim;
        try {
            claim = journal.isPresent()
                    ? takeInJournal(List.of(new Incoming(updateId, chatId, payload)), Instant.now()).get(0)
                    : tryClaim(updateId, chatId, payload);
        } catch (RuntimeException e) {
            inThisProcess.remove(updateId);
            throw e;
        }
        return claimed(updateId, claim);
    }

    /**
     * Claims every update of one delivery (a getUpdates answer) in one transaction: what {@link #take} says of each,
     * keyed by update id. An update whose claim fails even on its own (the database is failing) is missing from
     * the answer; the caller decides what to do with it.
     */
    public java.util.Map<Long, Claim> takeAll(java.util.List<Incoming> updates) {
        java.util.Map<Long, Claim> answer = new java.util.LinkedHashMap<>();
        java.util.List<Incoming> toClaim = new java.util.ArrayList<>();
        for (Incoming update : updates) {
            if (answer.containsKey(update.updateId()) || answeredNotMoved.contains(update.updateId())
                    || !inThisProcess.add(update.updateId())) {
                answer.putIfAbsent(update.updateId(), Claim.HANDLED);
            } else {
                answer.put(update.updateId(), null);
                toClaim.add(update);
            }
        }
        if (toClaim.isEmpty()) {
            return answer;
        }
        java.util.List<Claim> found;
        try {
            Instant now = Instant.now();
            found = journal.isPresent() ? takeInJournal(toClaim, now) : commits.inTransaction(c -> {
                java.util.List<Claim> each = new java.util.ArrayList<>(toClaim.size());
                for (Incoming update : toClaim) {
                    each.add(claimIn(c, update.updateId(), update.chatId(), update.payload(), now));
                }
                return each;
            });
        } catch (RuntimeException e) {
            if (journal.isPresent()) {
                // The table cannot be read or the journal written: these go without the guard.
                toClaim.forEach(update -> {
                    inThisProcess.remove(update.updateId());
                    answer.remove(update.updateId());
                });
                return answer;
            }
            // One claim spoiled the transaction: claim each alone, so only that one goes without the guard.
            for (Incoming update : toClaim) {
                inThisProcess.remove(update.updateId());
                answer.remove(update.updateId());
                try {
                    answer.put(update.updateId(), take(update.updateId(), update.chatId()));
                } catch (RuntimeException alone) {
                    // missing from the answer: the caller answers it without the guard
                }
            }
            return answer;
        }
        for (int i = 0; i < toClaim.size(); i++) {
            answer.put(toClaim.get(i).updateId(), claimed(toClaim.get(i).updateId(), found.get(i)));
        }
        return answer;
    }

    /**
     * An update as the intake sees it before claiming: its id, its chat and its JSON (kept with the claim until it
     * is answered, so a restart can answer it; null when not kept).
     */
    public record Incoming(long updateId, long chatId, String payload) {
        public Incoming(long updateId, long chatId) {
            this(updateId, chatId, null);
        }
    }

    /** After a claim: forgets the in-process mark of an update not taken, prunes now and then. */
    private Claim claimed(long updateId, Claim claim) {
        if (claim != Claim.TAKEN) {
            inThisProcess.remove(updateId);
        } else if (claimsTaken.incrementAndGet() % PRUNE_EVERY == 0) {
            forgetOlderThan(KEEP);
        }
        return claim;
    }

    /**
     * Claims with a journal: decided from the rows (read, no commit) as {@link #claimIn} decides, and written to
     * the journal in one write before the caller queues anything. The updates are in this process's hands
     * (inThisProcess) until answered, so no row of theirs that is still only in the journal is ever needed here.
     */
    private List<Claim> takeInJournal(List<Incoming> toClaim, Instant now) {
        Map<Long, JournalMoves.Row> rows;
        try (Connection c = database.connection()) {
            rows = JournalMoves.rows(c, toClaim.stream().map(Incoming::updateId).toList());
        } catch (SQLException e) {
            throw new org.handoverbot.knowledge.StoreException("database error: " + e.getMessage(), e);
        }
        List<Claim> each = new ArrayList<>(toClaim.size());
        List<UpdateJournal.Taken> taken = new ArrayList<>();
        for (Incoming update : toClaim) {
            JournalMoves.Row row = rows.get(update.updateId());
            Claim claim;
            if (row == null) {
                claim = Claim.TAKEN;
                taken.add(new UpdateJournal.Taken(update.updateId(), update.chatId(), now, 1, update.payload()));
            } else if (!row.state().equals("RECEIVED") || row.attempts() >= MAX_ATTEMPTS) {
                claim = Claim.HANDLED;
            } else if (row.leaseUntil() != null && row.leaseUntil().isAfter(now) && !instance.equals(row.claimedBy())) {
                claim = Claim.BUSY_ELSEWHERE;
            } else {
                claim = Claim.TAKEN;
                taken.add(new UpdateJournal.Taken(update.updateId(), update.chatId(), now, row.attempts() + 1, null));
            }
            each.add(claim);
        }
        if (!taken.isEmpty()) {
            journal.orElseThrow().append(taken);
        }
        return each;
    }

    private Claim tryClaim(long updateId, long chatId, String payload) {
        Instant now = Instant.now();
        return commits.inTransaction(c -> claimIn(c, updateId, chatId, payload, now));
    }

    /**
     * The claim inside a transaction (maybe shared with other claims and marks, see {@link GroupCommit}): a new
     * update is inserted RECEIVED; one seen before is taken again only while it is RECEIVED, not given up, and
     * not leased to another instance.
     */
    private Claim claimIn(Connection c, long updateId, long chatId, String payload, Instant now) throws SQLException {
        Timestamp until = Timestamp.from(now.plus(lease));
        // A savepoint, because on PostgreSQL a failed INSERT ends the transaction unless rolled back to one.
        java.sql.Savepoint beforeInsert = c.setSavepoint();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO telegram_update (update_id, chat_id, state, "
                + "received_at, claimed_by, lease_until, payload) VALUES (?, ?, 'RECEIVED', ?, ?, ?, ?)")) {
            insert.setLong(1, updateId);
            insert.setLong(2, chatId);
            insert.setTimestamp(3, Timestamp.from(now));
            insert.setString(4, instance);
            insert.setTimestamp(5, until);
            insert.setString(6, payload);
            insert.executeUpdate();
            return Claim.TAKEN;
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(beforeInsert);
        }
        try (PreparedStatement retake = c.prepareStatement("UPDATE telegram_update SET attempts = attempts + 1, "
                + "claimed_by = ?, lease_until = ? WHERE update_id = ? AND state = 'RECEIVED' AND attempts < ? "
                + "AND (lease_until IS NULL OR lease_until <= ? OR claimed_by = ?)")) {
            retake.setString(1, instance);
            retake.setTimestamp(2, until);
            retake.setLong(3, updateId);
            retake.setInt(4, MAX_ATTEMPTS);
            retake.setTimestamp(5, Timestamp.from(now));
            retake.setString(6, instance);
            if (retake.executeUpdate() == 1) {
                return Claim.TAKEN;
            }
        }
        try (PreparedStatement query = c.prepareStatement(
                "SELECT state, attempts FROM telegram_update WHERE update_id = ?")) {
            query.setLong(1, updateId);
            try (ResultSet rs = query.executeQuery()) {
                boolean open = rs.next() && rs.getString(1).equals("RECEIVED") && rs.getInt(2) < MAX_ATTEMPTS;
                return open ? Claim.BUSY_ELSEWHERE : Claim.HANDLED;
            }
        }
    }

    /** Called just before the first message of the reply goes out (or when the update needs no reply). */
    public void markAnswered(long updateId) {
        if (journal.isPresent()) {
            answeredNotMoved.add(updateId);
            try {
                journal.get().append(List.of(new UpdateJournal.Answered(updateId, Instant.now())));
            } catch (RuntimeException e) {
                answeredNotMoved.remove(updateId);
                throw e;
            }
        } else {
            commits.inTransaction(c -> {
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE telegram_update SET state = 'ANSWERED', answered_at = ?, payload = NULL WHERE update_id = ?")) {
                    update.setTimestamp(1, Timestamp.from(Instant.now()));
                    update.setLong(2, updateId);
                    return update.executeUpdate();
                }
            });
        }
        inThisProcess.remove(updateId);
    }

    /** At start: what a killed process left in the journal goes into the table before any update is taken in. */
    private void takeInLeftBehind(UpdateJournal journal) {
        List<UpdateJournal.Entry> left = journal.leftBehind();
        if (!left.isEmpty()) {
            database.inTransaction(c -> {
                moves.write(c, left);
                return null;
            });
            LOG.info("{} records left in {} by the last run are in the database now", left.size(), journal.file());
        }
        journal.forgetLeftBehind();
    }

    /** Moves the journal into the table (one commit); its records stay in the journal until that commit is done. */
    void moveJournal() {
        UpdateJournal j = journal.orElseThrow();
        // Not the journal's own lock: claims and replies keep appending while a batch is committed.
        synchronized (moving) {
            List<UpdateJournal.Entry> batch = j.batch();
            if (batch.isEmpty()) {
                return;
            }
            commits.inTransaction(c -> {
                moves.write(c, batch);
                return null;
            });
            j.moved();
            batch.stream().filter(UpdateJournal.Answered.class::isInstance)
                    .forEach(entry -> answeredNotMoved.remove(entry.updateId()));
        }
    }

    private void moveQuietly() {
        try {
            moveJournal();
        } catch (RuntimeException e) {
            // Kept in the journal and tried again at the next move, or taken in at the next start.
            LOG.warn("cannot move the update journal into the database yet: {}", e.toString());
        }
    }

    /** Moves what the journal holds into the table and lets it go (after the last reply went out). */
    @Override
    public void close() {
        mover.ifPresent(ScheduledExecutorService::shutdownNow);
        journal.ifPresent(j -> {
            try {
                moveJournal();
            } catch (RuntimeException e) {
                LOG.warn("the update journal stays in {} and goes into the database at the next start: {}", j.file(), e.toString());
            }
            j.close();
        });
    }

    /**
     * Lets go of an update this process claimed but did not handle (no room, shutting down): Telegram delivers it
     * again and it is taken then; this was no attempt, so it does not count towards giving the update up.
     */
    public void release(long updateId) {
        try {
            if (journal.isPresent()) {
                moveJournal(); // its claim may still be only in the journal
            }
            database.inTransaction(c -> {
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE telegram_update SET attempts = attempts - 1, lease_until = NULL WHERE update_id = ? "
                                + "AND state = 'RECEIVED' AND attempts > 0")) {
                    update.setLong(1, updateId);
                    return update.executeUpdate();
                }
            });
        } finally {
            inThisProcess.remove(updateId);
        }
    }

    /**
     * Webhook: holds on to the updates this instance has in hand (taken, not yet answered nor let go) for another
     * lease, so that no other instance takes over an update it is still answering. Returns how many it renewed.
     */
    public int renewLeases() {
        java.util.List<Long> held = java.util.List.copyOf(inThisProcess);
        if (held.isEmpty() || lease.isZero()) {
            return 0;
        }
        return database.inTransaction(c -> {
            // lease_until NULL: let go (release); another instance may have taken it since
            try (PreparedStatement renew = c.prepareStatement("UPDATE telegram_update SET lease_until = ? WHERE update_id = ?"
                    + " AND claimed_by = ? AND state = 'RECEIVED' AND lease_until IS NOT NULL")) {
                Timestamp until = Timestamp.from(Instant.now().plus(lease));
                for (long updateId : held) {
                    renew.setTimestamp(1, until);
                    renew.setLong(2, updateId);
                    renew.setString(3, instance);
                    renew.addBatch();
                }
                int renewed = 0;
                for (int n : renew.executeBatch()) {
                    renewed += Math.max(n, 0);
                }
                return renewed;
            }
        });
    }

    /**
     * The updates taken in within the last `within` and never answered, as kept (JSON), oldest first: those a
     * process still had queued when it died, which long polling had already confirmed to Telegram (or a webhook
     * had answered 200). Not those given up, nor those another instance holds now, nor those in hand here.
     */
    public java.util.List<String> unanswered(Duration within) {
        return database.inTransaction(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT payload, update_id FROM telegram_update WHERE state = 'RECEIVED'"
                    + " AND payload IS NOT NULL AND attempts < ? AND received_at >= ?"
                    + " AND (lease_until IS NULL OR lease_until <= ? OR claimed_by = ?) ORDER BY update_id")) {
                Instant now = Instant.now();
                query.setInt(1, MAX_ATTEMPTS);
                query.setTimestamp(2, Timestamp.from(now.minus(within)));
                query.setTimestamp(3, Timestamp.from(now));
                query.setString(4, instance);
                java.util.List<String> kept = new java.util.ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        // neither answered (its mark still in the journal) nor in hand here (a webhook instance's own)
                        if (!answeredNotMoved.contains(rs.getLong(2)) && !inThisProcess.contains(rs.getLong(2))) {
                            kept.add(rs.getString(1));
                        }
                    }
                }
                return kept;
            }
        });
    }

    public boolean isAnswered(long updateId) {
        if (answeredNotMoved.contains(updateId)) {
            return true;
        }
        return database.inTransaction(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT state FROM telegram_update WHERE update_id = ?")) {
                query.setLong(1, updateId);
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next() && rs.getString(1).equals("ANSWERED");
                }
            }
        });
    }

    /** Forgets updates older than Telegram keeps them (24 h); returns how many rows went. */
    public int forgetOlderThan(Duration age) {
        return database.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM telegram_update WHERE received_at < ?")) {
                delete.setTimestamp(1, Timestamp.from(Instant.now().minus(age)));
                return delete.executeUpdate();
            }
        });
    }
}
