package org.handoverbot.telegram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.handoverbot.answer.Dialogue;
import org.handoverbot.cli.Application;
import org.handoverbot.config.Settings;
import org.handoverbot.knowledge.Database;
import org.handoverbot.telegram.SendLimits;
import org.handoverbot.telegram.fake.FakeBotApiServer;
import org.handoverbot.telegram.fake.SentMessage;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Telegram load: N users (default 1,000) each send one question at the same moment; the bot as it runs (the
 * real composition: seeded H2, understander, answer dialogue, HTML renderer; the real TelegramBots client with
 * production options) takes them by long polling from the fake Bot API server on
 * 127.0.0.1 and answers. Reports replies per second and the update-to-reply latency (enqueued at the server
 * to reply received by the server) at p50/p90/p99/max, per round, beside a bare echo bot on the same
 * TelegramBots client measured in alternate rounds of the same run (the ratio bot/echo is the figure that
 * survives a noisy machine); the medians go to target/benchmarks/telegram-load.json.
 *
 * <p>Surefire leaves *Benchmark classes out of the build; naming the class runs it (offline, no extra plugin):
 * <pre>mvn -o -q test -Dtest=TelegramLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Dusers=1000 -Drounds=5 -Dworkers=16 -DsendsPerSecond=0]</pre>
 */
public final class TelegramLoadBenchmark {

    private static final String[] QUESTIONS = {
            "متى سلم التحالف قاعدة القائم؟", "امتى سلموا قاعدة القيارة", "من استلم قاعدة عين الاسد؟",
            "وين تقع قاعدة التاجي", "كم قاعدة سلمت في 2020؟", "ماذا قال اللواء تحسين الخفاجي؟",
            "ما القاعدة الثالثة التي سلمت؟", "شلونك", "ما مصدر خبر قاعدة بسماية؟", "ليش انسحبوا من كي وان؟",
    };

