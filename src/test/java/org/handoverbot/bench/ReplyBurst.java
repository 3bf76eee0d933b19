package org.handoverbot.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.handoverbot.telegram.fake.FakeBotApiServer;
import org.handoverbot.telegram.fake.SentMessage;

/**
 * One round of a Telegram load benchmark: N users (distinct private chats) each send one Arabic question to the
 * Bot API fake at the same moment; the round ends when every chat got its first reply. Latency is from the update
 * entering the fake's queue to the fake receiving the chat's first reply (so it includes getUpdates or the
 * webhook push, everything the bot does, and sendMessage).
 */
public final class ReplyBurst {

    /** Ten question kinds: dates, who received, counts, ordinals, quotes, sources, small talk, dialect and typos. */
    public static final List<String> QUESTIONS = List.of(
            "متى سلم التحالف قاعدة القائم؟", "امتى سلموا قاعدة القيارة", "من استلم قاعدة عين الاسد؟",
            "وين تقع قاعدة التاجي", "كم قاعدة سلمت في 2020؟", "ماذا قال اللواء تحسين الخفاجي؟",
            "ما القاعدة الثالثة التي سلمت؟", "شلونك", "ما مصدر خبر قاعدة بسماية؟", "ليش انسحبوا من كي وان؟");

    private static final Duration LONGEST = Duration.ofMinutes(5);

    /**
     * What a round measured. cpuMicrosPerReply: CPU of this whole process per reply during the round (the
     * fake server and the harness included, the same for the bot and its baseline).
     */
    public record Result(double perSecond, long p50, long p90, long p99, long max, double cpuMicrosPerReply,
                         long takenInMillis) {

        public String json() {
            return String.format(java.util.Locale.ROOT, "{\"perSecond\": %.1f, \"p50\": %d, \"p90\": %d, \"p99\": %d, "
                    + "\"max\": %d, \"cpuMicrosPerReply\": %.0f, \"takenInMillis\": %d}", perSecond, p50, p90, p99, max,
                    cpuMicrosPerReply, takenInMillis);
        }
    }

    private ReplyBurst() {
    }

    /** Chats chatBase .. chatBase + users - 1 each send one question at once; waits for every first reply. */
    public static Result round(FakeBotApiServer server, int users, long chatBase) throws InterruptedException {
        int before = server.sent().size();
        Map<Long, Long> updateOfChat = new HashMap<>();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < users; i++) {
            long chat = chatBase + i;
            updateOfChat.put(chat, server.sendText(chat, QUESTIONS.get(i % QUESTIONS.size())));
        }
        long deadline = System.nanoTime() + LONGEST.toNanos();
        // The first reply to each chat, gathered as they come, cheaply: the bot under test shares these cores.
        Map<String, Long> firstReply = new HashMap<>();
        int read = before;
        long takenIn = 0;
        while (firstReply.size() < users && System.nanoTime() < deadline) {
            Thread.sleep(5);
            if (takenIn == 0 && server.unconfirmedCount() == 0) {
                takenIn = System.nanoTime();
            }
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
        return new Result(users / seconds, Figures.percentile(sorted, 50), Figures.percentile(sorted, 90),
                Figures.percentile(sorted, 99), sorted[sorted.length - 1], cpu / 1e3 / users,
                takenIn == 0 ? -1 : (takenIn - start) / 1_000_000);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
