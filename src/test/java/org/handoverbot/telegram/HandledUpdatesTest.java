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

    @Test
    void aJournaledClaimAndMarkCostNoCommitAndCountAtOnce() throws Exception {
        try (Database db = open(); HandledUpdates handled = HandledUpdates.journaled(db)) {
            assertThat(handled.isJournaled()).isTrue();
            long commitsBefore = commits(db);
            assertThat(handled.claim(11, 110)).isTrue();
            assertThat(handled.claim(11, 110)).as("in hand").isFalse();
            handled.markAnswered(11);
            assertThat(commits(db)).as("the claim and the mark are lines in the journal, not commits").isEqualTo(commitsBefore);
            assertThat(handled.isAnswered(11)).isTrue();
            assertThat(handled.claim(11, 110)).as("delivered again before the move").isFalse();
            assertThat(handled.unanswered(Duration.ofHours(1))).isEmpty();
        }
    }

    @Test
    void journaledMarksAreInTheTableAfterTheCloseAndTheJournalIsEmpty() {
        try (Database db = open()) {
            try (HandledUpdates handled = HandledUpdates.journaled(db)) {
                for (long id = 21; id <= 23; id++) {
                    handled.claim(id, id * 10);
                    handled.markAnswered(id);
                }
            }
            HandledUpdates plain = new HandledUpdates(db);
            assertThat(java.util.stream.LongStream.rangeClosed(21, 23).allMatch(plain::isAnswered)).isTrue();
        }
        assertThat(folder.resolve("handover.updates")).as("all in the table: no journal left").doesNotExist();
    }

    @Test
    void journaledMarksMoveIntoTheTableWhileTheBotRuns() throws Exception {
        try (Database db = open(); HandledUpdates handled = HandledUpdates.journaled(db)) {
            handled.claim(31, 310);
            handled.markAnswered(31);
            HandledUpdates plain = new HandledUpdates(db);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!plain.isAnswered(31) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(plain.isAnswered(31)).as("moved within a few moves of %s", HandledUpdates.MOVE_EVERY).isTrue();
        }
    }

    @Test
    void marksAKilledProcessLeftInTheJournalAreInTheTableBeforeTheNextTakesAnythingIn() throws Exception {
        try (Database db = open()) {
            HandledUpdates killed = new HandledUpdates(db);
            killed.claim(41, 410);
            killed.claim(42, 420);
        }
        // What a kill -9 leaves: 41's mark written whole, 42's cut short (its reply never left).
        java.nio.file.Files.writeString(folder.resolve("handover.updates"), "A 41 1764403200000\nA 42 17644");
        try (Database db = open(); HandledUpdates next = HandledUpdates.journaled(db)) {
            HandledUpdates plain = new HandledUpdates(db);
            assertThat(plain.isAnswered(41)).as("in the table at once").isTrue();
            assertThat(plain.isAnswered(42)).isFalse();
            var claims = next.takeAll(java.util.List.of(new HandledUpdates.Incoming(41, 410), new HandledUpdates.Incoming(42, 420)));
            assertThat(claims).containsEntry(41L, HandledUpdates.Claim.HANDLED).containsEntry(42L, HandledUpdates.Claim.TAKEN);
        }
    }

    @Test
    void anUpdatesJsonWithLineBreaksBetweenItsTokensIsOneJournalLineAndReadsBackAsTheSameJson() throws Exception {
        // Telegram's own JSON, kept as it came, could be laid out over lines; inside a string a break is escaped.
        String asSent = "{\"update_id\":81,\r\n \"message\":{\"text\":\"سطر\\nسطر\",\n\"chat\":{\"id\":810}}}";
        try (Database db = open(); HandledUpdates journaled = HandledUpdates.journaled(db)) {
            journaled.takeAll(java.util.List.of(new HandledUpdates.Incoming(81, 810, asSent)));
            assertThat(java.nio.file.Files.readAllLines(folder.resolve("handover.updates"))).hasSize(1);
        }
        try (Database db = open()) {
            assertThat(StoredUpdates.JSON.readTree(payloadOf(db, 81))).isEqualTo(StoredUpdates.JSON.readTree(asSent));
        }
    }

    @Test
    void aSecondReceiverOnTheSameDatabaseMarksInTheTableItself() {
        try (Database db = open(); HandledUpdates first = HandledUpdates.journaled(db);
             HandledUpdates second = HandledUpdates.journaled(db)) {
            assertThat(first.isJournaled()).isTrue();
            assertThat(second.isJournaled()).as("the journal is held by the first").isFalse();
            second.claim(51, 510);
            second.markAnswered(51);
            assertThat(new HandledUpdates(db).isAnswered(51)).isTrue();
        }
    }

    @Test
    void aDatabaseInMemoryHasNoJournal() {
        try (Database db = Database.open("jdbc:h2:mem:journal-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
             HandledUpdates handled = HandledUpdates.journaled(db)) {
            assertThat(handled.isJournaled()).isFalse();
        }
    }

    @Test
    void anUpdateAKilledProcessTookInIsKeptForTheNextToAnswerAndOneAnsweredInTheSameBatchKeepsNoJson() throws Exception {
        // What a kill -9 leaves: 61 taken in with its JSON and never answered; 62 taken in and answered.
        java.nio.file.Files.writeString(folder.resolve("handover.updates"), String.join("\n",
                "T 61 610 " + System.currentTimeMillis() + " 1 {\"update_id\":61}",
                "T 62 620 " + System.currentTimeMillis() + " 1 {\"update_id\":62}",
                "A 62 " + System.currentTimeMillis(), ""));
        try (Database db = open(); HandledUpdates next = HandledUpdates.journaled(db)) {
            assertThat(next.unanswered(Duration.ofHours(1))).containsExactly("{\"update_id\":61}");
            assertThat(next.isAnswered(62)).isTrue();
            assertThat(payloadOf(db, 62)).as("answered before the move: its JSON never entered the table").isNull();
            var claims = next.takeAll(java.util.List.of(new HandledUpdates.Incoming(61, 610), new HandledUpdates.Incoming(62, 620)));
            assertThat(claims).containsEntry(61L, HandledUpdates.Claim.TAKEN).containsEntry(62L, HandledUpdates.Claim.HANDLED);
            next.markAnswered(61);
        }
        try (Database db = open()) {
            assertThat(new HandledUpdates(db).isAnswered(61)).isTrue();
            assertThat(attemptsOf(db, 61)).as("taken again once").isEqualTo(2);
        }
    }

    @Test
    void aJournalReplayedAfterItsBatchWasCommittedLeavesTheRowsAsTheyWere() throws Exception {
        String journal = String.join("\n", "T 71 710 1764403200000 1 {\"update_id\":71}", "T 72 720 1764403200000 1 -",
                "A 72 1764403201000", "");
        for (int run = 1; run <= 2; run++) {
            java.nio.file.Files.writeString(folder.resolve("handover.updates"), journal);
            try (Database db = open(); HandledUpdates next = HandledUpdates.journaled(db)) {
                assertThat(next.isAnswered(71)).as("run %d", run).isFalse();
                assertThat(next.isAnswered(72)).as("run %d", run).isTrue();
                assertThat(payloadOf(db, 71)).isEqualTo("{\"update_id\":71}");
                assertThat(attemptsOf(db, 71)).isEqualTo(1);
            }
        }
    }

    private static String payloadOf(Database db, long updateId) throws java.sql.SQLException {
        return column(db, "payload", updateId);
    }

    private static int attemptsOf(Database db, long updateId) throws java.sql.SQLException {
        return Integer.parseInt(column(db, "attempts", updateId));
    }

    private static String column(Database db, String column, long updateId) throws java.sql.SQLException {
        try (var c = db.connection(); var s = c.prepareStatement("SELECT " + column + " FROM telegram_update WHERE update_id = ?")) {
            s.setLong(1, updateId);
            try (var rs = s.executeQuery()) {
                assertThat(rs.next()).as("a row for update %d", updateId).isTrue();
                return rs.getString(1);
            }
        }
    }
}
