package org.handoverbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.handoverbot.alerts.Subscriptions;
import org.handoverbot.knowledge.Database;
import org.handoverbot.telegram.fake.FakeBotApiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * SIGTERM in the middle of a broadcast: the bot stops taking updates, the alert sender stops and hands back
 * the alerts it had reserved, and only then the database closes (H2's own exit hook, which closed it first, is
 * out of the way): no "database closed" error, no reserved or half-sent row left behind.
 */
class ShutdownOrderTest {

    @TempDir
    Path folder;

    private String url() {
        return "jdbc:h2:file:" + folder.resolve("handover").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    }

    @Test
    void sigtermStopsTheSenderBeforeTheDatabaseCloses() throws Exception {
        try (Database db = Database.open(url())) {
            Subscriptions subscriptions = new Subscriptions(db);
            for (long chat = 1; chat <= 300; chat++) {
                subscriptions.subscribe(chat, Optional.empty());
            }
        }
        Path article = folder.resolve("harir-2026-11-19.txt");
        Path source = Path.of(getClass().getResource("/alerts/harir-2026-11-19.txt").toURI());
        Files.copy(source, article, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(source.resolveSibling("harir-2026-11-19.json"), folder.resolve("harir-2026-11-19.json"));
        CommandLine ingest = Main.commandLine();
        ingest.setOut(new PrintWriter(new StringWriter()));
        assertThat(ingest.execute("ingest", "--db", url(), article.toString())).isZero();

        try (FakeBotApiServer server = FakeBotApiServer.start()) {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.handoverbot.cli.Main")
                    .redirectErrorStream(true).redirectOutput(folder.resolve("bot.txt").toFile());
            builder.environment().put("TELEGRAM_BOT_TOKEN", server.token());
            builder.environment().put("TELEGRAM_API_URL", server.baseUri().toString());
            builder.environment().put("HANDOVER_DB_URL", url());
            Process bot = builder.start();
            try {
                server.awaitCalls("sendmessage", 5, Duration.ofSeconds(90));
                bot.destroy(); // SIGTERM
                assertThat(bot.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                bot.destroyForcibly();
            }
        }
        String log = Files.readString(folder.resolve("bot.txt"), StandardCharsets.UTF_8);
        assertThat(log).doesNotContainIgnoringCase("database has been closed")
                .doesNotContainIgnoringCase("database is closed")
                .doesNotContain("closing on shutdown");
        try (Database db = Database.open(url()); Connection c = db.connection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM alert_outbox"
                     + " WHERE status = 'sending' OR (status = 'pending' AND claimed_by IS NOT NULL)");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            assertThat(rs.getLong(1)).as("rows still reserved or in flight after the shutdown").isZero();
        }
    }
}
