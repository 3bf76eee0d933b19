package org.handoverbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory model loaded from H2: the same knowledge as the tables, its indexes agree with plain scans. */
class KnowledgeModelTest {

    @TempDir
    static Path dir;
    static Database db;
    static KnowledgeIngester ingester;
    static KnowledgeModel model;
    /** The interface's own scans over the model's lists: what every index must agree with. */
    static KnowledgeBase scans;

    @BeforeAll
    static void load() {
        db = TestStores.open(dir);
        ingester = new KnowledgeIngester(db, TestStores.GAZETTEER, NewEventsListener.NONE);
        new SeedLoader(ingester).load();
        ingester.ingest(Articles.read("roundup.txt"));
        ingester.ingest(Articles.read("balad-rockets.txt"));
        model = new KnowledgeLoader(db).load();
        scans = new ScannedKnowledge(model.events(), model.quotes());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void theModelHoldsEveryStoredRowOnce() throws Exception {
        try (var c = db.connection(); var s = c.createStatement()) {
            assertThat(model.events()).hasSize(count(s, "SELECT COUNT(*) FROM event"));
            assertThat(model.quotes()).hasSize(count(s, "SELECT COUNT(*) FROM quote"));
            assertThat(model.sources()).hasSize(count(s, "SELECT COUNT(*) FROM source"));
            assertThat(model.events().stream().mapToInt(e -> e.figures().size()).sum())
                    .isEqualTo(count(s, "SELECT COUNT(*) FROM figure"));
            assertThat(model.events().stream().mapToInt(e -> e.sources().size()).sum())
                    .isEqualTo(count(s, "SELECT COUNT(*) FROM event_source"));
            assertThat(model.version()).isEqualTo(KnowledgeVersion.read(c)).isPositive();
        }
        assertThat(model.events()).extracting(Event::id).doesNotHaveDuplicates();
    }

    @Test
    void eventsAreInTimelineOrderWithUndatedLast() {
        List<Event> events = model.events();
        for (int i = 1; i < events.size(); i++) {
            LocalDate a = events.get(i - 1).date();
            LocalDate b = events.get(i).date();
            assertThat(a == null ? b == null : b == null || !a.isAfter(b)).as("%s before %s", a, b).isTrue();
        }
        assertThat(events.get(events.size() - 1).date()).isNull();
    }

    @Test
    void everyIndexAgreesWithAScanOfTheWholeKnowledge() {
        Set<String> bases = new HashSet<>();
        model.events().forEach(e -> bases.add(e.baseId()));
        model.quotes().forEach(q -> bases.addAll(q.baseIds()));
        bases.remove(null);
        bases.add("nowhere");
        for (String base : bases) {
            assertThat(model.eventsAbout(base)).as(base).isEqualTo(scans.eventsAbout(base));
            assertThat(model.quotesAbout(base)).as(base).isEqualTo(scans.quotesAbout(base));
        }
        for (String speaker : List.of("khafaji", "caggins", "nobody")) {
            assertThat(model.quotesBy(speaker)).as(speaker).isEqualTo(scans.quotesBy(speaker));
        }
        for (String party : List.of("coalition", "us", "iraqi-forces", "iraqi-army", "nobody")) {
            assertThat(model.eventsInvolving(party)).as(party).isEqualTo(scans.eventsInvolving(party));
        }
        Set<String> cited = new HashSet<>();
        model.sources().forEach(s -> cited.add(s.citedSource()));
        cited.remove(null);
        assertThat(cited).isNotEmpty();
        for (String source : cited) {
            assertThat(model.eventsCiting(source)).as(source).isEqualTo(scans.eventsCiting(source));
            assertThat(model.quotesCiting(source)).as(source).isEqualTo(scans.quotesCiting(source));
        }
        for (Event e : model.events()) {
            assertThat(model.event(e.id())).contains(e);
            assertThat(model.linkedTo(e.id())).isEqualTo(scans.linkedTo(e.id()));
            assertThat(model.linked(e)).isEqualTo(scans.linked(e));
            assertThat(model.quotesOf(e)).isEqualTo(scans.quotesOf(e));
        }
        assertThat(model.event(-1)).isEmpty();
        assertThat(model.events().stream().mapToInt(e -> model.quotesOf(e).size()).sum()).isPositive();
        assertThat(model.sources()).isEqualTo(scans.sources());
        LocalDate[][] periods = {{LocalDate.of(2020, 3, 1), LocalDate.of(2020, 3, 31)},
                {LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)}, {LocalDate.of(2019, 1, 1), LocalDate.of(2030, 1, 1)},
                {LocalDate.of(2020, 3, 19), LocalDate.of(2020, 3, 19)}, {LocalDate.of(2021, 1, 1), LocalDate.of(2020, 1, 1)}};
        for (LocalDate[] p : periods) {
            assertThat(model.eventsBetween(p[0], p[1])).as("%s..%s", p[0], p[1]).isEqualTo(scans.eventsBetween(p[0], p[1]));
        }
        // the seeds' planned al-Qayyarah step and its handover find each other from either side
        Event plan = model.eventsAbout("qayyarah").stream().filter(e -> e.status() == EventStatus.PLANNED).findFirst().orElseThrow();
        Event done = model.linked(plan).orElseThrow();
        assertThat(done.status()).isEqualTo(EventStatus.DONE);
        assertThat(model.linked(done)).contains(plan);
    }

