package org.handoverbot.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.handoverbot.bench.Figures;
import org.handoverbot.bench.ReplyBurst;
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
        Figures.write("several-instances.json", "[\n  " + String.join(",\n  ", FIGURES) + "\n]\n");
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
                    ReplyBurst.Result result = ReplyBurst.round(server, users, chatBase);
                    chatBase += users;
                    System.out.printf("%d instance(s) on one PostgreSQL, %s: %d users, %.0f replies/s, p50 %d ms, p99 %d ms%n",
                            count, round == 0 ? "warm-up" : "round " + round, users, result.perSecond(), result.p50(), result.p99());
                    if (round > 0) {
                        FIGURES.add(String.format(java.util.Locale.ROOT, "{\"instances\": %d, \"round\": %d, \"users\": %d, "
                                + "\"repliesPerSecond\": %.0f, \"p50Ms\": %d, \"p99Ms\": %d}", count, round, users,
                                result.perSecond(), result.p50(), result.p99()));
                    }
                }
            }
        } finally {
            bots.forEach(TelegramBot::close);
            apps.forEach(Application::close);
            TestPostgres.dropDatabase(url);
        }
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
            double medianMs = Figures.percentile(sorted, 50) / 1000.0;
            double p90Ms = Figures.percentile(sorted, 90) / 1000.0;
            System.out.printf("ingest one article on %s: median %.1f ms, p90 %.1f ms (%d ingests)%n", entry.getKey(),
                    medianMs, p90Ms, sorted.length);
            FIGURES.add(String.format(java.util.Locale.ROOT, "{\"ingestOn\": \"%s\", \"medianMs\": %.1f, \"p90Ms\": %.1f, "
                    + "\"ingests\": %d}", entry.getKey(), medianMs, p90Ms, sorted.length));
        }
    }
}
