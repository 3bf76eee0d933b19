package org.handoverbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handoverbot.cli.CommandRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

import org.handoverbot.alerts.Subscriptions;
import org.handoverbot.cli.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ingest --dry-run` stores nothing; `review` lists what is held and approves it once, alerts included. */
class ReviewCommandsTest {

    @TempDir
    Path dir;

    private static String fixture(String name) {
        return NewsFixturesTest.dir().resolve(name + ".txt").toString();
    }

    @Test
    void aDryRunPrintsWhatWouldBeStoredAndCreatesNoDatabase() throws Exception {
        String db = TestStores.url(dir);
        CommandRun dry = run("ingest", "--dry-run", "--db", db, fixture("ain-asad-wrong-weekday"), fixture("taji-wire-ina"));

        assertThat(dry.exit()).isZero();
        assertThat(dry.out()).contains("dry run, nothing stored")
                .contains("HANDOVER DONE ain-al-asad 2026-01-18 (flagged: weekday) us -> iraqi-army — to review")
                .contains("HANDOVER DONE taji 2020-08-23 coalition -> iraqi-forces")
                .contains("quote  اللواء تحسين الخفاجي (المتحدث باسم قيادة العمليات المشتركة)")
                .contains("via بيان");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();   // not even an empty database
        }
    }

    @Test
    void anOperatorApprovesAHeldEventOnceAndItsAlertIsQueuedOnce() throws Exception {
        String db = TestStores.url(dir);
        try (Database database = Database.open(db)) {
            new Subscriptions(database).subscribe(7001L, Optional.empty());
        }
        CommandRun ingest = run("ingest", "--db", db, fixture("unknown-base-regional"));
        assertThat(ingest.out()).contains("review #").contains("HANDOVER DONE - 2020-04-02").contains("held for review");
        assertThat(outbox(db)).isZero();

        CommandRun list = run("review", "list", "--db", db);
        assertThat(list.out()).contains("1 event(s) to review").contains("«معسكر الغزلاني»")
                .contains("unknown base: معسكر الغزلاني");
        long id = Long.parseLong(list.out().replaceAll("(?s).*#(\\d+) HANDOVER.*", "$1"));

        assertThat(run("review", "approve", String.valueOf(id), "--db", db).exit()).isZero();
        assertThat(outbox(db)).isEqualTo(1);
        CommandRun again = run("review", "approve", String.valueOf(id), "--db", db);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.out()).contains("not waiting for review");
        assertThat(outbox(db)).isEqualTo(1);
        assertThat(run("review", "list", "--db", db).out()).contains("0 event(s) to review");
        assertThat(run("review", "frobnicate", "--db", db).exit()).isEqualTo(64);
    }

    private static int outbox(String db) throws Exception {
        try (Database database = Database.open(db)) {
            return database.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM alert_outbox WHERE recipient = '7001'");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
        }
    }
}
