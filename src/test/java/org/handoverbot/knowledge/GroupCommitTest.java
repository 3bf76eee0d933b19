package org.handoverbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {

    @TempDir
    Path folder;

    private Database open() {
        return Database.open("jdbc:h2:file:" + folder.resolve("handover").toAbsolutePath());
    }

    private static long generation(Database db) throws SQLException {
        try (Connection c = db.connection()) {
            return H2Census.generation(c);
        }
    }

    private static int insert(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO telegram_update (update_id, chat_id, state, received_at)"
                + " VALUES (?, 1, 'RECEIVED', CURRENT_TIMESTAMP)")) {
            s.setLong(1, id);
            return s.executeUpdate();
        }
    }

    private static List<Long> ids(Database db) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT update_id FROM telegram_update ORDER BY update_id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /**
     * A commit held open: a first work (inserting row 1) that stays inside its transaction until let go, so that
     * the works submitted meanwhile wait and form the next group.
     */
    private static final class HeldCommit {
        private final CountDownLatch inside = new CountDownLatch(1);
        private final CountDownLatch letGo = new CountDownLatch(1);
        private final Future<?> first;

        HeldCommit(GroupCommit commits, ExecutorService threads) throws InterruptedException {
            first = threads.submit(() -> commits.inTransaction(c -> {
                inside.countDown();
                try {
                    letGo.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return insert(c, 1);
            }));
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        }

        /** Lets the first work commit once this many works wait behind it, and waits for that commit. */
        void releaseWhenWaiting(GroupCommit commits, int works) throws Exception {
            while (commits.waiting() < works) {
                Thread.sleep(5);
            }
            letGo.countDown();
            first.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void worksThatArriveDuringACommitShareTheNextOneAndEachIsCommittedWhenItReturns() throws Exception {
        try (Database db = open()) {
            GroupCommit commits = new GroupCommit(db);
            long before = generation(db);
            ExecutorService threads = Executors.newFixedThreadPool(11);
            try {
                HeldCommit held = new HeldCommit(commits, threads);
                List<Future<List<Long>>> others = new ArrayList<>();
                for (long id = 2; id <= 11; id++) {
                    long mine = id;
                    others.add(threads.submit(() -> {
                        commits.inTransaction(c -> insert(c, mine));
                        return ids(db); // what another connection sees once the call returned
                    }));
                }
                held.releaseWhenWaiting(commits, 10);
                for (int i = 0; i < others.size(); i++) {
                    assertThat(others.get(i).get(30, TimeUnit.SECONDS)).as("committed when it returned").contains(i + 2L);
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(ids(db)).hasSize(11);
            assertThat(generation(db) - before).as("commits: the first alone, the ten waiting ones together").isEqualTo(2);
        }
        try (Database db = open()) {
            assertThat(ids(db)).as("all there after a restart").hasSize(11);
        }
    }

    @Test
    void aFailingWorkFailsAloneAndTheOthersOfItsGroupAreCommitted() throws Exception {
        try (Database db = open()) {
            GroupCommit commits = new GroupCommit(db);
            commits.inTransaction(c -> insert(c, 7));
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                HeldCommit held = new HeldCommit(commits, threads);
                Future<Integer> good = threads.submit(() -> commits.inTransaction(c -> insert(c, 2)));
                Future<Integer> duplicate = threads.submit(() -> commits.inTransaction(c -> insert(c, 7)));
                Future<Integer> alsoGood = threads.submit(() -> commits.inTransaction(c -> insert(c, 3)));
                held.releaseWhenWaiting(commits, 3);
                assertThat(good.get(30, TimeUnit.SECONDS)).isEqualTo(1);
                assertThat(alsoGood.get(30, TimeUnit.SECONDS)).isEqualTo(1);
                assertThatThrownBy(() -> duplicate.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class);
            } finally {
                threads.shutdownNow();
            }
            assertThat(ids(db)).containsExactly(1L, 2L, 3L, 7L);
        }
    }
}
