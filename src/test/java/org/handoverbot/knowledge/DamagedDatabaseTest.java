package org.handoverbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.handoverbot.cli.CommandRun.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.handoverbot.alerts.AlertOutbox;
import org.handoverbot.alerts.OutboxRow;
import org.handoverbot.alerts.QueueStatus;
import org.handoverbot.alerts.Subscriptions;
import org.handoverbot.cli.Application;
import org.handoverbot.cli.CommandRun;
import org.handoverbot.config.Settings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged H2 file is refused, by the bot and by every command, with one line pointing to the way out, before
 * any migration runs on it; a backup taken before the damage gives every row back. The damage is what an
 * operator meets: the file cut to half, its last 64 KB gone, emptied to zero bytes, an older copy put back,
 * the file gone.
 */
class DamagedDatabaseTest {

    private static final int SUBSCRIBERS = 20_000;

    @TempDir
    Path dir;

    private String url() {
        return TestStores.url(dir);
    }

    private Path file() {
        return dir.resolve("kb.mv.db");
    }

    /** The seeds, two articles and many subscribers, closed cleanly: a file of several hundred KB, made once. */
    private static Path template;
    private static Map<String, Long> templateRows;

    @BeforeAll
    static void aDatabaseInUse(@TempDir Path templateDir) throws Exception {
        template = templateDir;
        String url = TestStores.url(templateDir);
        assertThat(run("ingest", "--db", url, Articles.path("k1-sunday.txt").toString(),
                Articles.path("qayyarah-done.txt").toString()).exit()).isZero();
        try (Database db = Database.open(url)) {
            new Subscriptions(db).subscribe(1L, Optional.empty());
            db.inTransaction(c -> {
                try (var insert = c.prepareStatement("INSERT INTO alert_subscription (chat_id, base_id) VALUES (?, ?)")) {
                    for (long chat = 2; chat <= SUBSCRIBERS; chat++) {
                        insert.setLong(1, chat);
                        insert.setString(2, "*");
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
        }
        try (Database db = Database.open(url); Connection c = db.connection()) {
            templateRows = H2Census.rows(c, true);
        }
    }

    /** This test's copy of the database in use (its file and its record), as rows it holds. */
    private Map<String, Long> aDatabaseInUse() throws IOException {
        Files.copy(template.resolve("kb.mv.db"), file());
        Files.copy(template.resolve("kb.census"), dir.resolve("kb.census"));
        return templateRows;
    }

    private Map<String, Long> rows() throws Exception {
        try (Database db = Database.open(url()); Connection c = db.connection()) {
            return H2Census.rows(c, true);
        }
    }

    private static void cut(Path file, long keep) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(keep);
        }
    }

    /** Every way in refuses it: the bot's start, ingest, events, backup; each with one line and exit code 2. */
    private void everyWayInRefuses(String says) {
        assertThatThrownBy(() -> new Application(Settings.from(Map.of("HANDOVER_DB_URL", url()))))
                .isInstanceOf(DamagedDatabaseException.class)
                .hasMessageContaining(says)
                .hasMessageContaining("handover-bot restore BACKUP.zip")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        for (String[] command : new String[][] {
                {"ingest", "--db", url(), Articles.path("balad-rockets.txt").toString()},
                {"events", "--db", url()},
                {"timeline", "--db", url(), "--png", dir.resolve("late.png").toString()},
                {"review", "list", "--db", url()},
                {"backup", "--db", url(), dir.resolve("late.zip").toString()}}) {
            CommandRun refused = run(command);
            assertThat(refused.exit()).as(command[0]).isEqualTo(2);
            assertThat(refused.out()).as(command[0]).isEmpty();
            assertThat(refused.err().lines()).as(command[0]).singleElement().asString()
                    .startsWith(command[0] + ": the database file " + file())
                    .contains(says).contains("restore");
        }
        assertThat(dir.resolve("late.zip")).doesNotExist();
        assertThat(dir.resolve("late.png")).doesNotExist();
    }

    @Test
    void aDatabaseCutToHalfIsRefusedByTheBotAndEveryCommand() throws Exception {
        aDatabaseInUse();
        cut(file(), Files.size(file()) / 2);

        everyWayInRefuses("");
    }

    @Test
    void aDatabaseWithItsLast64KbRemovedIsRefused() throws Exception {
        aDatabaseInUse();
        assertThat(Files.size(file())).isGreaterThan(128 * 1024);
        cut(file(), Files.size(file()) - 64 * 1024);

        everyWayInRefuses("");
    }

    @Test
    void anEmptiedDatabaseFileIsRefusedAndNothingIsWrittenIntoIt() throws Exception {
        aDatabaseInUse();
        cut(file(), 0);

        everyWayInRefuses("is empty (0 bytes)");
        assertThat(Files.size(file())).as("no migration, no new database in its place").isZero();
    }

    @Test
    void anOlderCopyPutBackInPlaceIsRefusedForTheCommitsItLacks() throws Exception {
        aDatabaseInUse();
        Path older = dir.resolve("older.mv.db");
        Files.copy(file(), older);
        assertThat(run("ingest", "--db", url(), Articles.path("taji-sunday.txt").toString()).exit()).isZero();
        Files.copy(older, file(), StandardCopyOption.REPLACE_EXISTING);

        everyWayInRefuses("has lost commits reported done");
    }

    @Test
    void aDatabaseFileGoneWhileItsRecordRemainsIsNotReplacedByAnEmptyOne() throws Exception {
        aDatabaseInUse();
        Files.delete(file());

        assertThatThrownBy(() -> Database.open(url()))
                .isInstanceOf(DamagedDatabaseException.class)
                .hasMessageContaining("is gone")
                .hasMessageContaining("delete " + dir.resolve("kb.census"));
        assertThat(file()).doesNotExist();
    }

    @Test
    void aWholeDatabaseOpensAgainAfterACleanCloseAndAfterAStopWithoutClosing() throws Exception {
        Map<String, Long> before = aDatabaseInUse();
        assertThat(rows()).isEqualTo(before);

        Database notClosed = Database.open(url());
        new Subscriptions(notClosed).subscribe(SUBSCRIBERS + 1L, Optional.empty());
        // Left open as a killed process leaves it: the next opener in this JVM finds it still open, so the
        // file is copied aside as a killed process would leave it on disk.
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        Files.copy(file(), copy.resolve("kb.mv.db"));
        Files.copy(dir.resolve("kb.census"), copy.resolve("kb.census"));
        notClosed.close();
        try (Database reopened = Database.open(TestStores.url(copy)); Connection c = reopened.connection()) {
            assertThat(H2Census.rows(c, false)).containsEntry("ALERT_SUBSCRIPTION", SUBSCRIBERS + 1L);
        }
    }

    @Test
    void backupThenDamageThenRestoreGivesBackEveryRow() throws Exception {
        Map<String, Long> held = aDatabaseInUse();
        Path backup = dir.resolve("backups").resolve("kb.zip");
        Files.createDirectories(backup.getParent());

        CommandRun backedUp = run("backup", "--db", url(), backup.toString());
        assertThat(backedUp.exit()).as(backedUp.err()).isZero();
        assertThat(backedUp.out()).startsWith("backup: wrote " + backup)
                .contains(held.get("ARTICLE") + " article(s)").contains(SUBSCRIBERS + " subscription(s)");

        cut(file(), Files.size(file()) / 2);
        assertThatThrownBy(() -> Database.open(url())).isInstanceOf(DamagedDatabaseException.class);

        CommandRun restored = run("restore", "--db", url(), backup.toString());
        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(restored.out().lines()).singleElement().asString()
                .startsWith("restore: " + file() + " now holds the backup " + backup)
                .contains("the file it replaced is kept as " + file() + ".replaced-");

        assertThat(rows()).isEqualTo(held);
        assertThat(run("events", "--db", url()).exit()).isZero();
    }

    /**
     * Alerts queued when the backup was taken may have reached their chats after it: the restore closes them
     * unsent (failed, outcome unknown, the reason kept), says how many, and no sender takes them again; what
     * was sent or failed stays as it was.
     */
    @Test
    void aRestoreClosesTheAlertsStillQueuedInTheBackupSoNoChatIsToldTwice() throws Exception {
        aDatabaseInUse();
        Instant now = Instant.now().plusSeconds(5);
        try (Database db = Database.open(url())) {
            db.inTransaction(c -> {
                try (var insert = c.prepareStatement("INSERT INTO alert_outbox (event_id, recipient, channel, status,"
                        + " next_attempt_at) VALUES (1, ?, FALSE, ?, CURRENT_TIMESTAMP)")) {
                    for (String[] row : new String[][] {{"101", "pending"}, {"102", "pending"}, {"103", "pending"},
                            {"104", "sent"}, {"105", "failed"}}) {
                        insert.setString(1, row[0]);
                        insert.setString(2, row[1]);
                        insert.executeUpdate();
                    }
                }
                return null;
            });
            AlertOutbox outbox = new AlertOutbox(db);
            List<OutboxRow> claimed = outbox.claim("bot-1", 2, now, Duration.ofMinutes(5));
            assertThat(claimed).hasSize(2);
            assertThat(outbox.beginSending(claimed.get(0).id(), "bot-1", now, Duration.ofMinutes(4))).isTrue();
        }
        // queued: one pending, one reserved by a sender, one in flight
        Path backup = dir.resolve("queued.zip");
        assertThat(run("backup", "--db", url(), backup.toString()).exit()).isZero();

        CommandRun restored = run("restore", "--db", url(), backup.toString());
        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(restored.out().lines()).singleElement().asString()
                .contains("; 3 alert(s) still queued in it were closed unsent");

        try (Database db = Database.open(url())) {
            AlertOutbox outbox = new AlertOutbox(db);
            assertThat(outbox.claim("bot-2", 10, now.plusSeconds(3600), Duration.ofMinutes(5))).isEmpty();
            QueueStatus queue = outbox.status(0, 10);
            assertThat(queue.pending()).isZero();
            assertThat(queue.sending()).isZero();
            assertThat(queue.sent()).isEqualTo(1);
            assertThat(queue.failed()).isEqualTo(4);
            assertThat(queue.outcomeUnknown()).isEqualTo(3);
            assertThat(queue.latestFailures()).filteredOn(e -> e.lastError() != null
                    && e.lastError().contains("restored from a backup")).extracting(QueueStatus.Entry::recipient)
                    .containsExactlyInAnyOrder("101", "102", "103");
        }
    }

    @Test
    void aBackupIsTakenWhileTheDatabaseIsHeldOpenByAnother() throws Exception {
        aDatabaseInUse();
        Path backup = dir.resolve("online.zip");
        try (Database bot = Database.open(url())) {
            new Subscriptions(bot).subscribe(SUBSCRIBERS + 7L, Optional.empty());
            CommandRun backedUp = run("backup", "--db", url(), backup.toString());
            assertThat(backedUp.exit()).as(backedUp.err()).isZero();
            assertThat(backedUp.out()).contains((SUBSCRIBERS + 1) + " subscription(s)");

            CommandRun refused = run("restore", "--db", url(), backup.toString());
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err()).contains("is in use: stop the bot");
        }
    }
}