    @org.junit.jupiter.api.Test
    void everyUserSendsAtOnce() throws Exception {
        run(Integer.getInteger("users", 1000), Integer.getInteger("rounds", 5));
    }

    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 1000, args.length > 1 ? Integer.parseInt(args[1]) : 5);
        System.exit(0); // the clients' idle threads would keep the JVM up for minutes
    }

    static void run(int users, int rounds) throws Exception {
        Path folder = Files.createTempDirectory("telegram-load");
        try (FakeBotApiServer server = FakeBotApiServer.start(); FakeBotApiServer echoServer = FakeBotApiServer.start()) {
            Map<String, String> env = new HashMap<>();
            env.put("TELEGRAM_BOT_TOKEN", server.token());
            env.put("TELEGRAM_API_URL", server.baseUri().toString());
            env.put("HANDOVER_DB_URL", "jdbc:h2:file:" + folder.resolve("handover").toAbsolutePath());
            try (Application app = new Application(Settings.from(env)); EchoBot echo = new EchoBot(echoServer, WORKERS)) {
                runRounds(server, echoServer, app, users, rounds);
            }
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static final int WORKERS = Integer.getInteger("workers", 16);

    /**
     * The baseline: a bare echo bot on the same TelegramBots client (its long polling, its OkHttp client for
     * sendMessage), with as many sending threads as the bot has chat workers, and nothing else: no duplicate
     * guard, no lanes, no understanding, no answer. The bot's latency over the echo's is what the bot adds.
     */
    static final class EchoBot implements AutoCloseable {

        private final TelegramBotsLongPollingApplication polling = new TelegramBotsLongPollingApplication();
        private final ExecutorService senders;

        EchoBot(FakeBotApiServer server, int threads) throws TelegramApiException {
            senders = Executors.newFixedThreadPool(threads);
            TelegramUrl url = TelegramBot.telegramUrl(server.baseUri());
            TelegramClient client = new OkHttpTelegramClient(server.token(), url);
            polling.registerBot(server.token(), () -> url,
                    last -> GetUpdates.builder().offset(last + 1).limit(100).timeout(50).build(),
                    updates -> updates.forEach(u -> senders.execute(() -> {
                        try {
                            client.execute(SendMessage.builder().chatId(u.getMessage().getChatId())
                                    .text(u.getMessage().getText()).build());
                        } catch (TelegramApiException e) {
                            System.out.println("echo failed: " + e);
                        }
                    })));
        }

        @Override
        public void close() throws Exception {
            polling.close();
            senders.shutdownNow();
        }
    }

    private static void runRounds(FakeBotApiServer server, FakeBotApiServer echoServer, Application app, int users,
                                  int rounds) throws Exception {
        Dialogue dialogue = app.dialogue();
        Database database = app.database();
        // Without Telegram's overall rate (30/s) the benchmark measures what the bot can do; the per-chat limit stays.
        int perSecond = Integer.getInteger("sendsPerSecond", 0);
        TelegramOptions options = TelegramOptions.defaults().withWorkerThreads(WORKERS)
                .withSendLimits(SendLimits.telegram().withOverall(perSecond == 0 ? 1_000_000 : perSecond));
        System.out.printf("Telegram load: %d users at once, %d rounds (+1 warm-up), %d worker threads, %s, dialogue %s%n",
                users, rounds, options.workerThreads(), perSecond == 0 ? "no overall send limit" : perSecond + " sends/s",
                dialogue.getClass().getSimpleName());
        List<Result> bots = new ArrayList<>();
        List<Result> echoes = new ArrayList<>();
        try (TelegramBot bot = TelegramBot.start(app.settings(), dialogue, database, options)) {
            long chatBase = 1_000_000;
            // the two alternate round by round, so both meet the same load of the shared machine
            for (int round = 0; round <= rounds; round++) {
                Result echo = round(echoServer, users, chatBase);
                Result result = round(server, users, chatBase);
                chatBase += users;
                String name = round == 0 ? "warm-up" : "round " + round;
                System.out.printf("%s: bot %.0f replies/s, p50 %d ms, p99 %d ms, max %d ms, CPU %.0f µs/reply | echo %.0f replies/s, "
                                + "p50 %d ms, p99 %d ms, CPU %.0f µs/reply | bot/echo p50 %.2f, p99 %.2f%n", name, result.perSecond,
                        result.p50, result.p99, result.max, result.cpuMicros, echo.perSecond, echo.p50, echo.p99, echo.cpuMicros,
                        ratio(result.p50, echo.p50), ratio(result.p99, echo.p99));
                if (round > 0) {
                    bots.add(result);
                    echoes.add(echo);
                }
            }
        }
        report(users, bots, echoes);
    }

    private static double ratio(long a, long b) {
        return (double) a / Math.max(1, b);
    }

    /** Medians over the measured rounds, and the JSON file the bench profile keeps (target/benchmarks). */
    private static void report(int users, List<Result> bots, List<Result> echoes) throws java.io.IOException {
        double botP50 = median(bots.stream().mapToDouble(Result::p50).toArray());
        double botP99 = median(bots.stream().mapToDouble(Result::p99).toArray());
        double echoP50 = median(echoes.stream().mapToDouble(Result::p50).toArray());
        double echoP99 = median(echoes.stream().mapToDouble(Result::p99).toArray());
        double[] p50Ratios = new double[bots.size()];
        double[] p99Ratios = new double[bots.size()];
        for (int i = 0; i < bots.size(); i++) {
            p50Ratios[i] = ratio(bots.get(i).p50, echoes.get(i).p50);
            p99Ratios[i] = ratio(bots.get(i).p99, echoes.get(i).p99);
        }
        String line = String.format(java.util.Locale.ROOT, "medians over %d rounds: bot p50 %.0f ms, p99 %.0f ms; echo p50 %.0f ms, "
                        + "p99 %.0f ms; ratio p50 %.2f (rounds %.2f-%.2f), p99 %.2f (rounds %.2f-%.2f)", bots.size(), botP50, botP99,
                echoP50, echoP99, median(p50Ratios), min(p50Ratios), max(p50Ratios), median(p99Ratios), min(p99Ratios),
                max(p99Ratios));
        System.out.println(line);
        StringBuilder json = new StringBuilder("{\"users\": " + users + ", \"rounds\": [");
        for (int i = 0; i < bots.size(); i++) {
            Result b = bots.get(i);
            Result e = echoes.get(i);
            json.append(i == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT,
                    "{\"bot\": {\"perSecond\": %.1f, \"p50\": %d, \"p99\": %d, \"max\": %d, \"cpuMicrosPerReply\": %.0f}, "
                            + "\"echo\": {\"perSecond\": %.1f, \"p50\": %d, \"p99\": %d, \"max\": %d, \"cpuMicrosPerReply\": %.0f}}",
                    b.perSecond, b.p50, b.p99, b.max, b.cpuMicros, e.perSecond, e.p50, e.p99, e.max, e.cpuMicros));
        }
        json.append(String.format(java.util.Locale.ROOT, "], \"medianRatioP50\": %.3f, \"medianRatioP99\": %.3f}%n",
                median(p50Ratios), median(p99Ratios)));
        Path out = Path.of(System.getProperty("benchmarks.dir", "target/benchmarks"), "telegram-load.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return java.util.Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return java.util.Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** cpuMicros: CPU of the whole process per reply during the round (the fake server and harness included). */
    private record Result(double perSecond, long p50, long p90, long p99, long max, double cpuMicros) {
    }

    private static Result round(FakeBotApiServer server, int users, long chatBase) throws InterruptedException {
        int before = server.sent().size();
        Map<Long, Long> updateOfChat = new HashMap<>();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < users; i++) {
            long chat = chatBase + i;
            updateOfChat.put(chat, server.sendText(chat, QUESTIONS[i % QUESTIONS.length]));
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        // The first reply to each chat, gathered as they come (cheaply: the bot and the echo share these cores).
        Map<String, Long> firstReply = new HashMap<>();
        int read = before;
        while (firstReply.size() < users && System.nanoTime() < deadline) {
            Thread.sleep(5);
            List<SentMessage> all = server.sent();
            for (SentMessage reply : all.subList(read, all.size())) {
                firstReply.putIfAbsent(reply.chat(), reply.atNanos());
            }
            read = all.size();
        }
        long cpu = processCpuNanos() - cpuBefore;
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
        double seconds = (last - start) / 1e9;
        return new Result(users / seconds, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                sorted[sorted.length - 1], cpu / 1e3 / users);
    }

    /** CPU time of this whole process (bot or echo, the fake server, this harness), for the CPU per reply. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

}
