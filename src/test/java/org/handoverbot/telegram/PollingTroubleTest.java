package org.handoverbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.handoverbot.telegram.fake.ApiCall;
import org.handoverbot.telegram.fake.FakeBotApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the operator reads when the long poll meets trouble: one line each, never a stack trace. */
class PollingTroubleTest {

    private static final Pattern STATUS_409 = Pattern.compile("(?<!\\d)409(?!\\d)");
    private static final Pattern STATUS_401 = Pattern.compile("(?<!\\d)401(?!\\d)");

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path folder;

    private BotHarness harness;
    private FakeBotApiServer server;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream err;

    @BeforeEach
    void start() {
        harness = new BotHarness(folder);
        server = harness.server;
        err = System.err;
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        harness.close();
        System.setErr(err);
    }

    private String log() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anotherInstancePollingWithTheSameTokenIsSaidInOneLineAndTheBotBacksOffThenGoesOn() throws Exception {
        server.conflictOnNextPolls(4);
        harness.start(new ScriptedDialogue(), BotHarness.fastOptions().withRetries(Duration.ofMillis(100), Duration.ofSeconds(1), 3),
                harness.environment());

        server.sendText(61, "سؤال بعد التعارض");

        server.awaitSent(61, 1, WAIT);
        List<ApiCall> polls = server.calls("getUpdates");
        for (int i = 1; i < 5; i++) {
            assertThat(Duration.ofNanos(polls.get(i).atNanos() - polls.get(i - 1).atNanos()))
                    .as("wait after conflict %d", i).isGreaterThanOrEqualTo(Duration.ofMillis(100L << (i - 1)));
        }
        // 409 as a number of its own: the fake's random port (e.g. 40939) may stand in other lines
        assertThat(log().lines().filter(l -> STATUS_409.matcher(l).find())).singleElement().satisfies(l -> assertThat(l)
                .contains("another instance is polling Telegram with this bot token (409 Conflict)").contains("backs off"));
        assertThat(log()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aTokenRevokedWhileRunningStopsTheBotAndSaysWhyOnce() throws Exception {
        TelegramBot bot = harness.start(new ScriptedDialogue());
        server.awaitCalls("getUpdates", 1, WAIT);

        server.revokeToken();

        bot.awaitClosed();
        assertThat(bot.stoppedBecause()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("Telegram stopped accepting the bot token while the bot was running (401 Unauthorized on getUpdates)")
                .doesNotContain("\n"));
        assertThat(log()).doesNotContain("\tat ");
        // 401 as a number of its own: the fake's random port (e.g. 40159) may stand in other lines
        assertThat(log().lines().filter(l -> STATUS_401.matcher(l).find())).isEmpty();
    }
}
