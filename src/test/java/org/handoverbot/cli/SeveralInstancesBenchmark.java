package org.handoverbot.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.handoverbot.config.Settings;
import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.KnowledgeIngester;
import org.handoverbot.knowledge.NewEventsListener;
import org.handoverbot.knowledge.SeedLoader;
import org.handoverbot.knowledge.pg.TestPostgres;
import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.telegram.TelegramBot;
import org.handoverbot.telegram.SendLimits;
import org.handoverbot.telegram.TelegramOptions;
import org.handoverbot.telegram.fake.FakeBotApiServer;
import org.handoverbot.telegram.fake.SentMessage;
import org.handoverbot.telegram.fake.WebhookDeliveries;

/**
 * Several instances on one PostgreSQL (issue 14), measured:
 * <ol>
 * <li>replies per second and update-to-reply latency (p50, p99) with 1 and with 3 bot instances in webhook mode
 * on one database, the send limit off: N users (default 600) each send one question at once, the Bot API fake
 * pushes the updates to the instances round-robin (as a proxy would); a warm-up round, then measured rounds;
 * <li>ingest time on PostgreSQL against H2: the fixture articles ingested one by one into a fresh seeded
 * database of each vendor, several rounds; median and p90 of one article's ingest.
 * </ol>
 * The instances run in this JVM (each with its own database pool, knowledge model, intent model and webhook
 * server) on the same cores, so three instances share the machine one instance had to itself.
 * Surefire leaves *Benchmark classes out of the build; naming the class runs it:
 * <pre>mvn -o -q test -Dtest=SeveralInstancesBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Dpart=all|replies|ingest -Dinstances=1,3 -Dusers=600 -Drounds=3 -DingestRounds=5]</pre>
 * or in the bench profile: {@code mvn -B -o -Pbench verify -Dtest=SeveralInstancesBenchmark}.
 */
public final class SeveralInstancesBenchmark {

    private static final String[] QUESTIONS = {
            "متى سلم التحالف قاعدة القائم؟", "امتى سلموا قاعدة القيارة", "من استلم قاعدة عين الاسد؟",
            "وين تقع قاعدة التاجي", "كم قاعدة سلمت في 2020؟", "ماذا قال اللواء تحسين الخفاجي؟",
            "ما القاعدة الثالثة التي سلمت؟", "شلونك", "ما مصدر خبر قاعدة بسماية؟", "ليش انسحبوا من كي وان؟",
    };
    /** One JSON object a measured round or ingest summary, written to target/benchmarks/several-instances.json. */
    private static final List<String> FIGURES = new ArrayList<>();
    private static final String[] ARTICLES = {"qaim-again.txt", "balad-rockets.txt", "roundup.txt", "k1-sunday.txt",
            "qayyarah-done.txt", "taji-sunday.txt"};

    @org.junit.jupiter.api.Test
    void repliesWithOneAndThreeInstancesAndIngestOnBothVendors() throws Exception {
        int users = Integer.getInteger("users", 600);
        int rounds = Integer.getInteger("rounds", 3); // -Dbench.rounds in the bench profile
        String part = System.getProperty("part", "all");
        if (!part.equals("ingest")) {
            // -Dinstances=3,1 runs them the other way round: the later run finds the JIT warmer
            for (String instances : System.getProperty("instances", "1,3").split(",")) {
                replies(Integer.parseInt(instances.strip()), users, rounds);
            }
        }
        if (!part.equals("replies")) {
            ingest(Integer.getInteger("ingestRounds", 5));
        }
        Path out = Path.of(System.getProperty("benchmarks.dir", "target/benchmarks"), "several-instances.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "[\n  " + String.join(",\n  ", FIGURES) + "\n]\n");
    }

    private static void replies(int count, int users, int rounds) throws Exception {
        String url = TestPostgres.newDatabase("bench_" + count);
        List<Application> apps = new ArrayList<>();
        List<TelegramBot> bots = new ArrayList<>();
        try (FakeBotApiServer server = FakeBotApiServer.start()) {
            List<URI> endpoints = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Map<String, String> env = new HashMap<>();
                env.put("TELEGRAM_BOT_TOKEN", server.token());
                env.put("TELEGRAM_API_URL", server.baseUri().toString());
                env.put("HANDOVER_DB_URL", url);
                env.put("TELEGRAM_WEBHOOK_URL", "https://bot.example.org/hook");
                env.put("TELEGRAM_WEBHOOK_SECRET", "benchmark-secret");
                Application app = new Application(Settings.from(env));
                apps.add(app);
                TelegramBot bot = TelegramBot.start(app.settings(), app.dialogue(), app.database(),
                        TelegramOptions.defaults().withSendLimits(SendLimits.telegram().withOverall(1_000_000)).withWebhookBindPort(0));
                bots.add(bot);
                endpoints.add(URI.create("http://127.0.0.1:" + bot.webhookPort().orElseThrow() + "/hook"));
            }
            try (WebhookDeliveries deliveries = server.deliverToWebhooks(endpoints, 0)) {
                long chatBase = 1_000_000;
                for (int round = 0; round <= rounds; round++) {
                    long[] result = round(server, users, chatBase);
                    chatBase += users;
                    System.out.printf("%d instance(s) on one PostgreSQL, %s: %d users, %d replies/s, p50 %d ms, p99 %d ms%n",
                            count, round == 0 ? "warm-up" : "round " + round, users, result[0], result[1], result[2]);
                    if (round > 0) {
                        FIGURES.add(String.format(java.util.Locale.ROOT, "{\"instances\": %d, \"round\": %d, \"users\": %d, "
                                + "\"repliesPerSecond\": %d, \"p50Ms\": %d, \"p99Ms\": %d}", count, round, users, result[0],
                                result[1], result[2]));
                    }
                }
            }
        } finally {
            bots.forEach(TelegramBot::close);
            apps.forEach(Application::close);
            TestPostgres.dropDatabase(url);
        }
    }

