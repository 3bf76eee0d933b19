package org.handoverbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingest of many new events reads them back as one range of ids (StoredRows.events): the same events, with
 * the same figures and sources in the same order, as reading them one by one, in the order asked. And a new
 * event's own repeated citations and figures, now left out in memory rather than looked up, are stored once.
 */
class StoredRowsTest {

    @TempDir
    Path dir;

    @Test
    void manyEventsReadAtOnceAreTheEventsReadOneByOneInTheOrderAsked() throws Exception {
        try (Database db = Database.open(TestStores.url(dir))) {
            KnowledgeIngester ingester = new KnowledgeIngester(db, TestStores.GAZETTEER, NewEventsListener.NONE);
            ingester.ingest(InputFiles.records(LargeRecordsFileTest.write(dir.resolve("first.json"), 20)));
            IngestReport report = ingester.ingest(InputFiles.records(
                    LargeRecordsFileTest.write(dir.resolve("more.json"), 90)));
            List<Long> ids = new ArrayList<>(report.added().stream().map(Event::id).toList());
            assertThat(ids).as("new events, enough for the range read").hasSizeGreaterThan(60);
            assertThat(report.added()).as("some with figures").anySatisfy(e -> assertThat(e.figures()).isNotEmpty());

            Collections.reverse(ids);
            List<Long> asked = new ArrayList<>(ids.subList(0, 50));
            asked.add(Long.MAX_VALUE); // no such event: left out, as one by one
            asked.addAll(ids.subList(55, ids.size()));
            db.inTransaction(c -> {
                List<Event> oneByOne = new ArrayList<>();
                for (long id : asked) {
                    StoredRows.event(c, id).ifPresent(oneByOne::add);
                }
                assertThat(StoredRows.events(c, asked)).isEqualTo(oneByOne).hasSize(asked.size() - 1);
                return null;
            });
        }
    }

    @Test
    void aNewEventsRepeatedSourceAndFigureAreStoredOnceAndTheFileAgainAddsNothing() throws Exception {
        String source = "{\"publisher\": \"أرشيف تجريبي\", \"published\": \"1999-01-02\"}";
        String figure = "{\"kind\": \"troops_left\", \"amount\": \"300\", \"note\": \"نحو\"}";
        Path file = dir.resolve("repeats.json");
        java.nio.file.Files.writeString(file, "{\"format\": \"handover-bot/events\", \"version\": 1, \"events\": ["
                + "{\"kind\": \"handover\", \"status\": \"done\", \"base\": \"k1\", \"date\": \"1999-01-02\","
                + " \"summary\": \"سجل مكرر\", \"figures\": [" + figure + ", " + figure + "],"
                + " \"sources\": [" + source + ", " + source + ", {\"publisher\": \"مصدر آخر\", \"published\": \"1999-01-03\"}]}]}");
        try (Database db = Database.open(TestStores.url(dir))) {
            KnowledgeIngester ingester = new KnowledgeIngester(db, TestStores.GAZETTEER, NewEventsListener.NONE);
            IngestReport first = ingester.ingest(InputFiles.records(file));
            assertThat(first.added()).singleElement().satisfies(e -> {
                assertThat(e.figures()).hasSize(1);
                assertThat(e.sources()).extracting(Source::publisher).containsExactly("أرشيف تجريبي", "مصدر آخر");
            });
            IngestReport again = ingester.ingest(InputFiles.records(file));
            assertThat(again.added()).isEmpty();
            assertThat(again.gainedSources()).isEmpty();
        }
    }
}
