package org.handoverbot.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import io.github.bucket4j.Bucket;

/**
 * The limits of one process, in two layers.
 *
 * <p>The pace: bucket4j token buckets refilled at the paced rate (limit × headroom): one for all messages
 * (holding a tenth of the limit, so a late wake-up can be made up), one for alerts at their share of that
 * rate (so replies always keep the rest); and per private chat and per group or channel a pace of one message
 * per interval (a bucket of one token: a second message to a chat waits its full interval).
 *
 * <p>The guard: Telegram counts a message when it arrives, and a request can be held up on its way (a busy
 * machine, a slow network) and then arrive just before the next one. So a message also counts against its
 * windows until one window after its answer came back (an answer is always later than the arrival), and
 * while it has no answer it counts without end. A new message goes only when fewer than the limit are
 * counted. At a round trip of a millisecond this costs almost nothing; when a request is held up it holds
 * the next ones back instead of letting them bunch up behind it.
 *
 * <p>Thread-safe (one monitor); answers arrive on other threads through {@link Turn#answered()}.
 */
public final class LocalSendLimiter implements SendLimiter {

    private static final int SWEEP_ABOVE = 4096;

    private final SendLimits limits;
    private final Bucket overall;
    private final Bucket alerts;
    private final Duration chatInterval;
    private final Duration groupInterval;
    private final Window overallWindow;
    private final Map<String, Pace> paces = new HashMap<>();
    private final Map<String, Window> windows = new HashMap<>();

    public LocalSendLimiter(SendLimits limits) {
        this.limits = limits;
        // A few tokens in hand let the pace make up for a late wake-up on a busy machine; the guard, not the
        // bucket, is what keeps any window within the limit.
        this.overall = tokensEvery(Math.max(1, limits.overall() / 10), interval(limits.overall(), limits.overallWindow(), limits.headroom()));
        double alertCount = Math.max(1e-3, limits.overall() * limits.alertShare());
        this.alerts = tokensEvery(Math.max(1, (int) (alertCount / 10)),
                Duration.ofNanos(Math.round(limits.overallWindow().toNanos() / (alertCount * limits.headroom()))));
        this.chatInterval = interval(limits.perChat(), limits.perChatWindow(), limits.headroom());
        this.groupInterval = interval(limits.perGroup(), limits.perGroupWindow(), limits.headroom());
        this.overallWindow = new Window(limits.overall(), limits.overallWindow().toNanos());
    }

    @Override
    public synchronized long recipientWait(Recipient to) {
        return recipientWait(to, System.nanoTime());
    }

    @Override
    public synchronized Turn tryTake(Recipient to, Priority priority) {
        long now = System.nanoTime();
        long wait = Math.max(recipientWait(to, now), overallWindow.nanosUntilFree(now));
        wait = Math.max(wait, overall.estimateAbilityToConsume(1).getNanosToWaitForRefill());
        if (priority == Priority.ALERT) {
            wait = Math.max(wait, alerts.estimateAbilityToConsume(1).getNanosToWaitForRefill());
        }
        if (wait > 0) {
            return new Waiting(wait);
        }
        overall.tryConsume(1);
        if (priority == Priority.ALERT) {
            alerts.tryConsume(1);
        }
        paceOf(to, now).take(now);
        Sent sent = new Sent();
        overallWindow.add(sent);
        windows.computeIfAbsent(to.chatId(), r -> to.groupOrChannel()
                ? new Window(limits.perGroup(), limits.perGroupWindow().toNanos())
                : new Window(limits.perChat(), limits.perChatWindow().toNanos())).add(sent);
        return sent;
    }

    private long recipientWait(Recipient to, long now) {
        long paced = paceOf(to, now).nanosToWait(now);
        Window window = windows.get(to.chatId());
        return Math.max(paced, window == null ? 0 : window.nanosUntilFree(now));
    }

    private Pace paceOf(Recipient to, long now) {
        if (paces.size() > SWEEP_ABOVE) {
            // A pace that lets a message go now and a window with nothing counted are the same as new ones:
            // dropping them forgets nothing.
            paces.values().removeIf(p -> p.nanosToWait(now) == 0);
            windows.values().removeIf(w -> w.isEmptyAt(now));
        }
        Pace pace = paces.get(to.chatId());
        if (pace == null) {
            pace = new Pace((to.groupOrChannel() ? groupInterval : chatInterval).toNanos(), now);
            paces.put(to.chatId(), pace);
        }
        return pace;
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

    private record Waiting(long waitNanos) implements Turn {
        @Override
        public void answered() {
            // nothing was taken
        }
    }

    /**
     * One recipient's pace: one message per interval and none saved up. It is what a token bucket holding one token
     * and refilled greedily does (the next message may go one interval after the last, or at once after a longer
     * pause), kept as one number: every reply to a new chat made a whole bucket4j bucket before, inside the monitor
     * all chat workers share.
     */
    private static final class Pace {
        private final long interval;
        /** The System.nanoTime() from which the next message may go. */
        private long nextFree;

        Pace(long interval, long now) {
            this.interval = interval;
            this.nextFree = now;
        }

        long nanosToWait(long now) {
            return Math.max(0, nextFree - now);
        }

        void take(long now) {
            nextFree = (nextFree - now > 0 ? nextFree : now) + interval;
        }
    }

    /** One message on its way: it counts against its windows until one window after its answer. */
    private static final class Sent implements Turn {
        private volatile long answeredAt;
        private volatile boolean answered;

        @Override
        public long waitNanos() {
            return 0;
        }

        @Override
        public void answered() {
            if (!answered) {
                answeredAt = System.nanoTime();
                answered = true;
            }
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
