package org.handoverbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handoverbot.cli.CommandRun.run;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.handoverbot.cli.CommandRun;
import org.handoverbot.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ingest` and `events` as an operator runs them, also from a second process while the bot holds the database. */
class KnowledgeCommandsTest {

    @TempDir
    Path dir;

    @Test
    void ingestPrintsWhatItAddedAndTheSecondTimeThatItWasKnown() {
        String db = TestStores.url(dir);
        String file = Articles.path("balad-rockets.txt").toString();

        CommandRun first = run("ingest", "--db", db, file);
        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("1 new event(s)").contains("new    #").contains("ATTACK DONE balad 2020-03-23");

        CommandRun second = run("ingest", "--db", db, file);
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("already known, nothing added");
    }

    @Test
    void aNewHandoverIngestedFromTheCommandLineIsQueuedForSubscribersButARepeatIsNot() throws Exception {
        String db = TestStores.url(dir);
        try (Database database = Database.open(db)) {
            new org.handoverbot.alerts.Subscriptions(database).subscribe(7001L, java.util.Optional.empty());
        }

        run("ingest", "--db", db, Articles.path("roundup.txt").toString());
        run("ingest", "--db", db, Articles.path("qaim-again.txt").toString());

        try (Database database = Database.open(db); var c = database.connection();
             var rs = c.createStatement().executeQuery("SELECT e.base_id FROM alert_outbox o "
                     + "JOIN event e ON e.id = o.event_id WHERE o.recipient = '7001' ORDER BY e.base_id")) {
            List<String> alerted = new ArrayList<>();
            while (rs.next()) {
                alerted.add(rs.getString(1));
            }
            // roundup.txt: two handovers new to the seeds (Ain al-Asad in 2020, Taji in 2019) and Harir planned;
            // al-Qaim and al-Taqaddum were known and only gained a source
            assertThat(alerted).containsExactly("ain-al-asad", "harir", "taji");
        }
    }

    @Test
    void aBadFileIsOneLineNamingItAndTheOthersAreStillIngested() {
        String db = TestStores.url(dir);
        CommandRun run = run("ingest", "--db", db, Articles.path("bad-date.txt").toString(),
                Articles.path("qaim-again.txt").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip().lines()).singleElement().asString()
                .startsWith("ingest: ").contains("bad-date.json").contains("bad date");
        assertThat(run.out()).contains("qaim-again.txt").contains("known  ");
    }

    @Test
    void ingestTakesARecordsFileAndRefusesArticleMetadataGivenInsteadOfItsText() throws IOException {
        String db = TestStores.url(dir);
        Path records = dir.resolve("taji-again.json");
        Files.writeString(records, """
                {"format": "handover-bot/events", "version": 1, "events": [
                  {"kind": "handover", "base": "taji", "date": "2020-08-23",
                   "sources": [{"publisher": "نشرة تجريبية", "published": "2020-08-25", "url": "https://example.org/taji"}]}]}""");

        CommandRun run = run("ingest", "--db", db, records.toString(), Articles.path("k1-sunday.json").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("known  ").contains("HANDOVER DONE taji 2020-08-23");
        assertThat(run.err().strip().lines()).singleElement().asString()
                .contains("k1-sunday.json").contains("not a records file");
    }

    @Test
    void eventsJsonListsEveryEventWithItsSources() throws IOException {
        CommandRun run = run("events", "--json", "--db", TestStores.url(dir));

        assertThat(run.exit()).isZero();
        JsonNode events = new ObjectMapper().readTree(run.out());
        assertThat(events.isArray()).isTrue();
        JsonNode qaim = find(events, "HANDOVER", "al-qaim");
        assertThat(qaim.path("date").asText()).isEqualTo("2020-03-19");
        assertThat(qaim.path("sources").size()).isGreaterThanOrEqualTo(3);
        assertThat(qaim.path("sources").get(0).path("publisher").asText()).isEqualTo("الحل نت");
        // the seed article's quotes about al-Qaim, each with who said it and where it was read
        JsonNode quotes = qaim.path("quotes");
        assertThat(quotes.size()).isGreaterThanOrEqualTo(2);
        JsonNode khafaji = null;
        for (JsonNode q : quotes) {
            assertThat(q.path("text").asText()).isNotBlank();
            assertThat(q.path("source").path("publisher").asText()).isEqualTo("الحل نت");
            assertThat(q.path("source").path("published").asText()).isEqualTo("2020-03-19");
            if ("khafaji".equals(q.path("speakerId").asText())) {
                khafaji = q;
            }
        }
        assertThat(khafaji).as("a quote of al-Khafaji").isNotNull();
        assertThat(khafaji.path("speaker").asText()).contains("الخفاجي");
        assertThat(khafaji.path("title").asText()).contains("المتحدث");
        // records carry no report text, so no quotes
        assertThat(find(events, "HANDOVER", "k1").path("quotes").size()).isZero();
    }

    @Test
    void ingestAndEventsWorkFromAnotherProcessWhileTheBotHoldsTheDatabase() throws Exception {
        String url = TestStores.url(dir);
        try (Database bot = Database.open(url);
             var held = bot.connection()) {
            H2KnowledgeBase kb = new H2KnowledgeBase(bot, TestStores.GAZETTEER);
            assertThat(kb.eventsAbout("balad")).isEmpty();

            CommandRun ingest = otherProcess(url, "ingest", Articles.path("balad-rockets.txt").toString());
            assertThat(ingest.exit()).as(ingest.err()).isZero();
            assertThat(ingest.out()).contains("ATTACK DONE balad 2020-03-23");

            // the running bot sees what the other process committed
            assertThat(kb.eventsAbout("balad")).extracting(Event::kind).containsExactly(EventKind.ATTACK);
            assertThat(held.isValid(1)).isTrue();

            CommandRun events = otherProcess(url, "events", "--json");
            assertThat(events.exit()).as(events.err()).isZero();
            JsonNode balad = find(new ObjectMapper().readTree(events.out()), "ATTACK", "balad");
            assertThat(balad.path("sources").get(0).path("publisher").asText()).isEqualTo("نشرة المحافظات");
        }
    }

    private static JsonNode find(JsonNode events, String kind, String base) {
        for (JsonNode e : events) {
            if (kind.equals(e.path("kind").asText()) && base.equals(e.path("baseId").asText())
                    && "DONE".equals(e.path("status").asText())) {
                return e;
            }
        }
        throw new AssertionError("no " + kind + " of " + base + " in " + events);
    }

    /** A second JVM, like an operator's `java -jar handover-bot.jar ...`, with HANDOVER_DB_URL set. */
    private CommandRun otherProcess(String dbUrl, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        File out = dir.resolve("out-" + System.nanoTime()).toFile();
        File err = dir.resolve("err-" + System.nanoTime()).toFile();
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
        pb.environment().put("HANDOVER_DB_URL", dbUrl);
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the second process did not finish in 60 s");
        }
        return new CommandRun(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }
}
