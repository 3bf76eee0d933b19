package org.handoverbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeds are read once: a start whose seed files are unchanged writes nothing, a changed seed is stored again. */
class SeedLoaderTest {

    @TempDir
    Path dir;

    @Test
    void unchangedSeedsAreNotReadAgainAndAChangedOneIsStoredAgainWithoutDuplicates() throws Exception {
        try (Database db = TestStores.open(dir)) {
            SeedLoader seeds = new SeedLoader(new KnowledgeIngester(db, TestStores.GAZETTEER, NewEventsListener.NONE));
            KnowledgeLoader loader = new KnowledgeLoader(db);

            List<IngestReport> first = seeds.load();
            assertThat(first).isNotEmpty().noneMatch(IngestReport::alreadyKnown);
            KnowledgeModel stored = loader.load();

            List<IngestReport> again = seeds.load();
            assertThat(again).hasSameSizeAs(first).allMatch(IngestReport::alreadyKnown);
            assertThat(loader.version()).as("no write at all").isEqualTo(stored.version());

            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("UPDATE seed_file SET sha256 = 'older' WHERE name LIKE '%timeline.json'"))
                        .isOne();
            }
            List<IngestReport> changed = seeds.load();
            assertThat(changed).filteredOn(r -> r.name().endsWith("timeline.json")).singleElement()
                    .satisfies(r -> assertThat(r.added()).isEmpty());
            assertThat(loader.version()).as("the changed seed was stored again").isGreaterThan(stored.version());
            assertThat(loader.load().events()).isEqualTo(stored.events());
            assertThat(seeds.load()).allMatch(IngestReport::alreadyKnown);
        }
    }
}
