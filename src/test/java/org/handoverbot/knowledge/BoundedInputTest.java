package org.handoverbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.handoverbot.cli.CommandRun.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.handoverbot.cli.CommandRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every input `ingest` reads is bounded: each bad one is ONE line naming the file and the problem (never an SQL
 * message, a hang or an OutOfMemoryError), exit code 1, and nothing of it stored.
 */
class BoundedInputTest {

    @TempDir
    Path dir;

    private String db;
    private Map<String, Long> before;

    @BeforeEach
    void seeded() throws Exception {
        db = TestStores.url(dir.resolve("db"));
        assertThat(run("events", "--db", db).exit()).isZero();
        before = rows();
    }

    private Map<String, Long> rows() throws Exception {
        try (Database database = Database.open(db); Connection c = database.connection()) {
            Map<String, Long> rows = H2Census.rows(c, false);
            rows.remove("STORE_GENERATION");
            rows.remove("KNOWLEDGE_WRITE");
            return rows;
        }
    }

    /** The article k1-sunday with its text and metadata as given. */
    private Path article(String name, String text, String metadata) throws IOException {
        Path txt = dir.resolve(name + ".txt");
        Files.writeString(txt, text, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(name + ".json"), metadata, StandardCharsets.UTF_8);
        return txt;
    }

    private static String k1Text() throws IOException {
        return Files.readString(Articles.path("k1-sunday.txt"), StandardCharsets.UTF_8);
    }

    private static String k1Metadata() throws IOException {
        return Files.readString(Articles.path("k1-sunday.json"), StandardCharsets.UTF_8);
    }

    /** The one line ingest says, and nothing stored. */
    private void refusedWithOneLine(Path file, String problem) throws Exception {
        refusedWithOneLine(file, file, problem);
    }

    /** ingesting file is refused with one line naming named (the file itself, or the metadata beside it). */
    private void refusedWithOneLine(Path file, Path named, String problem) throws Exception {
        CommandRun run = run("ingest", "--db", db, file.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("ingest: " + named)
                .contains(problem)
                .doesNotContain("Value too long").doesNotContain("Exception");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aPublisherLongerThanItsColumnIsRefusedWithItsLengthNotAnSqlMessage() throws Exception {
        Path txt = article("long-publisher", k1Text(), k1Metadata().replace("نشرة المحافظات", "ن".repeat(412)));
        refusedWithOneLine(txt, dir.resolve("long-publisher.json"), "'publisher' is 412 characters long (at most 300)");
    }

    @Test
    void aTitleOrUrlLongerThanItsColumnIsRefused() throws Exception {
        Path title = article("long-title", k1Text(), k1Metadata().replace("\"title\": \"", "\"title\": \"" + "ع".repeat(2100)));
        CommandRun run = run("ingest", "--db", db, title.toString());
        assertThat(run.err().lines()).singleElement().asString().contains("'title' is 2,1");
        Path url = article("long-url", k1Text(), k1Metadata().replace("k1-sunday\"", "k1-sunday/" + "a".repeat(2100) + "\""));
        run = run("ingest", "--db", db, url.toString());
        assertThat(run.err().lines()).singleElement().asString().contains("'url' is 2,1").contains("(at most 2,000)");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aHandoverSentenceOfMoreThan4000CharactersIsRefusedWholeWithOneLine() throws Exception {
        String padded = k1Text().replace("في كركوك إلى القوات", "في كركوك" + "، وسط إجراءات أمنية مشددة".repeat(180) + " إلى القوات");
        Path txt = article("long-sentence", padded, k1Metadata());
        refusedWithOneLine(txt, "a sentence reporting an event (split it at its full stops) is ");
    }

    @Test
    void aTextOfOnlySpacesMarksAndControlCharactersIsNotAnArticle() throws Exception {
        Path txt = article("no-letters", " \t\n\u064B\u064E\u0651 \u0001\u0002 ... ،؛ ١٢٣ \u200F\n", k1Metadata());
        refusedWithOneLine(txt, "has no letters in it");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aFifoNamedTxtIsRefusedBeforeItIsOpened() throws Exception {
        Path fifo = dir.resolve("pipe.txt");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        Files.writeString(dir.resolve("pipe.json"), k1Metadata(), StandardCharsets.UTF_8);
        refusedWithOneLine(fifo, "is not a regular file (a pipe, device or socket)");

        Path records = dir.resolve("pipe-records.json");
        assertThat(new ProcessBuilder("mkfifo", records.toString()).start().waitFor()).isZero();
        refusedWithOneLine(records, "is not a regular file");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aTxtLinkedToDevZeroIsRefusedNotReadUntilMemoryRunsOut() throws Exception {
        Path link = dir.resolve("zero.txt");
        Files.createSymbolicLink(link, Path.of("/dev/zero"));
        Files.writeString(dir.resolve("zero.json"), k1Metadata(), StandardCharsets.UTF_8);
        refusedWithOneLine(link, "is not a regular file");
    }

    @Test
    void aFolderNamedTxtIsRefused() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder.txt"));
        refusedWithOneLine(folder, "is a folder, not a file");
    }

    @Test
    void anArticleFileLargerThan1MbIsRefusedBeforeItIsRead() throws Exception {
        Path txt = article("huge", k1Text() + "\n" + "كلمة ".repeat(300_000), k1Metadata());
        refusedWithOneLine(txt, "larger than the 1.0 MB allowed for it");
    }

    @Test
    void aRecordsFieldLongerThanItsColumnNamesTheEvent() throws Exception {
        Path records = dir.resolve("long-summary.json");
        Files.writeString(records, """
                {"format": "handover-bot/events", "version": 1, "events": [
                 {"kind": "handover", "status": "done", "base": "k1", "date": "2020-03-29", "summary": "ok",
                  "sources": [{"publisher": "Rudaw", "published": "2020-03-29", "url": null, "cites": null}]},
                 {"kind": "handover", "status": "done", "base": "k1", "date": "2020-03-30", "summary": "%s",
                  "sources": [{"publisher": "Rudaw", "published": "2020-03-30", "url": null, "cites": null}]}]}
                """.formatted("س".repeat(4001)), StandardCharsets.UTF_8);
        refusedWithOneLine(records, "event 2: 'summary' is 4,001 characters long (at most 4,000)");
    }

    @Test
    void aRecordsFileThatIsNotUtf8IsOneLine() throws Exception {
        Path records = dir.resolve("latin1.json");
        Files.write(records, "{\"format\": \"handover-bot/events\", \"version\": 1, \"events\": [{\"summary\": \"\u00e9\"}]}"
                .getBytes(StandardCharsets.ISO_8859_1));
        refusedWithOneLine(records, "not UTF-8 text");
    }

    @Test
    void theGoodFilesOfAnIngestAreStoredBesideARefusedOne() throws Exception {
        Path zero = dir.resolve("zero.txt");
        Files.createSymbolicLink(zero, Path.of("/dev/zero"));
        CommandRun run = run("ingest", "--db", db, zero.toString(), Articles.path("balad-rockets.txt").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.out()).contains("1 new event(s)");
    }
}
