package org.handoverbot.telegram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.handoverbot.answer.Dialogue;
import org.handoverbot.bench.Figures;
import org.handoverbot.bench.ReplyBurst;
import org.handoverbot.bench.ThreadCpu;
import org.handoverbot.cli.Application;
import org.handoverbot.config.Settings;
import org.handoverbot.knowledge.Database;
import org.handoverbot.telegram.SendLimits;
import org.handoverbot.telegram.fake.FakeBotApiServer;
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
 * <pre>mvn -o -q test -Dtest=TelegramLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Dusers=1000 -Dtelegram.rounds=9 -Dworkers=16 -DsendsPerSecond=0]</pre>
 *
 * <p>To take the figure apart: -DthreadCpu=true prints each round's CPU and context switches per reply by thread group
 * ({@link ThreadCpu}); -DtimeAnswers=true each answer's own CPU and allocation inside the round; -DechoDialogue=true and
 * -DmemoDialogue=true put a measuring dialogue in the bot's place ({@link MeasuringDialogues}).
 */
public final class TelegramLoadBenchmark {

    @org.junit.jupiter.api.Test
    void everyUserSendsAtOnce() throws Exception {
        // 9 rounds by default: one round lasts a third of a second, and the ratio's median steadies with more of them
        run(Integer.getInteger("users", 1000), Integer.getInteger("telegram.rounds", 9));
    }

    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 1000, args.length > 1 ? Integer.parseInt(args[1]) : 9);
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
            Figures.deleteTree(folder);
        }
    }

    /**
     * Answers given straight to the dialogue before the bot starts, on one thread, as a JMH warm-up would: the JIT
     * needs tens of thousands of answers before it has compiled the answer path, many more than a few rounds give.
     * -DwarmAnswers=N (default 60,000, about 4 s; 0 for the cold figure with -DwarmUps=1).
     */
    private static final int WARM_ANSWERS = Integer.getInteger("warmAnswers", 60_000);

    private static void warmAnswers(Dialogue dialogue, int answers) {
        if (answers <= 0) {
            return;
        }
        long started = System.nanoTime();
        for (int i = 0; i < answers; i++) {
            dialogue.onText(-1_000_000L - i, ReplyBurst.QUESTIONS.get(i % ReplyBurst.QUESTIONS.size()));
        }
        System.out.printf("warmed: %d answers straight to the dialogue in %.1f s%n", answers, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Rounds before the measured ones, for the JIT of the Telegram path: -DwarmUps=N (default 3). The figure is the
     * bot's steady state, as a bot that has run a while answers; a bot just started is slower for its first tens
     * of thousands of answers (BENCHMARKS.md gives both).
     */
    private static final int WARM_UPS = Math.max(1, Integer.getInteger("warmUps", 3));

    /**
     * A pause before each round (-Dsettle=MILLIS, default 1,000), so that neither side's round pays for the other's
     * background work: the bot moves its update journal into the database every 250 ms, and without the pause those
     * moves ran inside the echo's next round.
     */
    private static final long SETTLE_MILLIS = Long.getLong("settle", 1_000);

    /** -DthreadCpu=true: the threads are read around each round only then (a read walks every thread and /proc). */
    private static final boolean BY_THREAD = Boolean.getBoolean("threadCpu");

    /** The echo's sending threads; the bot's chat workers are the production default unless -DbotWorkers says. */
    private static final int WORKERS = Integer.getInteger("workers", 16);
    private static final int BOT_WORKERS = Integer.getInteger("botWorkers", TelegramOptions.defaults().workerThreads());

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
        Dialogue plain = MeasuringDialogues.chosen(app.dialogue());
        MeasuringDialogues.TimedDialogue timed = new MeasuringDialogues.TimedDialogue(plain);
        Dialogue dialogue = Boolean.getBoolean("timeAnswers") ? timed : plain;
        Database database = app.database();
        // Without Telegram's overall rate (30/s) the benchmark measures what the bot can do; the per-chat limit stays.
        int perSecond = Integer.getInteger("sendsPerSecond", 0);
        TelegramOptions options = TelegramOptions.defaults().withWorkerThreads(BOT_WORKERS)
                .withSendLimits(SendLimits.telegram().withOverall(perSecond == 0 ? 1_000_000 : perSecond));
        System.out.printf("Telegram load: %d users at once, %d rounds (+%d warm-up), %d worker threads, %s, dialogue %s%n",
                users, rounds, WARM_UPS, options.workerThreads(), perSecond == 0 ? "no overall send limit" : perSecond + " sends/s",
                dialogue.getClass().getSimpleName());
        List<ReplyBurst.Result> bots = new ArrayList<>();
        List<ReplyBurst.Result> echoes = new ArrayList<>();
        warmAnswers(dialogue, WARM_ANSWERS);
        try (TelegramBot bot = TelegramBot.start(app.settings(), dialogue, database, options)) {
            long chatBase = 1_000_000;
            // the two alternate round by round, so both meet the same load of the shared machine
            for (int round = 1 - WARM_UPS; round <= rounds; round++) {
                Thread.sleep(SETTLE_MILLIS);
                ThreadCpu.Reading r0 = BY_THREAD ? ThreadCpu.Reading.now() : null;
                ReplyBurst.Result echo = ReplyBurst.round(echoServer, users, chatBase);
                ThreadCpu.Reading r1 = BY_THREAD ? ThreadCpu.Reading.now() : null;
                Thread.sleep(SETTLE_MILLIS);
                ThreadCpu.Reading r1b = BY_THREAD ? ThreadCpu.Reading.now() : null;
                ReplyBurst.Result result = ReplyBurst.round(server, users, chatBase);
                ThreadCpu.Reading r2 = BY_THREAD ? ThreadCpu.Reading.now() : null;
                if (BY_THREAD) {
                    System.out.println("  echo threads µs/reply: " + ThreadCpu.perReply(r0.cpu(), r1.cpu(), users));
                    System.out.println("  bot  threads µs/reply: " + ThreadCpu.perReply(r1b.cpu(), r2.cpu(), users));
                    System.out.println("  echo switches/reply: " + ThreadCpu.perReply(r0.switches(), r1.switches(), users, 1));
                    System.out.println("  bot  switches/reply: " + ThreadCpu.perReply(r1b.switches(), r2.switches(), users, 1));
                }
                chatBase += users;
                String name = round <= 0 ? "warm-up" : "round " + round;
                System.out.printf("%s (load %.1f): bot %.0f replies/s, p50 %d ms, p99 %d ms, max %d ms, CPU %.0f µs/reply, all taken in "
                                + "by %d ms | echo %.0f replies/s, p50 %d ms, p99 %d ms, CPU %.0f µs/reply, all taken in by %d ms | bot/echo p50 "
                                + "%.2f, p99 %.2f%n", name,
                        Figures.loadAverage(), result.perSecond(), result.p50(), result.p99(), result.max(),
                        result.cpuMicrosPerReply(), result.takenInMillis(), echo.perSecond(), echo.p50(), echo.p99(),
                        echo.cpuMicrosPerReply(), echo.takenInMillis(),
                        Figures.ratio(result.p50(), echo.p50()), Figures.ratio(result.p99(), echo.p99()));
                if (dialogue == timed) {
                    System.out.println("  answers inside the round: " + timed.takeFigure());
                }
                if (round > 0) {
                    bots.add(result);
                    echoes.add(echo);
                }
            }
        }
        report(users, bots, echoes);
    }

    /** Medians over the measured rounds, and the JSON file the bench profile keeps (target/benchmarks). */
    private static void report(int users, List<ReplyBurst.Result> bots, List<ReplyBurst.Result> echoes) {
        double botP50 = Figures.median(bots.stream().mapToDouble(ReplyBurst.Result::p50).toArray());
        double botP99 = Figures.median(bots.stream().mapToDouble(ReplyBurst.Result::p99).toArray());
        double echoP50 = Figures.median(echoes.stream().mapToDouble(ReplyBurst.Result::p50).toArray());
        double echoP99 = Figures.median(echoes.stream().mapToDouble(ReplyBurst.Result::p99).toArray());
        double[] p50Ratios = new double[bots.size()];
        double[] p99Ratios = new double[bots.size()];
        for (int i = 0; i < bots.size(); i++) {
            p50Ratios[i] = Figures.ratio(bots.get(i).p50(), echoes.get(i).p50());
            p99Ratios[i] = Figures.ratio(bots.get(i).p99(), echoes.get(i).p99());
        }
        String line = String.format(java.util.Locale.ROOT, "medians over %d rounds: bot p50 %.0f ms, p99 %.0f ms; echo p50 %.0f ms, "
                        + "p99 %.0f ms; ratio p50 %.2f (rounds %.2f-%.2f), p99 %.2f (rounds %.2f-%.2f)", bots.size(), botP50, botP99,
                echoP50, echoP99, Figures.median(p50Ratios), Figures.min(p50Ratios), Figures.max(p50Ratios),
                Figures.median(p99Ratios), Figures.min(p99Ratios), Figures.max(p99Ratios));
        System.out.println(line);
        StringBuilder json = new StringBuilder("{\"users\": " + users + ", \"rounds\": [");
        for (int i = 0; i < bots.size(); i++) {
            json.append(i == 0 ? "" : ", ").append("{\"bot\": ").append(bots.get(i).json()).append(", \"echo\": ")
                    .append(echoes.get(i).json()).append('}');
        }
        json.append(String.format(java.util.Locale.ROOT, "], \"medianRatioP50\": %.3f, \"medianRatioP99\": %.3f, "
                + "\"loadAverageAtEnd\": %.1f}%n", Figures.median(p50Ratios), Figures.median(p99Ratios), Figures.loadAverage()));
        Figures.write("telegram-load.json", json);
    }
}
