package org.handoverbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.handoverbot.answer.ReplyCatalogue;
import org.handoverbot.telegram.fake.FakeBotApiServer;
import org.handoverbot.telegram.fake.SentMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One user floods the bot (300 messages in 2 s, as in issue 13) while another asks a question, with Telegram's
 * real limits and the production flood rule, through the real client and the fake Bot API server.
 */
class FloodTest {

    private static final long FLOODER = 900;
    private static final long OTHER = 901;
    private static final int MESSAGES = 300;
    private static final Duration FLOOD_SPAN = Duration.ofSeconds(2);

    @TempDir
    Path folder;

    private BotHarness harness;
    private FakeBotApiServer server;

    @BeforeEach
    void start() {
        harness = new BotHarness(folder);
        server = harness.server;
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aFloodFromOneChatGetsAtMostOneReplyASecondAndOneSlowDownWhileAnotherChatIsNotHeldBehindIt() throws Exception {
        harness.start(new ScriptedDialogue(), BotHarness.fastOptions().withSendLimits(SendLimits.telegram())
                .withFloodLimits(FloodLimits.defaults()), harness.environment());
        long floodStart = System.nanoTime();
        long otherQuestion = -1;
        for (int i = 0; i < MESSAGES; i++) {
            // evenly over two seconds
            long due = floodStart + FLOOD_SPAN.toNanos() * i / MESSAGES;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            server.sendText(FLOODER, "سؤال رقم " + i);
            if (i == MESSAGES / 2) {
                otherQuestion = server.sendText(OTHER, "متى سلموا القائم؟");
            }
        }

        SentMessage answer = server.awaitSent(OTHER, 1, Duration.ofSeconds(10)).get(0);
        long asked = server.enqueuedAtNanos(otherQuestion);
        long question = otherQuestion;
        // the poller asks for more only once it has taken in (claimed, queued or marked) all it was given
        long takenIn = server.calls("getUpdates").stream().filter(c -> c.params().path("offset").asLong() > question)
                .mapToLong(org.handoverbot.telegram.fake.ApiCall::atNanos).min().orElse(answer.atNanos());
        System.out.printf("flood: the other chat's question taken in after %.0f ms, answered after %.0f ms (load %.1f)%n",
                (takenIn - asked) / 1e6, (answer.atNanos() - asked) / 1e6,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        String slowDown = ReplyCatalogue.arabic().text("telegram.slow_down");
        List<SentMessage> toFlooder = server.awaitSent(FLOODER, FloodLimits.defaults().burst() + 1, Duration.ofSeconds(20));
        server.awaitQuiet(Duration.ofMillis(1500), Duration.ofSeconds(10));
        toFlooder = server.sentTo(FLOODER);
        assertThat(toFlooder).as("the first few answered, then one slow down, nothing for the rest")
                .hasSize(FloodLimits.defaults().burst() + 1);
        assertThat(toFlooder).filteredOn(m -> m.visibleText().equals(slowDown)).hasSize(1);
        assertThat(toFlooder.subList(0, FloodLimits.defaults().burst())).extracting(SentMessage::visibleText)
                .allSatisfy(t -> assertThat(t).startsWith("سؤالك: سؤال رقم "));
        // Held behind the flood, the other chat would wait for the flood's paced replies (one a second, the last
        // some four seconds in); not held, it is answered between them, in well under a second on a quiet machine
        // (over 2 s once at load 15, hence the bound).
        assertThat(answer.atNanos()).as("the other chat answered before the flood's last reply")
                .isLessThan(toFlooder.get(toFlooder.size() - 1).atNanos());
        assertThat(Duration.ofNanos(answer.atNanos() - asked)).as("the other chat's answer, flood or not")
                .isLessThan(Duration.ofSeconds(3));
        for (int i = 1; i < toFlooder.size(); i++) {
            assertThat(Duration.ofNanos(toFlooder.get(i).atNanos() - toFlooder.get(i - 1).atNanos()))
                    .as("replies %d and %d to the flooding chat", i, i + 1).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
        List<SentMessage> replies = toFlooder;
        System.out.printf("flood: %d messages in %d ms -> %d replies to that chat, gaps %s ms%n", MESSAGES,
                FLOOD_SPAN.toMillis(), replies.size(), java.util.stream.IntStream.range(1, replies.size())
                        .mapToObj(i -> String.valueOf((replies.get(i).atNanos() - replies.get(i - 1).atNanos()) / 1_000_000)).toList());
        assertThat(server.sentTo(OTHER)).hasSize(1);
    }

    @Test
    void afterTheFloodCalmsDownTheChatIsAnsweredAgain() throws Exception {
        // The production rule with a shorter calm, and replies to a chat ten times faster, to keep the test short.
        FloodLimits rule = new FloodLimits(4, Duration.ofSeconds(1), Duration.ofSeconds(1));
        harness.start(new ScriptedDialogue(), BotHarness.fastOptions().withFloodLimits(rule), harness.environment());
        for (int i = 0; i < 20; i++) {
            server.sendText(FLOODER, "سيل " + i);
        }
        server.awaitSent(FLOODER, rule.burst() + 1, Duration.ofSeconds(20));
        server.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(10));
        assertThat(server.sentTo(FLOODER)).hasSize(rule.burst() + 1);
        Thread.sleep(rule.calm().toMillis() + 200);

        server.sendText(FLOODER, "سؤال بعد الهدوء");

        List<SentMessage> replies = server.awaitSent(FLOODER, rule.burst() + 2, Duration.ofSeconds(10));
        assertThat(replies.get(replies.size() - 1).visibleText()).contains("سؤال بعد الهدوء");
    }
}