    /** {replies per second, p50 ms, p99 ms} for users questions sent at once. */
    private static long[] round(FakeBotApiServer server, int users, long chatBase) throws InterruptedException {
        int before = server.sent().size();
        Map<Long, Long> updateOfChat = new HashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < users; i++) {
            updateOfChat.put(chatBase + i, server.sendText(chatBase + i, QUESTIONS[i % QUESTIONS.length]));
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        Map<String, Long> firstReply = new HashMap<>();
        while (firstReply.size() < users && System.nanoTime() < deadline) {
            Thread.sleep(5);
            List<SentMessage> all = server.sent();
            for (SentMessage reply : all.subList(before, all.size())) {
                firstReply.putIfAbsent(reply.chat(), reply.atNanos());
            }
        }
        if (firstReply.size() < users) {
            throw new IllegalStateException("only " + firstReply.size() + " of " + users + " users got a reply");
        }
        List<Long> latencies = new ArrayList<>();
        long last = 0;
        for (var entry : updateOfChat.entrySet()) {
            long replied = firstReply.get(Long.toString(entry.getKey()));
            latencies.add((replied - server.enqueuedAtNanos(entry.getValue())) / 1_000_000);
            last = Math.max(last, replied);
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new long[] {Math.round(users / ((last - start) / 1e9)), percentile(sorted, 50), percentile(sorted, 99)};
    }

    private static void ingest(int rounds) throws Exception {
        Gazetteer gazetteer = Gazetteer.load();
        Map<String, List<Long>> micros = new HashMap<>();
        for (int round = 0; round <= rounds; round++) {
            Path folder = Files.createTempDirectory("ingest-bench");
            String postgres = TestPostgres.newDatabase("ingest_" + round);
            try {
                for (String url : List.of(postgres, "jdbc:h2:file:" + folder.resolve("kb"))) {
                    try (Database db = Database.open(url)) {
                        KnowledgeIngester ingester = new KnowledgeIngester(db, gazetteer, NewEventsListener.NONE);
                        new SeedLoader(ingester).load();
                        for (String article : ARTICLES) {
                            var input = org.handoverbot.knowledge.InputFiles.article(
                                    Path.of(SeveralInstancesBenchmark.class.getResource("/articles/" + article).toURI()));
                            long t = System.nanoTime();
                            ingester.ingest(input);
                            if (round > 0) {
                                micros.computeIfAbsent(db.vendor().name(), v -> new ArrayList<>()).add((System.nanoTime() - t) / 1000);
                            }
                        }
                    }
                }
            } finally {
                TestPostgres.dropDatabase(postgres);
            }
        }
        for (var entry : micros.entrySet()) {
            long[] sorted = entry.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("ingest one article on %s: median %.1f ms, p90 %.1f ms (%d ingests)%n", entry.getKey(),
                    percentile(sorted, 50) / 1000.0, percentile(sorted, 90) / 1000.0, sorted.length);
            FIGURES.add(String.format(java.util.Locale.ROOT, "{\"ingestOn\": \"%s\", \"medianMs\": %.1f, \"p90Ms\": %.1f, "
                    + "\"ingests\": %d}", entry.getKey(), percentile(sorted, 50) / 1000.0, percentile(sorted, 90) / 1000.0,
                    sorted.length));
        }
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
