package org.handoverbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.handoverbot.cli.Main;
import org.handoverbot.knowledge.pg.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** Knowledge on a real PostgreSQL server: the same events and quotes as on H2, one writer at a time, the commands. */
class PostgresKnowledgeTest {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @TempDir
    Path dir;

    @Test
    void seedsAndArticlesIngestedOnPostgresReadBackAsOnH2() {
        List<String> onPostgres = ingestAndDescribe(Database.open(POSTGRES.another("same-as-h2")));
        List<String> onH2 = ingestAndDescribe(TestStores.open(dir));

        assertThat(onPostgres).isEqualTo(onH2);
        assertThat(onPostgres).anySatisfy(line -> assertThat(line).startsWith("HANDOVER DONE al-qaim 2020-03-19"));
    }

    /** Every event and quote as text without database ids, which may differ between vendors. */
    private static List<String> ingestAndDescribe(Database db) {
        try (db) {
            KnowledgeIngester ingester = new KnowledgeIngester(db, TestStores.GAZETTEER, NewEventsListener.NONE);
            new SeedLoader(ingester).load();
            for (String article : List.of("qaim-again.txt", "balad-rockets.txt", "roundup.txt", "k1-sunday.txt", "qayyarah-done.txt")) {
                ingester.ingest(Articles.read(article));
            }
            H2KnowledgeBase kb = new H2KnowledgeBase(db, TestStores.GAZETTEER);
            List<String> lines = new ArrayList<>();
            for (Event e : kb.events()) {
                lines.add(e.kind() + " " + e.status() + " " + e.baseId() + " " + e.date() + " " + e.fromParty() + "→"
                        + e.toParty() + " ordinal " + e.ordinal() + " linked " + (e.linkedEventId() != null)
                        + " figures " + e.figures() + " sources " + e.sources().stream()
                        .map(s -> s.publisher() + "/" + s.published() + "/" + s.citedSpeaker() + "/" + s.evidence()).toList());
            }
            for (Quote q : kb.quotes()) {
                lines.add("quote " + q.speakerId() + " " + q.text() + " " + q.topics().stream().sorted().toList() + " "
                        + q.baseIds());
            }
            return lines;
        }
    }

    @Test
    void seedLoadsAndIngestsAtTheSameMomentStoreEachEventOnce() throws Exception {
        try (Database db = Database.open(POSTGRES.url())) {
            CyclicBarrier start = new CyclicBarrier(4);
            List<Callable<Object>> writers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                writers.add(() -> {
                    start.await();
                    return new SeedLoader(new KnowledgeIngester(db, TestStores.GAZETTEER, NewEventsListener.NONE)).load();
                });
                writers.add(() -> {
                    start.await();
                    return new KnowledgeIngester(db, TestStores.GAZETTEER, NewEventsListener.NONE)
                            .ingest(Articles.read("qaim-again.txt"));
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                for (Future<Object> f : pool.invokeAll(writers)) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            H2KnowledgeBase kb = new H2KnowledgeBase(db, TestStores.GAZETTEER);
            assertThat(kb.eventsAbout("al-qaim").stream()
                    .filter(e -> e.kind() == EventKind.HANDOVER && e.status() == EventStatus.DONE))
                    .singleElement().satisfies(e -> assertThat(e.sources()).extracting(Source::publisher)
                            .containsOnlyOnce("Al-Masdar News", "صحيفة الرافدين اليومية"));
            assertThat(kb.events().stream().filter(e -> e.kind() == EventKind.HANDOVER
                    && e.status() == EventStatus.DONE)).hasSize(9);
            assertThat(kb.quotes()).hasSize(7);
        }
    }

    @Test
    void ingestAndEventsCommandsRunOnPostgres() throws Exception {
        String db = POSTGRES.another("commands");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute("ingest", "--db", db, Articles.path("balad-rockets.txt").toString())).isZero();
        assertThat(out.toString()).contains("1 new event(s)").contains("ATTACK DONE balad 2020-03-23");
        assertThat(cli.execute("ingest", "--db", db, Articles.path("balad-rockets.txt").toString())).isZero();
        assertThat(out.toString()).contains("already known, nothing added");

        out.getBuffer().setLength(0);
        assertThat(cli.execute("events", "--json", "--db", db)).isZero();
        JsonNode events = new ObjectMapper().readTree(out.toString());
        List<String> bases = new ArrayList<>();
        events.forEach(e -> bases.add(e.path("baseId").asText()));
        assertThat(bases).contains("al-qaim", "balad");
        assertThat(err.toString()).isEmpty();
    }
}
