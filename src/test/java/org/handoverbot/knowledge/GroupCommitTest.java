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

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void worksThatArriveDuringACommitShareTheNextOneAndEachIsCommittedWhenItReturns() throws Exception {
        try (Database db = open()) {
            GroupCommit commits = new GroupCommit(db);
            long before = generation(db);
            CountDownLatch inFirst = new CountDownLatch(1);
            CountDownLatch letFirstGo = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(11);
            try {
                Future<?> first = threads.submit(() -> commits.inTransaction(c -> {
                    inFirst.countDown();
                    await(letFirstGo);
                    return insert(c, 1);
                }));
                assertThat(inFirst.await(30, TimeUnit.SECONDS)).isTrue();
                List<Future<List<Long>>> others = new ArrayList<>();
                for (long id = 2; id <= 11; id++) {
                    long mine = id;
                    others.add(threads.submit(() -> {
                        commits.inTransaction(c -> insert(c, mine));
                        return ids(db); // what another connection sees once the call returned
                    }));
                }
                while (commits.waiting() < 10) {
                    Thread.sleep(5);
                }
                letFirstGo.countDown();
                first.get(30, TimeUnit.SECONDS);
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
            CountDownLatch inFirst = new CountDownLatch(1);
            CountDownLatch letFirstGo = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                Future<?> first = threads.submit(() -> commits.inTransaction(c -> {
                    inFirst.countDown();
                    await(letFirstGo);
                    return insert(c, 1);
                }));
                assertThat(inFirst.await(30, TimeUnit.SECONDS)).isTrue();
                Future<Integer> good = threads.submit(() -> commits.inTransaction(c -> insert(c, 2)));
                Future<Integer> duplicate = threads.submit(() -> commits.inTransaction(c -> insert(c, 7)));
                Future<Integer> alsoGood = threads.submit(() -> commits.inTransaction(c -> insert(c, 3)));
                while (commits.waiting() < 3) {
                    Thread.sleep(5);
                }
                letFirstGo.countDown();
                first.get(30, TimeUnit.SECONDS);
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
