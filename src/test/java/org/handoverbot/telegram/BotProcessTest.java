package org.handoverbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.handoverbot.telegram.fake.FakeBotApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line with a token, as its own process: how it starts, stops on SIGTERM, and fails. */
class BotProcessTest {

    @TempDir
    Path folder;

    private final FakeBotApiServer server = FakeBotApiServer.start();
    private Process process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
        server.close();
    }

    @Test
    void onSigtermTheBotFinishesAndTheJvmExits() throws Exception {
        process = start(server.token());
        server.awaitCalls("getUpdates", 1, Duration.ofSeconds(60));
        server.sendText(71, "متى سلموا القائم؟");
        server.awaitSent(71, 1, Duration.ofSeconds(20));

        process.destroy(); // SIGTERM

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the JVM exited").isTrue();
        String output = output();
        assertThat(output).contains("stopped").doesNotContain(secretOf(server.token())).doesNotContain("\tat ");
    }

    @Test
    void aRefusedTokenEndsWithOneClearLineAndANonZeroExit() throws Exception {
        String wrong = "555:REFUSED-token-abcdefghijklmnopq";
        process = start(wrong);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        List<String> errorLines = output().lines().filter(l -> l.startsWith("handover-bot:")).toList();
        assertThat(errorLines).containsExactly("handover-bot: Telegram refused the bot token (401 Unauthorized): "
                + "check TELEGRAM_BOT_TOKEN, or ask @BotFather for the current token");
        assertThat(output()).doesNotContain(secretOf(wrong)).doesNotContain("\tat ");
        assertThat(server.refusedRequests()).isEqualTo(1);
    }

    private Process start(String token) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.handoverbot.cli.Main");
        builder.environment().put("TELEGRAM_BOT_TOKEN", token);
        builder.environment().put("TELEGRAM_API_URL", server.baseUri().toString());
        builder.environment().put("HANDOVER_DB_URL", "jdbc:h2:file:" + folder.resolve("handover").toAbsolutePath());
        builder.redirectErrorStream(true).redirectOutput(folder.resolve("output.txt").toFile());
        return builder.start();
    }

    private String output() throws Exception {
        return Files.readString(folder.resolve("output.txt"), StandardCharsets.UTF_8);
    }

    private static String secretOf(String token) {
        return token.substring(token.indexOf(':') + 1);
    }
}
