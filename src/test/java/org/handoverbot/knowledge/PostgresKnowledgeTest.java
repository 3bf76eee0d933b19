package org.handoverbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handoverbot.cli.CommandRun.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.handoverbot.cli.CommandRun;
import org.handoverbot.knowledge.pg.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Knowledge on a real PostgreSQL server: the same events and quotes as on H2, the commands. Concurrent writers run on
 * both vendors in {@link ConcurrentWritersTest}.
 */
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
    void ingestAndEventsCommandsRunOnPostgres() throws Exception {
        String db = POSTGRES.another("commands");

        CommandRun first = run("ingest", "--db", db, Articles.path("balad-rockets.txt").toString());
        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("1 new event(s)").contains("ATTACK DONE balad 2020-03-23");
        CommandRun second = run("ingest", "--db", db, Articles.path("balad-rockets.txt").toString());
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("already known, nothing added");

        CommandRun events = run("events", "--json", "--db", db);
        assertThat(events.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(events.out());
        List<String> bases = new ArrayList<>();
        json.forEach(e -> bases.add(e.path("baseId").asText()));
        assertThat(bases).contains("al-qaim", "balad");
        assertThat(first.err() + second.err() + events.err()).isEmpty();
    }
}