    @Test
    void aReaderNeverSeesHalfAnIngest(@TempDir Path own) throws Exception {
        int batches = 12;
        try (Database db = TestStores.open(own)) {
            readWhileIngesting(db, new KnowledgeIngester(db, TestStores.GAZETTEER, NewEventsListener.NONE), batches);
        }
    }

    private static void readWhileIngesting(Database db, KnowledgeIngester ingester, int batches) throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> broken = new ConcurrentLinkedQueue<>();
        List<Long> versions = new ArrayList<>();
        KnowledgeLoader loader = new KnowledgeLoader(db);
        Thread reader = new Thread(() -> {
            while (writing.get()) {
              try {
                KnowledgeModel m = loader.load();
                versions.add(m.version());
                for (int b = 0; b < batches; b++) {
                    String publisher = "batch-" + b;
                    long seen = m.events().stream().filter(e -> e.sources().stream()
                            .anyMatch(s -> publisher.equals(s.publisher()))).count();
                    if (seen != 0 && seen != 3) {
                        broken.add(publisher + ": " + seen + " of 3 events at version " + m.version());
                    }
                }
              } catch (RuntimeException e) {
                broken.add("load failed: " + e);
              }
            }
        });
        reader.start();
        try {
            for (int b = 0; b < batches; b++) {
                ingester.ingest(EventRecords.parse("batch-" + b + ".json", batch(b)));
            }
        } finally {
            writing.set(false);
            reader.join();
        }
        assertThat(broken).isEmpty();
        assertThat(versions).isSorted();
        assertThat(new HashSet<>(versions)).as("the reader saw the knowledge between ingests").hasSizeGreaterThan(1);
        KnowledgeModel after = loader.load();
        assertThat(after.eventsAbout("victory")).hasSize(3 * batches);
    }

    /** A records file of three handover reports that stand or fall together. */
    private static byte[] batch(int b) {
        StringBuilder json = new StringBuilder("{\"format\": \"handover-bot/events\", \"version\": 1, \"events\": [");
        for (int i = 1; i <= 3; i++) {
            json.append(i == 1 ? "" : ",").append("{\"kind\": \"handover\", \"base\": \"victory\", \"date\": \"")
                    .append(LocalDate.of(2031, i, 1).plusDays(b)).append("\", \"sources\": [{\"publisher\": \"batch-")
                    .append(b).append("\", \"published\": \"2031-06-01\", \"url\": \"https://example.org/").append(b)
                    .append("\"}]}");
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int count(java.sql.Statement s, String sql) throws Exception {
        try (var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
