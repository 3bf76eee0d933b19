package org.handoverbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sourced timeline (seeds/timeline.json) as stored beside the seed article. */
class TimelineTest {

    @TempDir
    static Path dir;
    static Database db;
    static H2KnowledgeBase kb;
    static final List<List<Event>> told = new ArrayList<>();

    @BeforeAll
    static void seeded() {
        db = TestStores.open(dir);
        // the listener given here must never hear of seeds
        new SeedLoader(new KnowledgeIngester(db, TestStores.GAZETTEER, (c, events) -> told.add(events))).load();
        kb = new H2KnowledgeBase(db, TestStores.GAZETTEER);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static Event handoverOf(String base) {
        List<Event> done = kb.eventsAbout(base).stream()
                .filter(e -> e.kind() == EventKind.HANDOVER && e.status() == EventStatus.DONE).toList();
        assertThat(done).as("done handovers of " + base).hasSize(1);
        return done.get(0);
    }

    @ParameterizedTest(name = "{0} handed over on {1} in {2}, ordinal {3}")
    @CsvSource(nullValues = "-", value = {
            "al-qaim,     2020-03-19, الأنبار,    1, coalition, iraqi-forces, Al-Masdar News",
            "qayyarah,    2020-03-26, نينوى,      2, coalition, iraqi-forces, Military Times",
            "k1,          2020-03-29, كركوك,      3, coalition, iraqi-forces, Rudaw",
            "mosul-sqoor, 2020-03-30, نينوى,      4, coalition, iraqi-forces, Al-Masdar News",
            "taqaddum,    2020-04-04, الأنبار,    5, coalition, iraqi-forces, The Drive",
            "abu-ghraib,  2020-04-07, بغداد,      6, coalition, iraqi-forces, Al-Masdar News",
            "besmaya,     2020-07-25, بغداد,      7, coalition, iraqi-forces, Islam Times",
            "taji,        2020-08-23, بغداد,      8, coalition, iraqi-forces, UPI",
            "ain-al-asad, 2026-01-16, الأنبار,    -, us,        iraqi-army,   The Independent"})
    void everyTimelineRowIsOneSourcedHandover(String base, LocalDate date, String province, Integer ordinal,
                                              String from, String to, String publisher) {
        Event e = handoverOf(base);
        assertThat(e.date()).isEqualTo(date);
        assertThat(kb.provinceOf(base)).contains(province);
        assertThat(e.ordinal()).isEqualTo(ordinal);
        assertThat(e.fromParty()).isEqualTo(from);
        assertThat(e.toParty()).isEqualTo(to);
        assertThat(e.sources()).filteredOn(s -> s.articleId() == null).isNotEmpty().allSatisfy(s ->
                assertThat(s.evidence()).as("records carry no report sentences").isNull());
        assertThat(e.sources()).extracting(Source::url).filteredOn(java.util.Objects::nonNull).isNotEmpty()
                .allSatisfy(url -> assertThat(url).startsWith("http"));
        assertThat(e.sources()).extracting(Source::publisher).contains(publisher);
        assertThat(e.summary()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "al-qaim     | troops_left=300 (نحو)",
            "qayyarah    | handover_count=2 (خلال آذار 2020)",
            "k1          | equipment_value_usd=1000000 (نحو); troops_left=300 (نحو)",
            "mosul-sqoor | ",
            "taqaddum    | handover_count=4 (خلال الشهر الأخير); personnel=500 (يغادرون القاعدة)",
            "abu-ghraib  | handover_count=6 (خلال ثلاثة أسابيع)",
            "besmaya     | handover_count=7 (خلال عام 2020)",
            "taji        | equipment_value_usd=347000000 (null); personnel_left=300 (نحو)",
            "ain-al-asad | personnel=250-350 (بقوا بعد أيلول 2025)"})
    void everyTimelineRowKeepsItsFiguresWithTheirQualifiers(String base, String figures) {
        String stored = String.join("; ", handoverOf(base).figures().stream()
                .map(f -> f.kind() + "=" + f.amount() + " (" + f.note() + ")").toList());
        assertThat(stored).isEqualTo(figures == null ? "" : figures);
    }

    @Test
    void sourcesCarryPublisherDateAddressAndWhomTheyCite() {
        assertThat(handoverOf("taji").sources()).extracting(Source::publisher, Source::published, Source::citedSource)
                .containsExactly(tuple("UPI", LocalDate.of(2020, 8, 24), null), tuple("Daily Sabah", null, "Reuters"));
        assertThat(handoverOf("qayyarah").sources()).extracting(Source::publisher)
                .containsExactly("Military Times", "Shafaq News");
    }

    @Test
    void alQaimIsOneEventWithTheArticleAndAlMasdarAsSources() {
        Event qaim = handoverOf("al-qaim");
        assertThat(qaim.sources()).extracting(Source::publisher).contains("الحل نت", "Al-Masdar News", "The National");
        assertThat(kb.events()).filteredOn(e -> "al-qaim".equals(e.baseId()) && e.kind() == EventKind.HANDOVER)
                .hasSize(1);
        assertThat(qaim.sources()).filteredOn(s -> s.articleId() != null).isNotEmpty();
        assertThat(qaim.complete()).isTrue();
        assertThat(qaim.figures()).extracting(Figure::kind).containsExactly("troops_left");
    }

    @Test
    void alQayyarahsPlannedStepIsLinkedBothWaysToTheHandoverOnTheTwentySixth() {
        Event planned = kb.eventsAbout("qayyarah").stream().filter(e -> e.status() == EventStatus.PLANNED)
                .findFirst().orElseThrow();
        Event done = handoverOf("qayyarah");
        assertThat(planned.linkedEventId()).isEqualTo(done.id());
        assertThat(done.linkedEventId()).isEqualTo(planned.id());
        assertThat(planned.date()).isNull();
        assertThat(planned.sources()).extracting(Source::citedSpeaker).containsOnly("اللواء تحسين الخفاجي");
        assertThat(done.date()).isEqualTo(LocalDate.of(2020, 3, 26));
    }

    @Test
    void theBesmayaAttackAndTheAinAlAsadAnnouncementAreTheirOwnEvents() {
        assertThat(kb.eventsAbout("besmaya")).extracting(Event::kind, Event::date).containsExactly(
                tuple(EventKind.ATTACK, LocalDate.of(2020, 7, 24)), tuple(EventKind.HANDOVER, LocalDate.of(2020, 7, 25)));
        assertThat(kb.eventsAbout("ain-al-asad")).extracting(Event::kind, Event::date).containsExactly(
                tuple(EventKind.HANDOVER, LocalDate.of(2026, 1, 16)), tuple(EventKind.ANNOUNCEMENT, LocalDate.of(2026, 1, 17)));
    }

    @Test
    void handoversComeInDateOrderAndABaseWithNoRecordHasNone() {
        List<Event> done = kb.events().stream()
                .filter(e -> e.kind() == EventKind.HANDOVER && e.status() == EventStatus.DONE).toList();
        assertThat(done).extracting(Event::baseId).containsExactly("al-qaim", "qayyarah", "k1", "mosul-sqoor",
                "taqaddum", "abu-ghraib", "besmaya", "taji", "ain-al-asad");
        assertThat(kb.eventsAbout("balad")).isEmpty();
    }

    @Test
    void loadingSeedsNeverAlertsAndLoadingThemAgainAddsNothing() {
        int events = kb.events().size();
        int sources = kb.events().stream().mapToInt(e -> e.sources().size()).sum();

        List<IngestReport> again = new SeedLoader(
                new KnowledgeIngester(db, TestStores.GAZETTEER, (c, e) -> told.add(e))).load();

        assertThat(again).allSatisfy(r -> assertThat(r.alreadyKnown()).isTrue());
        assertThat(kb.events()).hasSize(events);
        assertThat(kb.events().stream().mapToInt(e -> e.sources().size()).sum()).isEqualTo(sources);
        assertThat(told).isEmpty();
    }

    @Test
    void aRecordRepeatingAKnownEventAddsItsSourceAndANewOneIsTold() throws Exception {
        Path file = dir.resolve("operator-records.json");
        Files.writeString(file, """
                {"format": "handover-bot/events", "version": 1, "events": [
                  {"kind": "handover", "base": "k1", "date": "2020-03-29", "from": "coalition", "to": "iraqi-forces",
                   "sources": [{"publisher": "نشرة تجريبية", "published": "2020-03-30", "url": "https://example.org/k1"}]},
                  {"kind": "handover", "base": "victory", "date": "2020-09-01", "from": "coalition", "to": "iraqi-forces",
                   "summary": "سجل تجريبي", "sources": [{"publisher": "نشرة تجريبية", "published": "2020-09-02", "url": null}]}
                ]}""");
        List<List<Event>> heard = new ArrayList<>();
        // its own database, so the shared one keeps exactly the seeds
        try (Database own = TestStores.open(Files.createDirectories(dir.resolve("operator")))) {
            new SeedLoader(new KnowledgeIngester(own, TestStores.GAZETTEER, NewEventsListener.NONE)).load();
            H2KnowledgeBase ownKb = new H2KnowledgeBase(own, TestStores.GAZETTEER);
            KnowledgeIngester ingester = new KnowledgeIngester(own, TestStores.GAZETTEER, (c, e) -> heard.add(e));
            int k1Sources = ownKb.eventsAbout("k1").get(0).sources().size();

            IngestReport report = ingester.ingest(InputFiles.records(file));

            assertThat(report.gainedSources()).extracting(Event::baseId).containsExactly("k1");
            assertThat(report.added()).extracting(Event::baseId).containsExactly("victory");
            assertThat(ownKb.eventsAbout("k1").get(0).sources()).hasSize(k1Sources + 1);
            assertThat(heard).singleElement()
                    .satisfies(e -> assertThat(e).extracting(Event::baseId).containsExactly("victory"));
            assertThat(ingester.ingest(InputFiles.records(file)).alreadyKnown()).isTrue();
        }
    }

    @Test
    void anArticleReportingATimelineHandoverBecomesOneMoreSourceOfIt() throws Exception {
        try (Database own = TestStores.open(Files.createDirectories(dir.resolve("taji")))) {
            new SeedLoader(new KnowledgeIngester(own, TestStores.GAZETTEER, NewEventsListener.NONE)).load();
            H2KnowledgeBase ownKb = new H2KnowledgeBase(own, TestStores.GAZETTEER);
            List<List<Event>> heard = new ArrayList<>();

            IngestReport report = new KnowledgeIngester(own, TestStores.GAZETTEER, (c, e) -> heard.add(e))
                    .ingest(Articles.read("taji-sunday.txt"));

            // "يوم الأحد" in an article of Monday 24 August 2020: the timeline's 23 August
            assertThat(report.added()).isEmpty();
            assertThat(heard).isEmpty();
            Event taji = ownKb.eventsAbout("taji").stream().filter(e -> e.kind() == EventKind.HANDOVER).findFirst()
                    .orElseThrow();
            assertThat(taji.sources()).extracting(Source::publisher)
                    .containsExactly("UPI", "Daily Sabah", "نشرة المحافظات");
            assertThat(taji.figures()).filteredOn(f -> f.kind().equals("equipment_value_usd"))
                    .extracting(Figure::amount).containsExactly("347000000");
            assertThat(report.quotes()).singleElement().satisfies(q -> {
                assertThat(q.speakerId()).isEqualTo("caggins");
                assertThat(q.speakerName()).isEqualTo("الكولونيل مايلز كاغينز");
                assertThat(q.speakerTitle()).isEqualTo("المتحدث باسم التحالف");
                assertThat(q.source().citedVia()).isEqualTo("تويتر"); // his own channel (issue 12)
                assertThat(q.baseIds()).containsExactly("taji");
            });
        }
    }

    @Test
    void aRecordNamingAnUnknownBaseOrWithoutSourcesIsRefused() throws Exception {
        Path unknown = dir.resolve("unknown-base.json");
        Files.writeString(unknown, """
                {"format": "handover-bot/events", "version": 1, "events": [
                  {"kind": "handover", "base": "atlantis", "date": "2020-03-29",
                   "sources": [{"publisher": "x", "published": "2020-03-30"}]}]}""");
        Path unsourced = dir.resolve("unsourced.json");
        Files.writeString(unsourced, """
                {"format": "handover-bot/events", "version": 1, "events": [
                  {"kind": "handover", "base": "k1", "date": "2020-03-29", "sources": []}]}""");
        KnowledgeIngester ingester = new KnowledgeIngester(db, TestStores.GAZETTEER, NewEventsListener.NONE);

        assertThatThrownBy(() -> ingester.ingest(InputFiles.records(unknown))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown-base.json").hasMessageContaining("atlantis");
        assertThatThrownBy(() -> InputFiles.records(unsourced)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("unsourced.json").hasMessageContaining("no 'sources'");
    }
}
