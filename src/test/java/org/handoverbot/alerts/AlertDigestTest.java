package org.handoverbot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.handoverbot.answer.TelegramHtmlRenderer;
import org.handoverbot.cli.Application;
import org.handoverbot.config.Settings;
import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.InputFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk ingest never floods subscribers: past a few new events in one ingest, each recipient gets ONE digest
 * alert, and a follower of one base gets that base's events one by one only while they are few.
 */
class AlertDigestTest {

    @TempDir
    Path dir;

    private Settings settings() {
        return Settings.from(Map.of("HANDOVER_DB_URL", "jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE"));
    }

    /** A records file of new handovers: count at each base, on days after everything the seeds know. */
    private Path records(Map<String, Integer> perBase) throws Exception {
        StringBuilder events = new StringBuilder();
        LocalDate day = LocalDate.of(2031, 1, 1);
        for (Map.Entry<String, Integer> base : perBase.entrySet()) {
            for (int i = 0; i < base.getValue(); i++) {
                day = day.plusDays(1);
                events.append(events.isEmpty() ? "" : ",\n").append("""
                        {"kind": "handover", "status": "done", "base": "%s", "date": "%s", "from": "coalition",
                         "to": "iraqi-forces", "sources": [{"publisher": "نشرة الاختبار", "published": "%s"}]}"""
                        .formatted(base.getKey(), day, day));
            }
        }
        Path file = dir.resolve("bulk.json");
        Files.writeString(file, "{\"format\": \"handover-bot/events\", \"version\": 1, \"events\": [\n" + events
                + "]}", StandardCharsets.UTF_8);
        return file;
    }

    record Row(String recipient, long eventId, Long digestId) {
    }

    private static List<Row> outbox(Database db) {
        return db.inTransaction(c -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT recipient, event_id, digest_id FROM alert_outbox ORDER BY id");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getLong(2), rs.getObject(3) == null ? null : rs.getLong(3)));
                }
            }
            return rows;
        });
    }

    @Test
    void twelveNewHandoversInOneIngestAreOneDigestPerRecipientNotTwelveAlerts() throws Exception {
        Path bulk = records(new java.util.LinkedHashMap<>(Map.of("ain-al-asad", 8)) {
            {
                put("k1", 2);
                put("taji", 2);
            }
        });
        List<Row> rows;
        try (Application app = new Application(settings(),
                db -> new AlertOutboxWriter(Optional.of("@handover_alerts"), Clock.systemUTC()),
                db -> Optional.of(new Subscriptions(db)))) {
            Subscriptions subscriptions = new Subscriptions(app.database());
            for (long chat = 1; chat <= 10; chat++) {
                subscriptions.subscribe(chat, Optional.empty());
            }
            for (long chat = 11; chat <= 15; chat++) {
                subscriptions.subscribe(chat, Optional.of("ain-al-asad"));
            }
            for (long chat = 16; chat <= 20; chat++) {
                subscriptions.subscribe(chat, Optional.of("k1"));
            }
            assertThat(app.ingester().ingest(InputFiles.records(bulk)).added()).hasSize(12);
            rows = outbox(app.database());
        }

        // every base: one digest each (10), the channel one digest, ain-al-asad (8 > 5) one digest each (5),
        // k1 (2, few) its two alerts each (10)
        assertThat(rows).hasSize(10 + 1 + 5 + 10);
        assertThat(rows.stream().filter(r -> r.recipient().equals("1"))).singleElement()
                .satisfies(r -> assertThat(r.digestId()).isNotNull());
        assertThat(rows.stream().filter(r -> r.recipient().equals("@handover_alerts"))).singleElement()
                .satisfies(r -> assertThat(r.digestId()).isNotNull());
        assertThat(rows.stream().filter(r -> r.recipient().equals("11"))).singleElement()
                .satisfies(r -> assertThat(r.digestId()).isNotNull());
        assertThat(rows.stream().filter(r -> r.recipient().equals("16"))).hasSize(2)
                .allSatisfy(r -> assertThat(r.digestId()).isNull());

        try (Application reader = new Application(settings())) {
            AlertMessages messages = new AlertMessages(reader.knowledge(), new AlertComposer(reader.gazetteer()),
                    new TelegramHtmlRenderer(), new AlertDigests(reader.database()),
                    new AlertDigestComposer(reader.gazetteer()));
            Row everyBase = rows.stream().filter(r -> r.recipient().equals("1")).findFirst().orElseThrow();
            String all = messages.htmlFor(new OutboxRow(1, everyBase.eventId(), "1", false, 0, everyBase.digestId()))
                    .orElseThrow();
            assertThat(all).contains("12 حدثاً جديداً").contains("عين الأسد").contains("و7 أحداث أخرى")
                    .contains("/timeline").contains("/unsubscribe");
            Row oneBase = rows.stream().filter(r -> r.recipient().equals("11")).findFirst().orElseThrow();
            String ain = messages.htmlFor(new OutboxRow(2, oneBase.eventId(), "11", false, 0, oneBase.digestId()))
                    .orElseThrow();
            assertThat(ain).contains("8 أحداث جديدة عن عين الأسد").contains("و3 أحداث أخرى").doesNotContain("التاجي");
        }
    }

    @Test
    void aFewNewHandoversInOneIngestAreStillAlertedOneByOne() throws Exception {
        Path few = records(Map.of("k1", AlertOutboxWriter.DIGEST_AFTER));
        try (Application app = new Application(settings(),
                db -> new AlertOutboxWriter(Optional.empty(), Clock.systemUTC()),
                db -> Optional.of(new Subscriptions(db)))) {
            new Subscriptions(app.database()).subscribe(1, Optional.empty());
            app.ingester().ingest(InputFiles.records(few));
            assertThat(outbox(app.database())).hasSize(AlertOutboxWriter.DIGEST_AFTER)
                    .allSatisfy(r -> assertThat(r.digestId()).isNull());
        }
    }
}
