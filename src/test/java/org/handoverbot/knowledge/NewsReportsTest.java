package org.handoverbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One handover, many reports: the news fixtures ingested one after another into the seeded knowledge join the
 * handover they report (a day or two apart, "أمس السبت"), keep its parties, link a plan to the step done, and
 * hold what is doubtful for an operator: no alert until approved, exactly one after.
 */
class NewsReportsTest {

    // one seeded store for the class (each test reads other bases); the review test opens a fresh one
    @TempDir
    static Path dir;
    static Database db;
    static H2KnowledgeBase kb;
    static KnowledgeIngester ingester;
    static final List<Event> told = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void seeded() {
        db = TestStores.open(dir);
        new SeedLoader(new KnowledgeIngester(db, TestStores.GAZETTEER, NewEventsListener.NONE)).load();
        kb = new H2KnowledgeBase(db, TestStores.GAZETTEER);
        ingester = new KnowledgeIngester(db, TestStores.GAZETTEER, (c, events) -> told.addAll(events));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static IngestReport ingest(String name) {
        return ingester.ingest(InputFiles.article(NewsFixturesTest.dir().resolve(name + ".txt")));
    }

    private List<Event> handovers(String base) {
        return kb.eventsAbout(base).stream().filter(e -> e.kind() == EventKind.HANDOVER).toList();
    }

    @Test
    void threeReportsOfAinAlAsadOnThreeDaysAreTheTimelinesOneHandover() {
        ingest("ain-asad-withdrawal");   // Friday: withdrawal completed, no receiver named
        ingest("ain-asad-ministry");     // Saturday: the army took over the base
        ingest("ain-asad-nextday");      // Sunday: "أمس السبت"

        assertThat(handovers("ain-al-asad")).singleElement().satisfies(e -> {
            assertThat(e.date()).isEqualTo(LocalDate.of(2026, 1, 16));
            assertThat(e.fromParty()).isEqualTo("us");
            assertThat(e.toParty()).isEqualTo("iraqi-army");
            assertThat(e.sources()).extracting(Source::publisher).contains("The Independent",
                    "وكالة الرافدين للأنباء", "وزارة الدفاع العراقية", "الموقع الإخباري الأردني");
        });
        assertThat(told).extracting(Event::baseId).doesNotContain("ain-al-asad");
    }

    @Test
    void fourTajiReportsInFourStylesJoinTheTimelinesTajiWithEveryVoiceAsASource() {
        for (String name : List.of("taji-wire-ina", "taji-gulf-daily", "taji-translated-wire", "taji-coalition-release")) {
            IngestReport r = ingest(name);
            assertThat(r.added()).as(name).isEmpty();
        }
        assertThat(handovers("taji")).singleElement().satisfies(e -> {
            assertThat(e.date()).isEqualTo(LocalDate.of(2020, 8, 23));
            assertThat(e.sources()).extracting(Source::publisher).contains("UPI", "وكالة الأنباء العراقية",
                    "صحيفة الخليج اليوم", "وكالة الخبر الدولية", "التحالف الدولي ضد داعش");
        });
    }

    @Test
    void aPlannedStepReportedInTheMorningLinksToTheHandoverReportedDone() {
        ingest("qayyarah-planned");
        ingest("qayyarah-tv");
        List<Event> qayyarah = handovers("qayyarah");
        Event planned = qayyarah.stream().filter(e -> e.status() == EventStatus.PLANNED
                && e.sources().stream().anyMatch(s -> "وكالة النجم".equals(s.publisher()))).findFirst().orElseThrow();
        Event done = qayyarah.stream().filter(e -> e.status() == EventStatus.DONE).findFirst().orElseThrow();
        assertThat(planned.linkedEventId()).isEqualTo(done.id());
        assertThat(done.date()).isEqualTo(LocalDate.of(2020, 3, 26));
        assertThat(done.sources()).extracting(Source::publisher).contains("Military Times", "قناة النهرين");
    }

    @Test
    void anUnderWayReportJoinsTheHandoverDoneDaysLater() {
        ingest("habbaniyah-underway");   // Friday: "بدأت القوات ... بتسليم"
        ingest("habbaniyah-daily");      // Sunday: done "أمس السبت"
        assertThat(handovers("taqaddum")).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(EventStatus.DONE);
            assertThat(e.date()).isEqualTo(LocalDate.of(2020, 4, 4));
            assertThat(e.sources()).extracting(Source::publisher).contains("المرصد الإخباري", "صحيفة الرافد");
        });
    }

    @Test
    void aFlaggedDateIsHeldForReviewAndAlertedOnlyOnceApproved() {
        // no timeline event to join: a fresh store without seeds
        Path other = dir.resolve("fresh");
        try (Database fresh = TestStores.open(other)) {
            List<Event> alerts = new ArrayList<>();
            NewEventsListener listener = (c, events) -> alerts.addAll(events);
            KnowledgeIngester own = new KnowledgeIngester(fresh, TestStores.GAZETTEER, listener);
            IngestReport report = own.ingest(InputFiles.article(NewsFixturesTest.dir().resolve("ain-asad-wrong-weekday.txt")));

            assertThat(report.added()).isEmpty();
            assertThat(report.held()).singleElement().satisfies(e -> assertThat(e.date()).isEqualTo(LocalDate.of(2026, 1, 18)));
            assertThat(alerts).isEmpty();
            H2KnowledgeBase freshKb = new H2KnowledgeBase(fresh, TestStores.GAZETTEER);
            assertThat(freshKb.eventsAbout("ain-al-asad")).isEmpty();   // not told as fact

            Review review = new Review(fresh, listener);
            assertThat(review.pending()).singleElement().satisfies(p -> {
                assertThat(p.dateFlag()).isEqualTo(ArticleDates.WEEKDAY_DISAGREES);
                assertThat(p.reason()).contains("2026-01-18");
            });
            long id = report.held().get(0).id();
            assertThat(review.approve(id)).isEqualTo(Review.Outcome.APPROVED);
            assertThat(review.approve(id)).isEqualTo(Review.Outcome.NOT_WAITING);
            assertThat(alerts).extracting(Event::id).containsExactly(id);
            assertThat(freshKb.eventsAbout("ain-al-asad")).extracting(Event::id).containsExactly(id);
            assertThat(review.pending()).isEmpty();
        }
    }

    @Test
    void anUnknownBaseIsHeldAndARejectedOneNeverTold() {
        IngestReport report = ingest("unknown-base-regional");
        assertThat(report.held()).singleElement().satisfies(e -> assertThat(e.baseId()).isNull());
        Review review = new Review(db, (c, events) -> told.addAll(events));
        assertThat(review.pending()).singleElement().satisfies(p -> assertThat(p.baseName()).isEqualTo("معسكر الغزلاني"));
        long id = report.held().get(0).id();
        long version = kb.version();
        assertThat(review.reject(id)).isEqualTo(Review.Outcome.REJECTED);
        assertThat(kb.version()).isGreaterThan(version);
        assertThat(review.pending()).isEmpty();
        assertThat(kb.events()).extracting(Event::id).doesNotContain(id);
        assertThat(told).extracting(Event::id).doesNotContain(id);
    }
}
