package org.handoverbot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.Event;
import org.handoverbot.telegram.OutboundGate;
import org.handoverbot.telegram.SendLimits;
import org.handoverbot.telegram.fake.ApiCall;
import org.handoverbot.telegram.fake.ApiFailure;
import org.handoverbot.telegram.fake.FakeBotApiServer;
import org.handoverbot.telegram.fake.SentMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sender against the fake Bot API server, with the real TelegramBots client over HTTP. Limits run ten
 * times faster than Telegram's (300/s overall, 10/s per chat, 200/min per channel) and the server enforces
 * them, so every test also proves the pacing holds.
 */
class AlertSenderTest {

    static final double SCALE = 10;
    static final String CHANNEL = "@handover_alerts";
    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    FakeBotApiServer server;
    TelegramLimitsGate limits;
    OutboundGate gate;
    Database db;
    Subscriptions subscriptions;
    AlertOutbox outbox;
    AlertOutboxWriter writer;

    @BeforeEach
    void start() {
        server = FakeBotApiServer.start();
        limits = TelegramLimitsGate.telegram(SCALE);
        server.addSendGate(limits);
        gate = fastGate(server);
        db = Database.open("jdbc:h2:file:" + dir.resolve("db"));
        subscriptions = new Subscriptions(db);
        outbox = new AlertOutbox(db);
        writer = new AlertOutboxWriter(Optional.of(CHANNEL), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        gate.close();
        db.close();
        server.close();
    }

    /** Limits ×10 with 20% headroom: on a clock ten times faster, jitter needs ten times the room. */
    static SendLimits fastLimits() {
        return SendLimits.telegram().scaledBy(SCALE).withHeadroom(0.8);
    }

    /** The gate alerts leave through, on the fast limits, its answers waited for 5 s. */
    static OutboundGate fastGate(FakeBotApiServer server) {
        return OutboundGate.open(server.token(), server.baseUri(), fastLimits(), Duration.ofSeconds(5));
    }

    static SenderSettings fastSettings() {
        return SenderSettings.defaults()
                .withTiming(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofMillis(20));
    }

    AlertSender sender(SenderSettings settings) {
        return sender(gate, settings);
    }

    AlertSender sender(OutboundGate through, SenderSettings settings) {
        AlertTexts texts = eventId -> Optional.of("<b>تنبيه</b> الحدث " + eventId);
        return new AlertSender(outbox, subscriptions, texts, through, settings, Clock.systemUTC()).start();
    }

    void ingest(Event... events) {
        db.inTransaction(c -> {
            writer.onNewEvents(c, List.of(events));
            return null;
        });
    }

    static long span(List<SentMessage> messages) {
        return messages.get(messages.size() - 1).atNanos() - messages.get(0).atNanos();
    }

    Map<String, Long> perChat() {
        return server.sent().stream().collect(Collectors.groupingBy(SentMessage::chat, Collectors.counting()));
    }

    @Test
    void everySubscriberAndTheChannelGetExactlyOneAlertAndOthersNone() throws Exception {
        subscriptions.subscribe(1, Optional.empty());
        subscriptions.subscribe(2, Optional.of("qayyarah"));
        subscriptions.subscribe(3, Optional.of("k1"));
        try (AlertSender sender = sender(fastSettings())) {
            ingest(Events.handover(10, "qayyarah", LocalDate.of(2020, 3, 26)));

            server.awaitSent(1, 1, WAIT);
            server.awaitSent(2, 1, WAIT);
            server.awaitSent(CHANNEL, 1, WAIT);
            server.awaitQuiet(Duration.ofMillis(300), WAIT);
        }
        assertThat(perChat()).containsOnly(Map.entry("1", 1L), Map.entry("2", 1L), Map.entry(CHANNEL, 1L));
        assertThat(server.sentTo(1).get(0).parseMode()).isEqualTo("HTML");
        assertThat(outbox.status(0, 0).sent()).isEqualTo(3);
        assertThat(limits.violations()).isZero();
    }

    @Test
    void anAttackAloneSendsNothing() throws Exception {
        subscriptions.subscribe(1, Optional.empty());
        try (AlertSender sender = sender(fastSettings())) {
            ingest(Events.attack(20));
            Thread.sleep(300);
        }
        assertThat(server.calls("sendmessage")).isEmpty();
        assertThat(outbox.status(0, 0).pending()).isZero();
    }

    @Test
    void alertsToOneChatAGroupAndTheChannelKeepTheirPace() throws Exception {
        subscriptions.subscribe(1, Optional.empty());
        subscriptions.subscribe(-500, Optional.empty());
        try (AlertSender sender = sender(fastSettings())) {
            ingest(Events.handover(31, "al-qaim", LocalDate.of(2020, 3, 19)), Events.planned(32, "qayyarah"),
                    Events.handover(33, "k1", LocalDate.of(2020, 3, 29)));
            List<SentMessage> toChat = server.awaitSent(1, 3, WAIT);
            server.awaitSent(CHANNEL, 3, WAIT);
            List<SentMessage> toGroup = server.awaitSent(-500, 3, WAIT);

            // Unpaced, three sends would leave within milliseconds; paced, they leave two intervals apart. The
            // fake sees arrivals, and the first request of a run can be held up on its way (a new connection, a
            // loaded machine: 200 ms once), shortening the span by that much; so more than one interval is
            // asserted, which no unpaced sender reaches. Bunching at arrival is what the guard and the fake's
            // window check (violations, below) are for.
            long perGroupInterval = Math.round(60e9 / 20 / SCALE / 0.8);
            long perChatInterval = Math.round(1e9 / SCALE / 0.8);
            assertThat(span(toGroup)).isGreaterThan(perGroupInterval);
            assertThat(span(toChat)).isGreaterThan(perChatInterval);
        }
        assertThat(limits.violations()).isZero();
        assertThat(perChat()).containsOnly(Map.entry("1", 3L), Map.entry("-500", 3L), Map.entry(CHANNEL, 3L));
    }

    @Test
    void aChatThatBlockedTheBotIsUnsubscribedAndItsAlertRecordedAsFailed() throws Exception {
        subscriptions.subscribe(1, Optional.empty());
        subscriptions.subscribe(2, Optional.empty());
        server.blockChat(2);
        try (AlertSender sender = sender(fastSettings())) {
            ingest(Events.handover(40, "taji", LocalDate.of(2020, 8, 23)));
            server.awaitSent(1, 1, WAIT);
            server.awaitSent(CHANNEL, 1, WAIT);
            server.awaitQuiet(Duration.ofMillis(300), WAIT);
        }
        assertThat(server.calls("sendmessage").stream().filter(c -> c.chatId() == 2)).hasSize(1);
        assertThat(subscriptions.current(2).allBases()).isFalse();
        assertThat(subscriptions.current(2).baseIds()).isEmpty();
        assertThat(subscriptions.current(1).allBases()).isTrue();
        QueueStatus status = outbox.status(subscriptions.subscriberCount(), 5);
        assertThat(status.failed()).isEqualTo(1);
        assertThat(status.latestFailures().get(0).lastError()).startsWith("403");
        assertThat(status.subscribers()).isEqualTo(1);
    }

    @Test
    void a429PausesSendingForRetryAfterAndTheAlertStillArrivesOnce() throws Exception {
        subscriptions.subscribe(1, Optional.empty());
        server.failNextSends(1, ApiFailure.tooManyRequests(1));
        // One request in flight at a time, so no other request is already on its way when the 429 comes back.
        try (AlertSender sender = sender(fastSettings().withMaxInFlight(1))) {
            ingest(Events.handover(50, "besmaya", LocalDate.of(2020, 7, 25)));
            server.awaitSent(1, 1, WAIT);
            server.awaitSent(CHANNEL, 1, WAIT);
            server.awaitQuiet(Duration.ofMillis(300), WAIT);
        }
        List<ApiCall> calls = server.calls("sendmessage");
        ApiCall refused = calls.stream().filter(c -> c.chatId() == 1).findFirst().orElseThrow();
        // Nothing at all went out during the second Telegram asked for, to this chat or any other.
        assertThat(calls.stream().filter(c -> c.atNanos() > refused.atNanos()))
                .allSatisfy(c -> assertThat(c.atNanos() - refused.atNanos()).isGreaterThanOrEqualTo(1_000_000_000L));
        assertThat(perChat()).containsOnly(Map.entry("1", 1L), Map.entry(CHANNEL, 1L));
    }

    @Test
    void otherRefusalsAreRetriedWithBackOffAndGivenUpAfterTheBoundWithTheReasonKept() throws Exception {
        subscriptions.subscribe(1, Optional.empty());
        subscriptions.subscribe(2, Optional.empty());
        server.failNextSends(1, ApiFailure.badRequest("chat not found"), ApiFailure.badRequest("chat not found"));
        ApiFailure[] always = new ApiFailure[10];
        java.util.Arrays.fill(always, new ApiFailure(502, "Bad Gateway", 0));
        server.failNextSends(2, always);
        SenderSettings settings = fastSettings().withMaxAttempts(4)
                .withTiming(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(150), Duration.ofMillis(20));
        try (AlertSender sender = sender(settings)) {
            ingest(Events.handover(60, "abu-ghraib", LocalDate.of(2020, 4, 7)));
            server.awaitSent(1, 1, WAIT);
            server.awaitCalls("sendmessage", 3 + 4 + 1, WAIT);
            server.awaitQuiet(Duration.ofMillis(800), WAIT);
        }
        List<ApiCall> toChat2 = server.calls("sendmessage").stream().filter(c -> c.chatId() == 2).toList();
        assertThat(toChat2).hasSize(4);
        for (int i = 1; i < toChat2.size(); i++) {
            long gap = toChat2.get(i).atNanos() - toChat2.get(i - 1).atNanos();
            assertThat(gap).isGreaterThanOrEqualTo(settings.backoffAfter(i).toNanos());
        }
        assertThat(perChat()).containsOnly(Map.entry("1", 1L), Map.entry(CHANNEL, 1L));
        QueueStatus status = outbox.status(0, 5);
        assertThat(status.failed()).isEqualTo(1);
        assertThat(status.latestFailures().get(0).lastError()).contains("gave up after 4 attempts").contains("502");
    }

    @Test
    void twoInstancesSendingTheSameOutboxNeverSendAnAlertTwice() throws Exception {
        for (long chat = 1; chat <= 120; chat++) {
            subscriptions.subscribe(chat, Optional.empty());
        }
        // Each instance paces through a gate of its own, so each gets a share of the limits with room for both bursts.
        SendLimits share = SendLimits.telegram().scaledBy(SCALE / 3).withHeadroom(0.8);
        try (OutboundGate gateA = OutboundGate.open(server.token(), server.baseUri(), share, Duration.ofSeconds(5));
             OutboundGate gateB = OutboundGate.open(server.token(), server.baseUri(), share, Duration.ofSeconds(5));
             AlertSender a = sender(gateA, fastSettings());
             AlertSender b = sender(gateB, fastSettings().withInstance("second-" + SenderSettings.newInstanceName()))) {
            ingest(Events.handover(70, "victory", LocalDate.of(2020, 3, 30)));
            server.awaitCalls("sendmessage", 121, Duration.ofSeconds(20));
            server.awaitQuiet(Duration.ofMillis(300), WAIT);
            assertThat(a.sentCount()).isPositive();
            assertThat(b.sentCount()).isPositive();
        }
        Map<String, Long> counts = perChat();
        assertThat(counts).hasSize(121);
        assertThat(counts.values()).containsOnly(1L);
        assertThat(limits.violations()).isZero();
    }

    @Test
    void stoppingTheSenderGivesBackWhatItReservedAndTheNextOneFinishes() throws Exception {
        for (long chat = 1; chat <= 40; chat++) {
            subscriptions.subscribe(chat, Optional.empty());
        }
        OutboundGate slow = OutboundGate.open(server.token(), server.baseUri(), SendLimits.telegram(), Duration.ofSeconds(5));
        AlertSender first = sender(slow, fastSettings());
        ingest(Events.handover(80, "harir", null));
        server.awaitCalls("sendmessage", 5, WAIT);
        first.close();
        slow.close();
        int afterStop = server.calls("sendmessage").size();
        assertThat(afterStop).isLessThan(41);

        try (AlertSender second = sender(fastSettings())) {
            server.awaitCalls("sendmessage", 41, WAIT);
            server.awaitQuiet(Duration.ofMillis(300), WAIT);
        }
        Map<String, Long> counts = perChat();
        assertThat(counts).hasSize(41);
        assertThat(counts.values()).containsOnly(1L);
    }
}
