package org.handoverbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.handoverbot.knowledge.Database;
import org.handoverbot.telegram.fake.FakeBotApiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 right after the report: what `ingest` printed as stored and what the bot confirmed as subscribed is
 * in the database after the process is killed, three times each. The killed process is the one holding the
 * file (no other process serves it), so only what reached the file counts.
 */
class KillAfterReportTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path folder;

    private String url() {
        return "jdbc:h2:file:" + folder.resolve("handover").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    }

    private ProcessBuilder java(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.handoverbot.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HANDOVER_DB_URL", url());
        builder.environment().remove("TELEGRAM_BOT_TOKEN");
        return builder;
    }

    /** Article n: the k1 report with a line of its own, so each is a new article (new text, same event). */
    private Path article(int n) throws IOException, URISyntaxException {
        Path source = Path.of(getClass().getResource("/articles/k1-sunday.txt").toURI());
        Path txt = folder.resolve("k1-" + n + ".txt");
        Files.writeString(txt, Files.readString(source, StandardCharsets.UTF_8) + "\nتحديث رقم " + n + " للخبر.\n",
                StandardCharsets.UTF_8);
        Files.copy(source.resolveSibling("k1-sunday.json"), folder.resolve("k1-" + n + ".json"));
        return txt;
    }

    private Set<String> storedFiles() throws Exception {
        Set<String> files = new HashSet<>();
        try (Database db = Database.open(url()); Connection c = db.connection();
             PreparedStatement s = c.prepareStatement("SELECT file_name FROM article");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                files.add(rs.getString(1));
            }
        }
        return files;
    }

    @Test
    void articlesReportedStoredSurviveAKillRightAfterTheReportThreeTimesOver() throws Exception {
        Set<String> reported = new HashSet<>();
        int n = 0;
        for (int round = 1; round <= 3; round++) {
            List<String> args = new ArrayList<>(List.of("ingest"));
            for (int i = 0; i < 8; i++) {
                args.add(article(++n).toString());
            }
            Process ingest = java(args.toArray(String[]::new)).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(ingest.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    int at = line.indexOf(".txt: ");
                    if (at > 0 && line.contains(" new event(s)")) {
                        reported.add(line.substring(0, at + ".txt".length()));
                        if (reported.size() >= 2 * round) {
                            ingest.destroyForcibly(); // SIGKILL right after the report: no hook, no close
                            break;
                        }
                    }
                }
            }
            assertThat(ingest.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(storedFiles()).as("round " + round).containsAll(reported);
        }
        assertThat(reported).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void aSubscriptionTheBotConfirmedSurvivesAKillRightAfterTheConfirmationThreeTimesOver() throws Exception {
        try (FakeBotApiServer server = FakeBotApiServer.start()) {
            for (long chat = 501; chat <= 503; chat++) {
                ProcessBuilder builder = java().redirectOutput(folder.resolve("bot-" + chat + ".txt").toFile());
                builder.environment().put("TELEGRAM_BOT_TOKEN", server.token());
                builder.environment().put("TELEGRAM_API_URL", server.baseUri().toString());
                Process bot = builder.start();
                try {
                    int polls = server.calls("getUpdates").size();
                    server.awaitCalls("getUpdates", polls + 1, WAIT);
                    server.sendText(chat, "/subscribe");
                    server.awaitSent(chat, 1, WAIT);
                    bot.destroyForcibly(); // the confirmation is out: SIGKILL now
                    assertThat(bot.waitFor(30, TimeUnit.SECONDS)).isTrue();
                } finally {
                    bot.destroyForcibly();
                }
                try (Database db = Database.open(url()); Connection c = db.connection();
                     PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM alert_subscription WHERE chat_id BETWEEN 501 AND ?")) {
                    s.setLong(1, chat);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        assertThat(rs.getLong(1)).as("subscriptions confirmed so far").isEqualTo(chat - 500);
                    }
                }
            }
        }
    }
}
