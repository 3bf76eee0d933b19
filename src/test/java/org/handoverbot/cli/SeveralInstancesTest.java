package org.handoverbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.handoverbot.alerts.SenderSettings;
import org.handoverbot.alerts.Subscriptions;
import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.pg.PostgresDatabase;
import org.handoverbot.telegram.fake.FakeBotApiServer;
import org.handoverbot.telegram.fake.SentMessage;
import org.handoverbot.telegram.fake.WebhookDeliveries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * Three instances of the whole program (separate JVMs, as `java -jar` with a token) in webhook mode on one
 * PostgreSQL database, behind one address: the Bot API fake pushes one stream of updates to them round-robin,
 * delivering some twice. Every update is answered once, a follow-up reaching another instance than its
 * question is still understood, each alert reaches each follower once, and when one instance is killed
 * (kill -9) in the middle of a broadcast the other two finish it without sending anything twice.
 */
class SeveralInstancesTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Three JVMs loading the models at once on a busy machine take their time. */
    private static final Duration START_WAIT = Duration.ofMinutes(3);
    private static final String SECRET = "several-instances_secret";
    private static final String[] BASES = {"القائم", "القيارة", "التاجي", "عين الأسد"};
    private static final int CHATS = 20;

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @TempDir
    Path folder;

    private final FakeBotApiServer server = FakeBotApiServer.start();
    private final LimitWatch limits = new LimitWatch();
    private final List<Process> instances = new ArrayList<>();
    private WebhookDeliveries deliveries;

    @AfterEach
    void stop() throws InterruptedException {
        if (deliveries != null) {
            deliveries.close();
        }
        for (Process p : instances) {
            p.destroy();
        }
        for (Process p : instances) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        server.close();
    }

    @Test
    void threeInstancesAnswerEachUpdateOnceShareConversationsAndAlertsAndSurviveAKill() throws Exception {
        server.addSendGate(limits);
        List<URI> endpoints = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int port = freePort();
            instances.add(instance("instance-" + i + ".txt", port));
            endpoints.add(URI.create("http://127.0.0.1:" + port + "/hook"));
        }
        long t0 = System.nanoTime();
        for (URI endpoint : endpoints) {
            awaitTrue(() -> get(endpoint.resolve("/health")).equals("ready\n"), endpoint + " ready", START_WAIT);
        }
        server.awaitCalls("setWebhook", 3, WAIT);
        phase("started", t0);
        deliveries = server.deliverToWebhooks(endpoints, 3);

        // One stream: a question from every chat, then a follow-up once its answer came, round-robin with repeats.
        Map<Long, Long> questions = new HashMap<>();
        for (long chat = 1; chat <= CHATS; chat++) {
            questions.put(chat, server.sendText(chat, "متى سلموا " + base(chat) + "؟"));
        }
        for (long chat = 1; chat <= CHATS; chat++) {
            server.awaitSent(chat, 1, WAIT);
        }
        Map<Long, Long> followUps = new HashMap<>();
        for (long chat = 1; chat <= CHATS; chat++) {
            followUps.put(chat, server.sendText(chat, "ومن تسلمها؟"));
        }
        for (long chat = 1; chat <= CHATS; chat++) {
            server.awaitSent(chat, 2, WAIT);
        }
        server.awaitQuiet(Duration.ofSeconds(2), WAIT);
        phase("questions and follow-ups answered", t0);
        int elsewhere = 0;
        for (long chat = 1; chat <= CHATS; chat++) {
            List<SentMessage> replies = server.sentTo(chat);
            assertThat(replies).as("chat %d: one reply to each of its two messages", chat).hasSize(2);
            assertThat(replies.get(1).text()).as("chat %d's follow-up", chat).contains(base(chat));
            if (deliveries.acceptedBy(questions.get(chat)) != deliveries.acceptedBy(followUps.get(chat))) {
                elsewhere++;
            }
        }
        assertThat(elsewhere).as("follow-ups taken in by another instance than their question").isGreaterThan(CHATS / 2);
        assertThat(deliveries.attempts()).as("some updates were delivered twice").anyMatch(WebhookDeliveries.Attempt::repeat);
        assertThat(deliveries.undelivered()).isZero();
        int queued = 0;
        for (URI endpoint : endpoints) {
            queued += (int) metric(get(endpoint.resolve("/metrics")), "handover_updates_total{outcome=\"queued\"}");
        }
        assertThat(queued).as("updates taken in by the three instances together (metrics)").isEqualTo(2 * CHATS);

        // Alerts: followers subscribe through the stream; an ingest (another process's job) queues one alert each.
        for (long chat = 1; chat <= 6; chat++) {
            server.sendText(chat, "/subscribe");
        }
        for (long chat = 1; chat <= 6; chat++) {
            server.awaitSent(chat, 3, WAIT);
        }
        phase("subscribed", t0);
        assertThat(ingest(resource("/alerts/harir-2026-11-19.txt"))).isZero();
        phase("ingested", t0);
        for (long chat = 1; chat <= 6; chat++) {
            server.awaitSent(chat, 4, WAIT);
        }
        server.awaitQuiet(Duration.ofSeconds(2), WAIT);
        for (long chat = 1; chat <= CHATS; chat++) {
            assertThat(server.sentTo(chat)).as("chat %d", chat).hasSize(chat <= 6 ? 4 : 2);
        }

        // kill -9 of one instance in the middle of a broadcast: the other two finish the outbox, nothing twice.
        try (Database db = Database.open(POSTGRES.url())) {
            Subscriptions subscriptions = new Subscriptions(db);
            for (long chat = 1001; chat <= 1060; chat++) {
                subscriptions.subscribe(chat, Optional.empty());
            }
            int before = server.sent().size();
            assertThat(ingest(resource("/articles/roundup.txt"))).isZero();
            awaitTrue(() -> server.sent().size() >= before + 20, "20 alerts of the broadcast sent");
            phase("broadcast begun", t0);
            instances.get(0).destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            // the rows the killed instance had reserved wait for its claim lease to run out before another takes them
            awaitTrue(() -> count(db, "status = 'pending'") == 0, "the outbox drained",
                    SenderSettings.defaults().claimLease().plus(WAIT));
            phase("outbox drained", t0);
            server.awaitQuiet(Duration.ofSeconds(2), WAIT);
            int rows = count(db, "recipient LIKE '10%' AND LENGTH(recipient) = 4");
            int sent = count(db, "status = 'sent' AND recipient LIKE '10%' AND LENGTH(recipient) = 4");
            // what the killed instance had in flight stays 'sending' until its in-flight lease ends (minutes), then
            // is closed as failed: either way it is never sent again
            int lost = count(db, "status IN ('failed', 'sending') AND recipient LIKE '10%' AND LENGTH(recipient) = 4");
            List<String> delivered = new ArrayList<>();
            for (long chat = 1001; chat <= 1060; chat++) {
                server.sentTo(chat).forEach(m -> delivered.add(m.chat() + "|" + m.text()));
            }
            assertThat(rows).isEqualTo(60 * 3);
            assertThat(new HashSet<>(delivered)).as("no alert twice").hasSize(delivered.size());
            assertThat(delivered).hasSize(sent);
            // at most once: what the killed instance had in flight is closed as "outcome unknown", never resent
            assertThat(lost).isLessThanOrEqualTo(4);
            assertThat(sent + lost).isEqualTo(rows);
        }
        assertThat(limits.counted()).as("messages Telegram's limits were checked on").isGreaterThan(200);
        assertThat(limits.overLimit()).as("messages over Telegram's limits, all instances together (overall 30 a second, "
                + "1 a second per chat), on arrival").isEmpty();
    }

    /**
     * Telegram's limits checked on arrival at the fake, over sliding windows: at most 30 messages in any second
     * from all instances together, at most 1 a second to one private chat. Counts, refuses nothing.
     */
    private static final class LimitWatch implements org.handoverbot.telegram.fake.SendGate {
        private final java.util.ArrayDeque<Long> all = new java.util.ArrayDeque<>();
        private final Map<String, Long> lastToChat = new HashMap<>();
        private final List<String> over = new ArrayList<>();
        private int counted;

        @Override
        public synchronized Optional<org.handoverbot.telegram.fake.ApiFailure> check(
                org.handoverbot.telegram.fake.ApiCall call) {
            if (!call.method().equals("sendmessage")) {
                return Optional.empty();
            }
            long now = call.atNanos();
            long second = Duration.ofSeconds(1).toNanos();
            counted++;
            while (!all.isEmpty() && all.peekFirst() <= now - second) {
                all.removeFirst();
            }
            all.addLast(now);
            if (all.size() > 30) {
                over.add(all.size() + " messages within one second");
            }
            String chat = call.params().path("chat_id").asText();
            Long last = lastToChat.put(chat, now);
            if (last != null && now - last < second) {
                over.add("two messages to chat " + chat + " " + (now - last) / 1_000_000 + " ms apart");
            }
            return Optional.empty();
        }

        synchronized int counted() {
            return counted;
        }

        synchronized List<String> overLimit() {
            return new ArrayList<>(over);
        }
    }

    private static void phase(String what, long t0) {
        System.err.printf("SeveralInstancesTest: %s after %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }

    private static String base(long chat) {
        return BASES[(int) (chat % BASES.length)];
    }

    private Process instance(String output, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only and the serial collector: a test instance starts sooner and leaves more of the cores to the others
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                "org.handoverbot.cli.Main");
        Map<String, String> env = builder.environment();
        env.put("TELEGRAM_BOT_TOKEN", server.token());
        env.put("TELEGRAM_API_URL", server.baseUri().toString());
        env.put("HANDOVER_DB_URL", POSTGRES.url());
        env.put("TELEGRAM_WEBHOOK_URL", "https://bot.example.org/hook");
        env.put("TELEGRAM_WEBHOOK_SECRET", SECRET);
        env.put("TELEGRAM_WEBHOOK_PORT", String.valueOf(port));
        builder.redirectErrorStream(true).redirectOutput(folder.resolve(output).toFile());
        return builder.start();
    }

    /** `ingest` as an operator runs it against the same database (here in this JVM). */
    private int ingest(Path article) {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int exit = cli.execute("ingest", "--db", POSTGRES.url(), article.toString());
        assertThat(exit).as(out.toString()).isZero();
        return exit;
    }

    private Path resource(String name) throws IOException, URISyntaxException {
        Path source = Path.of(getClass().getResource(name).toURI());
        Path json = source.resolveSibling(source.getFileName().toString().replace(".txt", ".json"));
        Path copy = folder.resolve(source.getFileName().toString());
        Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(json, folder.resolve(json.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    private static int count(Database db, String where) {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM alert_outbox WHERE " + where)) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        awaitTrue(condition, what, WAIT);
    }

    private void awaitTrue(BooleanSupplier condition, String what, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what + "; the instances said:\n" + logs());
            }
            Thread.sleep(100);
        }
    }

    /** The body of a GET, or "" when the instance does not answer (yet). */
    private static String get(URI uri) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(5)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** A sample's value in Prometheus text (0 when absent). */
    private static double metric(String text, String sample) {
        return text.lines().filter(l -> l.startsWith(sample + " ")).mapToDouble(l -> Double.parseDouble(l.substring(sample.length() + 1)))
                .findFirst().orElse(0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The last lines each instance wrote, for a failure message. */
    private String logs() {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < instances.size(); i++) {
            try {
                List<String> lines = Files.readAllLines(folder.resolve("instance-" + i + ".txt"), StandardCharsets.UTF_8);
                all.append("instance ").append(i).append(":\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()))).append('\n');
            } catch (IOException e) {
                all.append("instance ").append(i).append(": ").append(e).append('\n');
            }
        }
        return all.toString();
    }
}
