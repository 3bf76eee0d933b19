package org.handoverbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.handoverbot.answer.PlainTextRenderer;
import org.handoverbot.knowledge.KnowledgeModel;
import org.handoverbot.knowledge.KnowledgeVersion;
import org.handoverbot.knowledge.LiveKnowledge;
import org.junit.jupiter.api.Test;

/**
 * The bot's answers come from the in-memory model, and the model follows the stored knowledge: an `ingest` in
 * a second JVM is answered within two seconds, and a model that cannot be built leaves the old one answering.
 */
class LiveKnowledgeTest extends ComposedApplicationCase {

    private static String ask(String question) {
        return new PlainTextRenderer().render(app.dialogue().answerAlone(app.understander().understand(question)));
    }

    @Test
    void anEventIngestedByASecondProcessIsAnsweredWithinTwoSecondsWhileTheBotKeepsAnswering() throws Exception {
        String question = "متى سلمت قاعدة فكتوري؟";
        String before = ask(question);
        assertThat(before).doesNotContain("2029");
        Path records = dir.resolve("victory.json");
        Files.writeString(records, """
                {"format": "handover-bot/events", "version": 1, "events": [
                  {"kind": "handover", "base": "victory", "date": "2029-05-06", "from": "coalition", "to": "iraqi-forces",
                   "sources": [{"publisher": "نشرة الاختبار", "published": "2029-05-06", "url": "https://example.org/victory"}]}]}""");

        AtomicBoolean asking = new AtomicBoolean(true);
        AtomicLong firstNewAnswer = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong answers = new AtomicLong();
        Thread asker = new Thread(() -> {
            while (asking.get()) {
                String reply = ask(question);
                answers.incrementAndGet();
                if (reply.contains("2029")) {
                    firstNewAnswer.compareAndSet(0, System.nanoTime());
                } else if (!reply.equals(before)) {
                    failures.add(reply);
                }
            }
        });
        asker.start();
        long ingested;
        try {
            Process ingest = secondProcess("ingest", records.toString());
            assertThat(ingest.waitFor(90, TimeUnit.SECONDS)).as("ingest finished").isTrue();
            ingested = System.nanoTime();
            assertThat(ingest.exitValue()).as(read(ingest)).isZero();
            long deadline = ingested + TimeUnit.SECONDS.toNanos(2);
            while (firstNewAnswer.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            asking.set(false);
            asker.join();
        }
        assertThat(firstNewAnswer.get()).as("the new handover answered within 2 s of the ingest's end").isPositive();
        assertThat(failures).as("every answer was the old one or the new one").isEmpty();
        assertThat(answers.get()).isGreaterThan(1);
        assertThat(ask(question)).contains("2029").contains("نشرة الاختبار");
    }

    @Test
    void aModelThatCannotBeBuiltLeavesTheOldOneAnsweringAndLogsOneLine() throws Exception {
        LiveKnowledge live = app.liveKnowledge();
        String question = "متى تم تسليم قاعدة القائم؟";
        String before = ask(question);
        KnowledgeModel old = live.get();
        List<LogRecord> logged = new ArrayList<>();
        Logger log = Logger.getLogger(LiveKnowledge.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (logged) {
                    logged.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try {
            // a row no model can hold (a kind the code does not know), committed like any write
            app.database().inTransaction(c -> {
                KnowledgeVersion.bump(c);
                try (var s = c.createStatement()) {
                    return s.executeUpdate("INSERT INTO event (kind, status, base_id) VALUES ('NO_SUCH_KIND', 'DONE', 'balad')");
                }
            });
            assertThat(live.refresh()).isFalse();
            Thread.sleep(3 * LiveKnowledge.DEFAULT_POLL.toMillis());
            assertThat(live.refresh()).isFalse();
            assertThat(live.get()).isSameAs(old);
            assertThat(ask(question)).isEqualTo(before);
            synchronized (logged) {
                assertThat(logged).singleElement().satisfies(r -> assertThat(r.getMessage())
                        .contains("still answering from version " + old.version()));
            }

            app.database().inTransaction(c -> {
                KnowledgeVersion.bump(c);
                try (var s = c.createStatement()) {
                    return s.executeUpdate("DELETE FROM event WHERE kind = 'NO_SUCH_KIND'");
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (live.get() == old && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(live.get().version()).isGreaterThan(old.version());
            assertThat(ask(question)).isEqualTo(before);
        } finally {
            log.removeHandler(capture);
        }
    }

    /** A second JVM, as an operator runs `java -jar handover-bot.jar ingest …` beside the bot. */
    private static Process secondProcess(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        File out = dir.resolve("second-" + System.nanoTime() + ".log").toFile();
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out);
        pb.environment().put("HANDOVER_DB_URL", url());
        Process p = pb.start();
        logs.put(p, out.toPath());
        return p;
    }

    private static final Map<Process, Path> logs = new java.util.concurrent.ConcurrentHashMap<>();

    private static String read(Process p) throws Exception {
        return Files.readString(logs.get(p), StandardCharsets.UTF_8);
    }
}
