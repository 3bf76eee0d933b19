package org.handoverbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.handoverbot.telegram.fake.FakeBotApiServer;
import org.handoverbot.telegram.fake.SentMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole program as an operator runs it: the bot in one process (as `java -jar`, with a token), and an
 * `ingest` in a second process on the same database while the bot runs. Users subscribe in words and by
 * command; the new handover reaches each follower and the channel once, and no one else.
 */
class BotWithAlertsProcessTest {

    private static final String CHANNEL = "@handover_alerts_test";
    private static final long ADMIN = 900;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path folder;

    private final FakeBotApiServer server = FakeBotApiServer.start();
    private Process bot;

    @AfterEach
    void stop() throws InterruptedException {
        if (bot != null) {
            bot.destroy();
            if (!bot.waitFor(20, TimeUnit.SECONDS)) {
                bot.destroyForcibly();
            }
        }
        server.close();
    }

    @Test
    void anArticleIngestedWhileTheBotRunsAlertsEachFollowerAndTheChannelOnce() throws Exception {
        bot = java("bot.txt");
        server.awaitCalls("getUpdates", 1, WAIT);

        server.sendText(301, "/subscribe");
        server.sendText(302, "نبهني عن حرير");
        server.sendText(303, "نبهني عن عين الأسد");
        server.sendText(304, "متى سلموا القائم؟");
        for (long chat : new long[] {301, 302, 303, 304}) {
            server.awaitSent(chat, 1, WAIT);
        }

        Process ingest = java("ingest.txt", "ingest", article("harir-2026-11-19.txt"));
        assertThat(ingest.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(ingest.exitValue()).as(read("ingest.txt")).isZero();

        server.awaitSent(CHANNEL, 1, WAIT);
        server.awaitSent(301, 2, WAIT);
        server.awaitSent(302, 2, WAIT);
        server.awaitQuiet(Duration.ofSeconds(3), WAIT);

        SentMessage alert = server.sentTo(CHANNEL).get(0);
        assertThat(alert.text()).contains("حرير").contains("2026");
        assertThat(server.sentTo(301)).hasSize(2).last().extracting(SentMessage::text).isEqualTo(alert.text());
        assertThat(server.sentTo(302)).hasSize(2).last().extracting(SentMessage::text).isEqualTo(alert.text());
        assertThat(server.sentTo(303)).as("follows another base").hasSize(1);
        assertThat(server.sentTo(304)).as("follows nothing").hasSize(1);

        Process again = java("again.txt", "ingest", article("harir-2026-11-19.txt"));
        assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
        server.awaitQuiet(Duration.ofSeconds(3), WAIT);
        assertThat(server.sentTo(CHANNEL)).as("the same article again is not news").hasSize(1);

        server.sendText(ADMIN, "/queue");
        assertThat(server.awaitSent(ADMIN, 1, WAIT).get(0).text()).contains("أُرسلت: 3").contains("المشتركون: 3");
        server.sendText(304, "/queue");
        assertThat(server.awaitSent(304, 2, WAIT).get(1).text()).contains("لمشرفي البوت فقط").doesNotContain("أُرسلت");
    }

    private Process java(String output, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] command = new String[4 + args.length];
        command[0] = java;
        command[1] = "-cp";
        command[2] = System.getProperty("java.class.path");
        command[3] = "org.handoverbot.cli.Main";
        System.arraycopy(args, 0, command, 4, args.length);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("TELEGRAM_BOT_TOKEN", server.token());
        builder.environment().put("TELEGRAM_API_URL", server.baseUri().toString());
        builder.environment().put("TELEGRAM_ALERT_CHANNEL", CHANNEL);
        builder.environment().put("TELEGRAM_ADMIN_IDS", String.valueOf(ADMIN));
        builder.environment().put("HANDOVER_DB_URL",
                "jdbc:h2:file:" + folder.resolve("handover").toAbsolutePath() + ";AUTO_SERVER=TRUE");
        builder.redirectErrorStream(true).redirectOutput(folder.resolve(output).toFile());
        return builder.start();
    }

    private String article(String name) throws IOException, URISyntaxException {
        Path source = Path.of(getClass().getResource("/alerts/" + name).toURI());
        Path json = source.resolveSibling(name.replace(".txt", ".json"));
        Files.copy(source, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(json, folder.resolve(json.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
        return folder.resolve(name).toString();
    }

    private String read(String output) throws IOException {
        return Files.readString(folder.resolve(output), StandardCharsets.UTF_8);
    }
}
