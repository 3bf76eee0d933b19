package org.handoverbot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.handoverbot.answer.Dialogue;
import org.handoverbot.answer.Reply;
import org.handoverbot.answer.Reply.Paragraph;
import org.handoverbot.config.Settings;
import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.Event;
import org.handoverbot.telegram.OutboundGate;
import org.handoverbot.telegram.SendLimits;
import org.handoverbot.telegram.TelegramBot;
import org.handoverbot.telegram.TelegramOptions;
import org.handoverbot.telegram.fake.ApiCall;
import org.handoverbot.telegram.fake.ApiFailure;
import org.handoverbot.telegram.fake.FakeBotApiServer;
import org.handoverbot.telegram.fake.OnOffRelay;
import org.handoverbot.telegram.fake.SentMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replies and alerts through the bot's one outbound gate, with Telegram's real limits enforced by the fake Bot
 * API server: a broadcast never holds up a user's question, a 429 earned by a reply pauses the alerts too, an
 * outage delays alerts without dropping or repeating any, and what could not be delivered is counted for
 * admins (expired, outcome unknown).
 */
class OneGateTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CHANNEL = "@handover_alerts";
    private static final long USER = 5000;
    /** The outage of issue 13 lasted two minutes; shortened here (-Dhandover.outageSeconds=120 for the real one). */
    private static final int OUTAGE_SECONDS = Integer.getInteger("handover.outageSeconds", 6);

    @TempDir
    Path dir;

    private FakeBotApiServer server;
    private TelegramLimitsGate limits;
    private Database db;
    private Subscriptions subscriptions;
    private AlertOutbox outbox;
    private TelegramBot bot;
    private AlertSender sender;

    /** Answers every question with the question; what matters here is when the answer leaves. */
    private static final Dialogue ECHO = new Dialogue() {
        @Override
        public Reply onText(long chatId, String text) {
            return Reply.of(Paragraph.plain("جواب: " + text));
        }

        @Override
        public Reply onButton(long chatId, String callbackData) {
            return Reply.of(Paragraph.plain("زر"));
        }

        @Override
        public Reply onCommand(long chatId, String command, String argument) {
            return Reply.of(Paragraph.plain("أمر " + command));
        }
    };

    @BeforeEach
    void start() {
        server = FakeBotApiServer.start();
        limits = TelegramLimitsGate.telegram(1);
        server.addSendGate(limits);
        db = Database.open("jdbc:h2:file:" + dir.resolve("db"));
        subscriptions = new Subscriptions(db);
        outbox = new AlertOutbox(db);
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        db.close();
        server.close();
    }

    private void startBot(String apiUrl, SenderSettings settings) {
        Map<String, String> env = new HashMap<>();
        env.put("TELEGRAM_BOT_TOKEN", server.token());
        env.put("TELEGRAM_API_URL", apiUrl);
        env.put("HANDOVER_DB_URL", "jdbc:h2:file:" + dir.resolve("db"));
        bot = TelegramBot.start(Settings.from(env), ECHO, db, TelegramOptions.defaults().withPollTimeout(1)
                .withRetries(Duration.ofMillis(100), Duration.ofMillis(500), 3));
        sender = new AlertSender(outbox, subscriptions, eventId -> Optional.of("<b>تنبيه</b> الحدث " + eventId),
                bot.gate(), settings, Clock.systemUTC()).start();
        bot.closeBeforeGate(sender);
    }

    private static SenderSettings settings() {
        return SenderSettings.defaults().withTiming(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(200),
                Duration.ofMillis(20)).withMaxBackoff(Duration.ofSeconds(1));
    }

    private void subscribe(int count) {
        for (long chat = 1; chat <= count; chat++) {
            subscriptions.subscribe(chat, Optional.empty());
        }
    }

    private void ingest(Optional<String> channel, Event... events) {
        db.inTransaction(c -> {
            new AlertOutboxWriter(channel, Clock.systemUTC()).onNewEvents(c, List.of(events));
            return null;
        });
        if (sender != null) {
            sender.nudge();
        }
    }

    private Map<String, Long> perChat() {
        return server.sent().stream().collect(Collectors.groupingBy(SentMessage::chat, Collectors.counting()));
    }

    @Test
    void aLongBroadcastStillLetsAUsersQuestionThroughWithinASecond() throws Exception {
        subscribe(80);
        startBot(server.baseUri().toString(), settings());
        ingest(Optional.empty(), Events.handover(1, "ain-al-asad", LocalDate.of(2026, 1, 16)));
        server.awaitCalls("sendMessage", 15, WAIT);

        long question = server.sendText(USER, "متى سلموا القائم؟");

        SentMessage answer = server.awaitSent(USER, 1, WAIT).get(0);
        System.out.printf("broadcast: a question's answer after %.0f ms, %d alerts already out%n",
                (answer.atNanos() - server.enqueuedAtNanos(question)) / 1e6, server.sent().size() - 1);
        assertThat(Duration.ofNanos(answer.atNanos() - server.enqueuedAtNanos(question))).isLessThan(Duration.ofSeconds(1));
        server.awaitCalls("sendMessage", 81, WAIT);
        assertThat(server.calls("sendMessage").stream().filter(c -> c.atNanos() > answer.atNanos()))
                .as("the broadcast was still going when the answer left").isNotEmpty();
        server.awaitQuiet(Duration.ofMillis(500), WAIT);
        assertThat(perChat()).hasSize(81).allSatisfy((chat, n) -> assertThat(n).isEqualTo(1L));
        assertThat(limits.violations()).as("Telegram's limits held for replies and alerts together").isZero();
    }

    @Test
    void aTooManyRequestsEarnedByAReplyPausesTheAlertsToo() throws Exception {
        subscribe(60);
        startBot(server.baseUri().toString(), settings());
        ingest(Optional.empty(), Events.handover(2, "taji", LocalDate.of(2020, 8, 23)));
        server.awaitCalls("sendMessage", 10, WAIT);
        server.failNextSends(USER, ApiFailure.tooManyRequests(2));

        server.sendText(USER, "سؤال");

        server.awaitSent(USER, 1, WAIT);
        ApiCall refused = server.calls("sendMessage").stream().filter(c -> c.chatId() == USER).findFirst().orElseThrow();
        // Requests already on their way when the 429 came back may still arrive just after it; then nothing.
        assertThat(server.calls("sendMessage")).filteredOn(c -> c.atNanos() > refused.atNanos() + 500_000_000L
                && c.atNanos() < refused.atNanos() + 1_950_000_000L).as("sends during the pause").isEmpty();
        server.awaitCalls("sendMessage", 60 + 2, WAIT);
        server.awaitQuiet(Duration.ofMillis(500), WAIT);
        assertThat(perChat()).hasSize(61).allSatisfy((chat, n) -> assertThat(n).isEqualTo(1L));
        assertThat(outbox.status(0, 0).failed()).isZero();
    }

    @Test
    void anIngestDuringAnOutageReachesEverySubscriberOnceAfterItAndTheLogSaysEachRetryInOneLine() throws Exception {
        subscribe(10);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try (OnOffRelay relay = new OnOffRelay(server.baseUri())) {
            startBot(relay.baseUri().toString(), settings());
            // The outage begins on a quiet line: a pooled connection that dies with it costs the message sent on it
            // ("outcome unknown", never resent; see OutboundGate.dropIdleConnections), which is not what this shows.
            bot.gate().dropIdleConnections();
            relay.off();
            ingest(Optional.of(CHANNEL), Events.handover(3, "harir", LocalDate.of(2026, 11, 19)));
            Thread.sleep(Duration.ofSeconds(OUTAGE_SECONDS).toMillis());
            assertThat(server.sent()).isEmpty();

            relay.on();

            try {
                server.awaitCalls("sendMessage", 11, WAIT);
            } catch (AssertionError e) {
                System.err.println("DEBUG " + outbox.status(0, 20) + " calls " + server.calls("sendMessage").size());
                throw e;
            }
            server.sendText(USER, "هل عدت؟");
            server.awaitSent(USER, 1, WAIT);
            server.awaitQuiet(Duration.ofMillis(500), WAIT);
        } finally {
            System.setErr(err);
            System.err.print(printed.toString(StandardCharsets.UTF_8));
        }
        Map<String, Long> alerts = perChat();
        alerts.remove(Long.toString(USER));
        assertThat(alerts).hasSize(11).allSatisfy((chat, n) -> assertThat(n).isEqualTo(1L));
        QueueStatus status = outbox.status(0, 5);
        assertThat(status.sent()).isEqualTo(11);
        assertThat(status.failed()).isZero();
        assertThat(maxAttempts()).as("the outage spent no attempts").isEqualTo(1);
        String log = printed.toString(StandardCharsets.UTF_8);
        assertThat(log).doesNotContain("\tat ").doesNotContain("Exception:\n").contains("Telegram reachable again");
        // One line per retry, each naming its cause. Once the line is cut every new connection is refused; only
        // the first retry may tell another cause: a long poll in flight when the line was cut breaks instead
        // ("Connection reset by peer", "unexpected end of stream").
        List<String> polls = log.lines().filter(l -> l.contains("cannot get updates from Telegram")).toList();
        assertThat(polls).as("polling retries").isNotEmpty().allSatisfy(l -> assertThat(l)
                .containsPattern("cannot get updates from Telegram at \\S+ \\(\\w+: [^\\n]+\\); trying again in \\d+ ms$"));
        assertThat(polls.subList(1, polls.size())).as("polling retries after the first").allSatisfy(l -> assertThat(l)
                .contains("ConnectException"));
        assertThat(log.lines().filter(l -> l.contains("Telegram unreachable"))).as("alert retries")
                .isNotEmpty().allSatisfy(l -> assertThat(l).contains("alerts wait"));
    }

    @Test
    void alertsPastTheirAgeExpireAndUnansweredOnesEndOutcomeUnknownBothCountedForAdmins() throws Exception {
        subscriptions.subscribe(1, Optional.of("k1"));
        subscriptions.subscribe(2, Optional.of("k1"));
        subscriptions.subscribe(7, Optional.of("taji"));
        ingest(Optional.empty(), Events.handover(4, "k1", LocalDate.of(2020, 3, 29)));
        Thread.sleep(1300);
        // Telegram takes the message to chat 7 but answers only after the sender stopped waiting.
        server.addSendGate(call -> {
            if (call.chatId() == 7) {
                try {
                    Thread.sleep(2500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Optional.empty();
        });
        SenderSettings settings = SenderSettings.defaults().withMaxAge(Duration.ofSeconds(1))
                .withTiming(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofMillis(20));
        try (OutboundGate gate = OutboundGate.open(server.token(), server.baseUri(), SendLimits.telegram(), Duration.ofSeconds(10));
             AlertSender alone = new AlertSender(outbox, subscriptions, eventId -> Optional.of("<b>تنبيه</b>"), gate, settings,
                     Clock.systemUTC()).start()) {
            awaitStatus(s -> s.expired() == 2);
            ingest(Optional.empty(), Events.handover(5, "taji", LocalDate.of(2020, 8, 23)));
            alone.nudge();
            awaitStatus(s -> s.outcomeUnknown() == 1);
            server.awaitQuiet(Duration.ofSeconds(3), WAIT);
        }
        QueueStatus status = outbox.status(subscriptions.subscriberCount(), 5);
        assertThat(status.sent()).isZero();
        assertThat(status.failed()).isEqualTo(3);
        assertThat(server.calls("sendMessage")).as("the expired never sent, the unknown never resent")
                .extracting(ApiCall::chatId).containsExactly(7L);
        assertThat(status.latestFailures()).extracting(QueueStatus.Entry::lastError)
                .anySatisfy(e -> assertThat(e).startsWith("outcome unknown: no answer within 1s"))
                .anySatisfy(e -> assertThat(e).startsWith("expired: not sent within 1s"));
        String queue = new AlertQueueDesk(Set.of(42L), outbox, subscriptions).queue(42).blocks().toString();
        assertThat(queue).contains("منها نتيجتها غير معروفة (لم يصل رد تيليغرام فلم تُعَد): 1")
                .contains("ومنها انتهت صلاحيتها دون إرسال (أقدم من الحد المسموح): 2");
    }

    private void awaitStatus(java.util.function.Predicate<QueueStatus> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.test(outbox.status(0, 0))) {
            assertThat(System.nanoTime()).as("waiting for the outbox: " + outbox.status(0, 5)).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private int maxAttempts() {
        return db.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT MAX(attempts) FROM alert_outbox");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
