package org.handoverbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.handoverbot.knowledge.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandledUpdatesTest {

    @TempDir
    Path folder;

    private Database open() {
        return Database.open("jdbc:h2:file:" + folder.resolve("handover").toAbsolutePath());
    }

    @Test
    void anUpdateIsClaimedOnceAndAnAnsweredOneNeverAgainAfterARestart() {
        try (Database db = open()) {
            HandledUpdates handled = new HandledUpdates(db);
            assertThat(handled.claim(1, 10)).isTrue();
            assertThat(handled.claim(1, 10)).isFalse();
            handled.markAnswered(1);
            assertThat(handled.claim(1, 10)).isFalse();
        }
        try (Database db = open()) {
            HandledUpdates afterRestart = new HandledUpdates(db);
            assertThat(afterRestart.claim(1, 10)).isFalse();
            assertThat(afterRestart.isAnswered(1)).isTrue();
        }
    }

    @Test
    void anUpdateTakenInButNeverAnsweredIsHandledByTheNextProcessButNotForever() {
        try (Database db = open()) {
            assertThat(new HandledUpdates(db).claim(2, 20)).isTrue();
        }
        for (int restart = 2; restart <= HandledUpdates.MAX_ATTEMPTS; restart++) {
            try (Database db = open()) {
                assertThat(new HandledUpdates(db).claim(2, 20)).as("restart %d", restart).isTrue();
            }
        }
        try (Database db = open()) {
            assertThat(new HandledUpdates(db).claim(2, 20)).as("a poison update is given up").isFalse();
        }
    }

    @Test
    void anUpdateLetGoWithoutHandlingIsTakenAgainAndNotCountedAsAnAttempt() {
        try (Database db = open()) {
            HandledUpdates handled = new HandledUpdates(db);
            for (int i = 0; i < HandledUpdates.MAX_ATTEMPTS + 2; i++) {
                assertThat(handled.claim(4, 40)).as("delivery %d", i + 1).isTrue();
                handled.release(4);
            }
        }
    }

    @Test
    void aDeliveryIsClaimedInOneCommitWithTheSameAnswersAsOneByOne() throws Exception {
        try (Database db = open()) {
            HandledUpdates handled = new HandledUpdates(db);
            assertThat(handled.claim(5, 50)).isTrue();
            handled.markAnswered(5);
            assertThat(handled.claim(6, 60)).isTrue(); // in hand in this process
            long commitsBefore = commits(db);
            var claims = handled.takeAll(java.util.List.of(new HandledUpdates.Incoming(5, 50),
                    new HandledUpdates.Incoming(6, 60), new HandledUpdates.Incoming(7, 70),
                    new HandledUpdates.Incoming(8, 80), new HandledUpdates.Incoming(7, 70)));
            assertThat(claims).containsExactly(java.util.Map.entry(5L, HandledUpdates.Claim.HANDLED),
                    java.util.Map.entry(6L, HandledUpdates.Claim.HANDLED), java.util.Map.entry(7L, HandledUpdates.Claim.TAKEN),
                    java.util.Map.entry(8L, HandledUpdates.Claim.TAKEN));
            assertThat(commits(db) - commitsBefore).as("one commit for the delivery").isEqualTo(1);
            assertThat(handled.claim(7, 70)).as("taken once").isFalse();
            handled.markAnswered(7);
        }
        try (Database db = open()) {
            var claims = new HandledUpdates(db).takeAll(java.util.List.of(new HandledUpdates.Incoming(7, 70),
                    new HandledUpdates.Incoming(8, 80)));
            assertThat(claims).as("after a restart: 7 was answered, 8 only taken in")
                    .containsEntry(7L, HandledUpdates.Claim.HANDLED).containsEntry(8L, HandledUpdates.Claim.TAKEN);
        }
    }

    /** Commits written so far (the store's generation, counted by every commit through Database). */
    private static long commits(Database db) throws java.sql.SQLException {
        try (var c = db.connection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT generation FROM store_generation WHERE id = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void forgetsUpdatesOlderThanTelegramKeepsThem() {
        try (Database db = open()) {
            HandledUpdates handled = new HandledUpdates(db);
            handled.claim(3, 30);
            handled.markAnswered(3);
            assertThat(handled.forgetOlderThan(Duration.ofDays(2))).isZero();
            assertThat(handled.forgetOlderThan(Duration.ofSeconds(-1))).isEqualTo(1);
        }
    }
}
