package org.handoverbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Articles an operator ingests after the seed article: new handovers, repeats, no handover, bad files. */
class ArticleIngestTest {

    @TempDir
    Path dir;
    Database db;
    H2KnowledgeBase kb;
    KnowledgeIngester ingester;
    final List<List<Event>> told = new ArrayList<>();

    @BeforeEach
    void seeded() {
        db = TestStores.open(dir);
        // the seed article alone: what an article adds is seen apart from the timeline records
        new KnowledgeIngester(db, TestStores.GAZETTEER, NewEventsListener.NONE)
                .loadSeed(InputFiles.articleResource("/seeds/alhal-qaim-2020-03-19.txt"));
        kb = new H2KnowledgeBase(db, TestStores.GAZETTEER);
        ingester = new KnowledgeIngester(db, TestStores.GAZETTEER, (transaction, events) -> told.add(events));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aStepToldFirstWithoutADayThenWithOneIsOnePlanWithThatDay() {
        // the seed (19 March 2020): al-Khafaji's next step, al-Qayyarah, with no day; then a report of Wednesday
        // 25 March: "غداً الخميس"
        assertThat(plansOf("qayyarah")).singleElement().satisfies(p -> assertThat(p.date()).isNull());

        ingester.ingest(Articles.read("qayyarah-eve.txt"));

        assertThat(plansOf("qayyarah")).singleElement().satisfies(p -> {
            assertThat(p.date()).isEqualTo(LocalDate.of(2020, 3, 26));
            assertThat(p.sources()).extracting(Source::publisher).contains("الحل نت", "نشرة المحافظات");
        });
    }

    private List<Event> plansOf(String base) {
        return kb.events().stream().filter(e -> e.kind() == EventKind.HANDOVER && e.status() == EventStatus.PLANNED
                && base.equals(e.baseId())).toList();
    }

    @Test
    void aBaseHandedOverOnAWeekdayNamedRelativeToThePublishedDateGetsThatDay() {
        IngestReport report = ingester.ingest(Articles.read("k1-sunday.txt"));

        // published Monday 2020-03-30: "الأحد الماضي" is Sunday 2020-03-29
        assertThat(report.added()).filteredOn(e -> e.kind() == EventKind.HANDOVER).singleElement().satisfies(e -> {
            assertThat(e.baseId()).isEqualTo("k1");
            assertThat(e.status()).isEqualTo(EventStatus.DONE);
            assertThat(e.date()).isEqualTo(LocalDate.of(2020, 3, 29));
            assertThat(e.fromParty()).isEqualTo("coalition");
            assertThat(e.toParty()).isEqualTo("iraqi-forces");
            assertThat(e.sources()).singleElement().satisfies(s -> {
                assertThat(s.publisher()).isEqualTo("نشرة المحافظات");
                assertThat(s.url()).isEqualTo("https://example.org/k1-sunday");
                assertThat(s.evidence()).startsWith("سلّمت قوات التحالف الدولي، الأحد الماضي");
            });
        });
    }

    @Test
    void aSpeakerTheGazetteerDoesNotKnowIsNamedAndTitledAsTheArticleWritesAndKeptByAddedAnd() {
        IngestReport report = ingester.ingest(Articles.read("k1-sunday.txt"));

        assertThat(report.quotes()).hasSize(2).allSatisfy(q -> {
            assertThat(q.speakerId()).isNull();
            assertThat(q.speakerName()).isEqualTo("العميد سامر الفلاني");
            assertThat(q.speakerTitle()).isEqualTo("قائد عمليات المحافظة");
            assertThat(q.baseIds()).containsExactly("k1");
        });
        assertThat(report.quotes().get(1).topics()).contains("equipment");
    }

    @Test
    void repeatsOfAKnownHandoverAddOnlyASource() {
        Event before = kb.eventsAbout("al-qaim").stream()
                .filter(e -> e.kind() == EventKind.HANDOVER && e.status() == EventStatus.DONE).findFirst().orElseThrow();
        int events = kb.events().size();

        IngestReport report = ingester.ingest(Articles.read("qaim-again.txt"));

        assertThat(report.added()).isEmpty();
        assertThat(kb.events()).hasSize(events);
        Event after = kb.event(before.id()).orElseThrow();
        assertThat(after.sources()).hasSize(before.sources().size() + 1);
        assertThat(after.sources().get(after.sources().size() - 1)).satisfies(s -> {
            assertThat(s.publisher()).isEqualTo("صحيفة الرافدين اليومية");
            assertThat(s.published()).isEqualTo(LocalDate.of(2020, 3, 20));
            assertThat(s.citedSource()).isEqualTo("قيادة العمليات المشتركة");
        });
        assertThat(report.gainedSources()).extracting(Event::id).containsExactly(before.id());
        assertThat(told).isEmpty();
    }

    @Test
    void anArticleWithNoHandoverAddsNoHandover() {
        IngestReport report = ingester.ingest(Articles.read("balad-rockets.txt"));

        assertThat(report.added()).noneMatch(e -> e.kind() == EventKind.HANDOVER);
        assertThat(kb.eventsAbout("balad")).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.ATTACK);
            // "مساء الاثنين" in an article of Tuesday 2020-03-24
            assertThat(e.date()).isEqualTo(LocalDate.of(2020, 3, 23));
        });
    }

    @Test
    void theSameTextIngestedTwiceAddsNothing() {
        ingester.ingest(Articles.read("k1-sunday.txt"));
        int events = kb.events().size();
        int quotes = kb.quotes().size();

        IngestReport again = ingester.ingest(Articles.read("k1-sunday.txt"));

        assertThat(again.alreadyKnown()).isTrue();
        assertThat(again.lines()).singleElement().asString().contains("already known");
        assertThat(kb.events()).hasSize(events);
        assertThat(kb.quotes()).hasSize(quotes);
        assertThat(told).hasSize(1);
    }

    @Test
    void theListenerHearsOfNewEventsOnlyAndNeverOfSeeds() {
        assertThat(told).isEmpty();
        ingester.ingest(Articles.read("k1-sunday.txt"));
        assertThat(told).singleElement().satisfies(events ->
                assertThat(events).extracting(Event::baseId).contains("k1"));
    }

    @Test
    void whenTheListenerFailsNothingOfTheArticleIsStored() throws Exception {
        KnowledgeIngester failing = new KnowledgeIngester(db, TestStores.GAZETTEER, (transaction, events) -> {
            throw new java.sql.SQLException("outbox full");
        });
        int events = kb.events().size();

        assertThatThrownBy(() -> failing.ingest(Articles.read("k1-sunday.txt"))).isInstanceOf(StoreException.class);

        assertThat(kb.events()).hasSize(events);
        assertThat(articles()).isEqualTo(1);
    }

    @Test
    void aPlannedStepIsLinkedBothWaysToTheHandoverThatFollowed() {
        ingester.ingest(Articles.read("qayyarah-done.txt"));

        Event planned = kb.eventsAbout("qayyarah").stream().filter(e -> e.status() == EventStatus.PLANNED)
                .findFirst().orElseThrow();
        Event done = kb.eventsAbout("qayyarah").stream().filter(e -> e.status() == EventStatus.DONE)
                .findFirst().orElseThrow();
        assertThat(done.date()).isEqualTo(LocalDate.of(2020, 3, 26));
        assertThat(planned.linkedEventId()).isEqualTo(done.id());
        assertThat(done.linkedEventId()).isEqualTo(planned.id());
        assertThat(planned.date()).isNull();
    }

    @Test
    void aMetadataFileWithAnImpossibleDateIsRefusedNamingFileAndProblem() {
        assertThatThrownBy(() -> Articles.read("bad-date.txt")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("bad-date.json").hasMessageContaining("bad date").hasMessageContaining("2020-02-30");
    }

    @Test
    void aMalformedMetadataFileIsRefusedNamingFileAndProblem() {
        assertThatThrownBy(() -> Articles.read("broken-json.txt")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("broken-json.json").hasMessageContaining("not valid JSON")
                .message().doesNotContain("\n");
    }

    @Test
    void anArticleWithoutMetadataIsRefused() {
        assertThatThrownBy(() -> Articles.read("no-metadata.txt")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no-metadata.txt").hasMessageContaining("no metadata file no-metadata.json");
    }

    @Test
    void aTextThatIsNotUtf8IsRefused() throws Exception {
        Path txt = dir.resolve("cp1256.txt");
        Files.write(txt, "سلّمت قوات التحالف الدولي قاعدة التقدم".getBytes(Charset.forName("windows-1256")));
        Files.copy(Articles.path("k1-sunday.json"), dir.resolve("cp1256.json"));

        assertThatThrownBy(() -> InputFiles.article(txt)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("cp1256.txt").hasMessageContaining("not UTF-8");
    }

    @Test
    void metadataWithAnUnknownFieldIsRefused() throws Exception {
        Path txt = dir.resolve("typo.txt");
        Files.copy(Articles.path("k1-sunday.txt"), txt);
        Files.writeString(dir.resolve("typo.json"),
                "{\"publisher\": \"x\", \"publshed\": \"2020-03-30\", \"title\": null, \"url\": null, \"language\": \"ar\"}");

        assertThatThrownBy(() -> InputFiles.article(txt)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("typo.json").hasMessageContaining("unknown field 'publshed'");
    }

    private int articles() throws Exception {
        try (var c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM article");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
