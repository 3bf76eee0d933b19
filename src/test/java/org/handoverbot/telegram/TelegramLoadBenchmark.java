package org.handoverbot.telegram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.handoverbot.answer.Dialogue;
import org.handoverbot.cli.Application;
import org.handoverbot.config.Settings;
import org.handoverbot.knowledge.Database;
import org.handoverbot.telegram.SendLimits;
import org.handoverbot.telegram.fake.FakeBotApiServer;
import org.handoverbot.telegram.fake.SentMessage;

/**
 * Telegram load: N users (default 1,000) each send one question at the same moment; the bot as it runs (the
 * real composition: seeded H2, understander, answer dialogue, HTML renderer; the real TelegramBots client with
 * production options) takes them by long polling from the fake Bot API server on
 * 127.0.0.1 and answers. Reports replies per second and the update-to-reply latency (enqueued at the server
 * to reply received by the server) at p50/p90/p99/max, per round.
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
    }

    static void run(int users, int rounds) throws Exception {
        Path folder = Files.createTempDirectory("telegram-load");
        try (FakeBotApiServer server = FakeBotApiServer.start()) {
            Map<String, String> env = new HashMap<>();
            env.put("TELEGRAM_BOT_TOKEN", server.token());
            env.put("TELEGRAM_API_URL", server.baseUri().toString());
            env.put("HANDOVER_DB_URL", "jdbc:h2:file:" + folder.resolve("handover").toAbsolutePath());
            try (Application app = new Application(Settings.from(env))) {
                runRounds(server, app, users, rounds);
            }
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void runRounds(FakeBotApiServer server, Application app, int users, int rounds) throws Exception {
        Dialogue dialogue = app.dialogue();
        Database database = app.database();
        // Without Telegram's overall rate (30/s) the benchmark measures what the bot can do; the per-chat limit stays.
        int perSecond = Integer.getInteger("sendsPerSecond", 0);
        TelegramOptions options = TelegramOptions.defaults().withWorkerThreads(Integer.getInteger("workers", 16))
                .withSendLimits(SendLimits.telegram().withOverall(perSecond == 0 ? 1_000_000 : perSecond));
        System.out.printf("Telegram load: %d users at once, %d rounds (+1 warm-up), %d worker threads, %s, dialogue %s%n",
                users, rounds, options.workerThreads(), perSecond == 0 ? "no overall send limit" : perSecond + " sends/s",
                dialogue.getClass().getSimpleName());
        try (TelegramBot bot = TelegramBot.start(app.settings(), dialogue, database, options)) {
            long chatBase = 1_000_000;
            for (int round = 0; round <= rounds; round++) {
                Result result = round(server, users, chatBase);
                chatBase += users;
                System.out.printf("%s: %.0f replies/s, latency p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
                        round == 0 ? "warm-up" : "round " + round, result.perSecond, result.p50, result.p90, result.p99, result.max);
            }
        }
    }

    private record Result(double perSecond, long p50, long p90, long p99, long max) {
    }

    private static Result round(FakeBotApiServer server, int users, long chatBase) throws InterruptedException {
        int before = server.sent().size();
        Map<Long, Long> updateOfChat = new HashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < users; i++) {
            long chat = chatBase + i;
            updateOfChat.put(chat, server.sendText(chat, QUESTIONS[i % QUESTIONS.length]));
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        List<SentMessage> replies;
        do {
            Thread.sleep(5);
            List<SentMessage> all = server.sent();
            replies = all.subList(before, all.size());
        } while (replies.stream().map(SentMessage::chat).distinct().count() < users && System.nanoTime() < deadline);
        Map<String, Long> firstReply = new HashMap<>();
        for (SentMessage reply : replies) {
            firstReply.putIfAbsent(reply.chat(), reply.atNanos());
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
        double seconds = (last - start) / 1e9;
        return new Result(users / seconds, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                sorted[sorted.length - 1]);
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

}
