package org.handoverbot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.handoverbot.knowledge.Database;
import org.handoverbot.telegram.OutboundGate;
import org.handoverbot.telegram.SendLimits;
import org.handoverbot.telegram.fake.FakeBotApiServer;
import org.handoverbot.telegram.fake.SentMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Fan-out of one handover alert to 10,000 subscribers and the channel, through the fake Bot API server
 * enforcing Telegram's limits strictly (sliding windows, 429 on any excess), with the real H2 outbox, the real
 * sender and the real TelegramBots client. Time may be scaled: --scale 10 runs every limit ten times faster
 * (300/s overall, 10/s per chat, 200/min per channel), which is the same schedule on a faster clock.
 *
 * <pre>mvn -B -o test -Dtest=AlertFanOutBenchmark   [-Dfanout.subscribers=10000] [-Dfanout.scale=1]</pre>
 * (surefire skips *Benchmark classes unless -Dtest names them.)
 *
 * Prints the time to queue the alerts inside the ingest transaction, the sustained sends per second (first
 * to last arrival at the server) as a share of the overall limit, and the limit violations, duplicates and
 * losses the server saw.
 */
class AlertFanOutBenchmark {

    private static final String CHANNEL = "@handover_alerts";

    @TempDir
    Path dir;

    @Test
    void fansOutOneAlertToEverySubscriberWithinTelegramsLimits() throws Exception {
        // The JDK's HTTP server otherwise answers with Nagle's algorithm on, which costs ~40 ms a request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int subscribers = Integer.getInteger("fanout.subscribers", 10_000);
        double scale = Double.parseDouble(System.getProperty("fanout.scale", "1"));
        Figures figures = run(dir, subscribers, scale);
        assertThat(figures.violations()).isZero();
        assertThat(figures.duplicates()).isZero();
        assertThat(figures.lost()).isZero();
    }

    record Figures(int violations, long duplicates, long lost) {
    }

    private static Figures run(Path dir, int subscribers, double scale) throws Exception {
        try (FakeBotApiServer server = FakeBotApiServer.start(); Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"))) {
            TelegramLimitsGate gate = TelegramLimitsGate.telegram(scale);
            server.addSendGate(gate);
            db.inTransaction(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO alert_subscription (chat_id, base_id) VALUES (?, '*')")) {
                    for (long chat = 1; chat <= subscribers; chat++) {
                        insert.setLong(1, 1_000_000 + chat);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
            AlertOutbox outbox = new AlertOutbox(db);
            Subscriptions subscriptions = new Subscriptions(db);
            String html = "<b>🔔 تنبيه:</b> سلّم التحالف الدولي <b>قاعدة عين الأسد في الأنبار</b> إلى القوات الأمنية العراقية.";
            SenderSettings settings = SenderSettings.defaults();
            // Alerts alone, so they may take the whole rate (in the bot they leave a third for replies).
            SendLimits limits = SendLimits.telegram().withAlertShare(1).scaledBy(scale);
            try (OutboundGate direct = OutboundGate.open(server.token(), server.baseUri(), limits, settings.sendTimeout());
                 AlertSender sender = new AlertSender(outbox, subscriptions, eventId -> Optional.of(html),
                    OutboundGate.over(recordingDispatch(direct.client()), server.token(), limits), settings, Clock.systemUTC()).start()) {
                long queueStart = System.nanoTime();
                db.inTransaction(c -> {
                    new AlertOutboxWriter(Optional.of(CHANNEL), Clock.systemUTC())
                            .onNewEvents(c, List.of(Events.handover(1, "ain-al-asad", LocalDate.of(2026, 1, 16))));
                    return null;
                });
                long queued = System.nanoTime() - queueStart;
                sender.nudge();
                int expected = subscribers + 1;
                Duration limit = Duration.ofSeconds((long) (expected / (30 * scale) * 2 + 60));
                server.awaitCalls("sendmessage", expected, limit);
                server.awaitQuiet(Duration.ofSeconds(2), Duration.ofSeconds(10));
                return report(server, gate, subscribers, scale, queued, outbox);
            }
        }
    }

    /** When each chat's first request left the sender, to show how long requests took to reach the server. */
    private static final Map<String, Long> DISPATCHED = new ConcurrentHashMap<>();

    private static TelegramClient recordingDispatch(TelegramClient client) {
        return (TelegramClient) Proxy.newProxyInstance(TelegramClient.class.getClassLoader(), new Class<?>[] {TelegramClient.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("executeAsync") && arguments[0] instanceof SendMessage message) {
                        DISPATCHED.putIfAbsent(message.getChatId(), System.nanoTime());
                    }
                    try {
                        return method.invoke(client, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Figures report(FakeBotApiServer server, TelegramLimitsGate gate, int subscribers, double scale, long queuedNanos,
                               AlertOutbox outbox) {
        List<SentMessage> sent = server.sent();
        Map<String, Long> perChat = sent.stream().collect(Collectors.groupingBy(SentMessage::chat, Collectors.counting()));
        long duplicates = perChat.values().stream().mapToLong(n -> n - 1).sum();
        long lost = subscribers + 1 - perChat.size();
        double seconds = (sent.get(sent.size() - 1).atNanos() - sent.get(0).atNanos()) / 1e9;
        double rate = (sent.size() - 1) / seconds;
        double limit = 30 * scale;
        // The busiest second anywhere in the run, by the server's clock.
        long window = Math.round(1e9 / scale);
        int busiest = 0;
        for (int i = 0, j = 0; i < sent.size(); i++) {
            while (sent.get(i).atNanos() - sent.get(j).atNanos() >= window) {
                j++;
            }
            busiest = Math.max(busiest, i - j + 1);
        }
        QueueStatus status = outbox.status(0, 0);
        long[] delays = sent.stream().mapToLong(m -> m.atNanos() - DISPATCHED.getOrDefault(m.chat(), m.atNanos())).sorted().toArray();
        System.out.printf("alert fan-out: %d subscribers + 1 channel, limits x%.0f (overall %.0f/s, per chat %.0f/s, per channel %.0f/min)%n",
                subscribers, scale, limit, 1 * scale, 20 * scale);
        System.out.printf("  queued %d alerts in the ingest transaction in %.0f ms%n", subscribers + 1, queuedNanos / 1e6);
        System.out.printf("  delivered %d messages in %.1f s: %.1f/s sustained = %.1f%% of the overall limit%n",
                sent.size(), seconds, rate, 100 * rate / limit);
        System.out.printf("  request left the sender -> reached the server: median %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n",
                delays[delays.length / 2] / 1e6, delays[(int) (delays.length * 0.99)] / 1e6,
                delays[(int) (delays.length * 0.999)] / 1e6, delays[delays.length - 1] / 1e6);
        System.out.printf("  machine load average (1, 5, 15 min) at the end: %s%n", loadAverage());
        System.out.printf("  busiest window of 1/%.0f s: %d messages (limit %d)%n", scale, busiest, 30);
        System.out.printf("  limit violations (429 from the server): %d; duplicates: %d; lost: %d; outbox sent=%d failed=%d pending=%d%n",
                gate.violations(), duplicates, lost, status.sent(), status.failed(), status.pending());
        return new Figures(gate.violations(), duplicates, lost);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
