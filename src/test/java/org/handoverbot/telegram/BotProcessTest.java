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

    @Test
    void aTokenRevokedWhileTheBotRunsEndsItWithOneLineAndANonZeroExit() throws Exception {
        process = start(server.token());
        server.awaitCalls("getUpdates", 1, Duration.ofSeconds(60));

        server.revokeToken();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the bot stopped by itself").isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        String output = output();
        assertThat(output.lines().filter(l -> l.startsWith("handover-bot:"))).containsExactly("handover-bot: Telegram stopped "
                + "accepting the bot token while the bot was running (401 Unauthorized on getUpdates): it was revoked or "
                + "replaced; set TELEGRAM_BOT_TOKEN to the current token from @BotFather");
        // 401 as a number of its own: the fake's random port (127.0.0.1:40147) once made a second "line about the 401"
        assertThat(output.lines().filter(l -> l.matches(".*(?<!\\d)401(?!\\d).*"))).as("lines about the 401").hasSize(1);
        assertThat(output).doesNotContain("\tat ").doesNotContain(secretOf(server.token()));
    }

    @Test
    void aBadAlertMaxAgeIsOneLineAndExitCode2() throws Exception {
        process = start(server.token(), "HANDOVER_ALERT_MAX_AGE", "soon");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output().lines().filter(l -> !l.isBlank())).containsExactly("handover-bot: HANDOVER_ALERT_MAX_AGE must be "
                + "a positive duration such as 24h, 90m, 30s or 2d, not 'soon'");
    }

    private Process start(String token, String... moreEnvironment) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.handoverbot.cli.Main");
        builder.environment().put("TELEGRAM_BOT_TOKEN", token);
        builder.environment().put("TELEGRAM_API_URL", server.baseUri().toString());
        builder.environment().put("HANDOVER_DB_URL", "jdbc:h2:file:" + folder.resolve("handover").toAbsolutePath());
        for (int i = 0; i + 1 < moreEnvironment.length; i += 2) {
            builder.environment().put(moreEnvironment[i], moreEnvironment[i + 1]);
        }
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
