package org.handoverbot.alerts;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Keeps sends within Telegram's limits, in two layers.
 *
 * <p>The pace: bucket4j token buckets refilled at the paced rate (limit × headroom): one for all messages
 * (holding a tenth of the limit, so a late wake-up can be made up), one per private chat and one per group
 * or channel (holding one token: a second message to a chat waits its full interval).
 *
 * <p>The guard: Telegram counts a message when it arrives, and a request can be held up on its way (a busy
 * machine, a slow network) and then arrive just before the next one. So a message also counts against its
 * windows until one window after its answer came back (an answer is always later than the arrival), and
 * while it has no answer it counts without end. A new message goes only when fewer than the limit are
 * counted. At a round trip of a millisecond this costs almost nothing; when a request is held up it holds
 * the next ones back instead of letting them bunch up behind it.
 *
 * <p>Only the sender's pacing thread calls these methods; answers arrive on other threads through
 * {@link Sent#answered()}. The limits hold for one process: instances sharing a bot token split them.
 */
final class AlertPacer {

    private static final int SWEEP_ABOVE = 4096;

    private final AlertLimits limits;
    private final Bucket overall;
    private final Duration chatInterval;
    private final Duration groupInterval;
    private final Window overallWindow;
    private final Map<String, Bucket> buckets = new HashMap<>();
    private final Map<String, Window> windows = new HashMap<>();

    AlertPacer(AlertLimits limits) {
        this.limits = limits;
        // A few tokens in hand let the pace make up for a late wake-up on a busy machine; the guard, not the
        // bucket, is what keeps any window within the limit.
        this.overall = tokensEvery(Math.max(1, limits.overall() / 10), interval(limits.overall(), limits.overallWindow(), limits.headroom()));
        this.chatInterval = interval(limits.perChat(), limits.perChatWindow(), limits.headroom());
        this.groupInterval = interval(limits.perGroup(), limits.perGroupWindow(), limits.headroom());
        this.overallWindow = new Window(limits.overall(), limits.overallWindow().toNanos());
    }

    /** Nanoseconds until this recipient may get a message (0: now), without taking anything. */
    long recipientWait(OutboxRow row) {
        long paced = bucketOf(row).estimateAbilityToConsume(1).getNanosToWaitForRefill();
        Window window = windows.get(row.recipient());
        return Math.max(paced, window == null ? 0 : window.nanosUntilFree(System.nanoTime()));
    }

    /** Takes the overall turn if it is there (0), else says how long to wait before asking again. */
    long tryOverall() {
        long guard = overallWindow.nanosUntilFree(System.nanoTime());
        if (guard > 0) {
            return guard;
        }
        ConsumptionProbe probe = overall.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    /**
     * Records a message leaving for this recipient (after {@link #recipientWait} said 0 and {@link #tryOverall}
     * gave the turn); the returned handle must be told when the answer comes back.
     */
    Sent leaving(OutboxRow row) {
        bucketOf(row).tryConsume(1);
        Sent sent = new Sent();
        overallWindow.add(sent);
        windows.computeIfAbsent(row.recipient(), r -> groupOrChannel(row)
                ? new Window(limits.perGroup(), limits.perGroupWindow().toNanos())
                : new Window(limits.perChat(), limits.perChatWindow().toNanos())).add(sent);
        return sent;
    }

    /** Channels (@name, -100...) and groups (negative ids) share Telegram's 20-a-minute limit. */
    static boolean groupOrChannel(OutboxRow row) {
        return row.channel() || row.recipient().startsWith("@") || row.recipient().startsWith("-");
    }

    private Bucket bucketOf(OutboxRow row) {
        if (buckets.size() > SWEEP_ABOVE) {
            // A full bucket and a window with nothing counted are the same as new ones: dropping them forgets nothing.
            long now = System.nanoTime();
            buckets.values().removeIf(b -> b.getAvailableTokens() >= 1);
            windows.values().removeIf(w -> w.isEmptyAt(now));
        }
        return buckets.computeIfAbsent(row.recipient(), r -> tokensEvery(1, groupOrChannel(row) ? groupInterval : chatInterval));
    }

    private static Duration interval(int count, Duration window, double headroom) {
        return Duration.ofNanos(Math.round(window.toNanos() / (count * headroom)));
    }

    private static Bucket tokensEvery(int capacity, Duration interval) {
        return Bucket.builder()
                .withNanosecondPrecision()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(1, interval))
                .build();
    }

    /** One message on its way: it counts against its windows until one window after its answer. */
    static final class Sent {
        private volatile long answeredAt;
        private volatile boolean answered;

        void answered() {
            answeredAt = System.nanoTime();
            answered = true;
        }
    }

    /** The last `limit` messages to one key; a new one may go when the oldest has stopped counting. */
    private static final class Window {
        private static final long UNANSWERED_RECHECK = 1_000_000L;

        private final int limit;
        private final long span;
        private final Deque<Sent> recent = new ArrayDeque<>();

        Window(int limit, long span) {
            this.limit = limit;
            this.span = span;
        }

        long nanosUntilFree(long now) {
            while (recent.size() >= limit) {
                Sent oldest = recent.peekFirst();
                if (!oldest.answered) {
                    return UNANSWERED_RECHECK;
                }
                long left = oldest.answeredAt + span - now;
                if (left > 0) {
                    return left;
                }
                recent.removeFirst();
            }
            return 0;
        }

        void add(Sent sent) {
            recent.addLast(sent);
        }

        boolean isEmptyAt(long now) {
            return nanosUntilFree(now) == 0 && recent.stream().allMatch(s -> s.answered && s.answeredAt + span - now <= 0);
        }
    }
}
