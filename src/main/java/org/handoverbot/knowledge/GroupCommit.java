package org.handoverbot.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Small transactions from many threads, committed together: {@link #inTransaction} promises what
 * {@link Database#inTransaction} promises (when it returns, the work is committed and written to the database
 * file, so a kill -9 right after loses none of it), but works that arrive while a commit is under way wait for
 * it and then go in one transaction, one commit and one write of the file between them (group commit).
 *
 * <p>Why: bookkeeping such as the Telegram duplicate guard writes a row or two per update from 16 chat workers
 * at once; on H2 each commit writes the file and the census record beside it, and commits queue behind one
 * another on the store's generation row, so under a burst the workers waited for each other's commits rather
 * than for their own work. Here the first thread to arrive commits what is waiting; the threads that came
 * meanwhile find their work committed by the next leader, one of them. No thread waits on a timer: a lone
 * work is committed at once, as by the database itself.
 *
 * <p>If a combined transaction fails (one work's SQL error, a lock timeout, a deadlock with another instance),
 * nothing of it was committed, and each work of it runs again alone in a transaction of its own, so only the
 * work at fault sees the failure, as it would have without grouping. A work may therefore run twice (once in
 * the failed group, rolled back, then alone): it must do nothing outside its connection.
 */
public final class GroupCommit {

    private final Database database;
    private final Object lock = new Object();
    private List<Pending<?>> waiting = new ArrayList<>(); // guarded by lock
    private boolean committing; // guarded by lock

    public GroupCommit(Database database) {
        this.database = database;
    }

    /** Works waiting for the commit under way (for tests). */
    int waiting() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    /** Runs the work in a transaction, possibly together with other threads' works; see the class comment. */
    public <T> T inTransaction(Database.TransactionWork<T> work) {
        Pending<T> mine = new Pending<>(work);
        List<Pending<?>> group;
        synchronized (lock) {
            waiting.add(mine);
            boolean interrupted = false;
            while (committing && !mine.done) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    // The work is queued and will be committed by the leader: leaving now would report nothing
                    // for a commit that may happen anyway, so wait it out and keep the interrupt for the caller.
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (mine.done) {
                return mine.result();
            }
            committing = true;
            group = waiting;
            waiting = new ArrayList<>();
        }
        try {
            commit(group);
        } catch (Error e) {
            for (Pending<?> pending : group) {
                if (!pending.done) {
                    pending.finish(new StoreException("the commit failed: " + e, e));
                }
            }
            throw e;
        } finally {
            synchronized (lock) {
                committing = false;
                lock.notifyAll();
            }
        }
        return mine.result();
    }

    private void commit(List<Pending<?>> group) {
        if (group.size() > 1) {
            try {
                database.inTransaction(c -> {
                    for (Pending<?> pending : group) {
                        pending.runIn(c);
                    }
                    return null;
                });
                for (Pending<?> pending : group) {
                    pending.finish(null);
                }
                return;
            } catch (RuntimeException e) {
                // Nothing of the group was committed: each runs alone below, so only the one at fault fails.
            }
        }
        for (Pending<?> pending : group) {
            try {
                database.inTransaction(pending::runIn);
                pending.finish(null);
            } catch (RuntimeException e) {
                pending.finish(e);
            }
        }
    }

    /** One caller's work and, once its commit is over, its result or failure (read under the lock's happens-before). */
    private static final class Pending<T> {
        private final Database.TransactionWork<T> work;
        private T value;
        private RuntimeException failure;
        private volatile boolean done;

        Pending(Database.TransactionWork<T> work) {
            this.work = work;
        }

        T runIn(java.sql.Connection c) throws java.sql.SQLException {
            value = work.run(c);
            return value;
        }

        void finish(RuntimeException failed) {
            failure = failed;
            done = true;
        }

        T result() {
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }
}
