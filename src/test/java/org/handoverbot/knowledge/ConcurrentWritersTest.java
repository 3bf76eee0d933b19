package org.handoverbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.handoverbot.knowledge.pg.OnEveryVendor;
import org.handoverbot.knowledge.pg.TestDatabases;
import org.junit.jupiter.api.io.TempDir;

/** The bot loading its seeds while operators ingest: every fact is stored once, on either vendor. */
class ConcurrentWritersTest {

    @TempDir
    Path dir;

    @OnEveryVendor
    void seedLoadsAndIngestsAtTheSameMomentStoreEachEventOnce(Vendor vendor) throws Exception {
        try (Database db = Database.open(TestDatabases.freshUrl(vendor, dir, "kb"))) {
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
            List<Event> qaim = kb.eventsAbout("al-qaim").stream()
                    .filter(e -> e.kind() == EventKind.HANDOVER && e.status() == EventStatus.DONE).toList();
            assertThat(qaim).singleElement().satisfies(e -> assertThat(e.sources()).extracting(Source::publisher)
                    .containsOnlyOnce("Al-Masdar News", "صحيفة الرافدين اليومية"));
            assertThat(kb.events().stream().filter(e -> e.kind() == EventKind.HANDOVER
                    && e.status() == EventStatus.DONE)).hasSize(9);
            assertThat(kb.quotes()).hasSize(7);
        }
    }
}
