package org.handoverbot.alerts;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Telegram's limits as bucket4j token buckets: one for all messages, one per chat, one per channel.
 * Every bucket holds a single token refilled at the paced rate: a bucket that held more would allow a burst
 * after a quiet spell, and a burst on top of a steady flow is exactly what breaks "30 in any second".
 * With one token, any window of length W holds at most 1 + W × rate sends.
 * The limits hold for one process; two instances sharing a bot token should each get half.
 */
final class AlertPacer {

    private static final int SWEEP_ABOVE = 4096;

    private final Bucket overall;
    private final Duration chatInterval;
    private final Duration channelInterval;
    private final Map<String, Bucket> recipients = new ConcurrentHashMap<>();

    AlertPacer(AlertLimits limits) {
        this.overall = oneTokenEvery(interval(limits.overallPerSecond() * limits.headroom(), 1));
        this.chatInterval = interval(limits.perChatPerSecond() * limits.headroom(), 1);
        this.channelInterval = interval(limits.perChannelPerMinute() * limits.headroom(), 60);
    }

    /** Nanoseconds until this recipient may get a message (0: now), without taking anything. */
    long recipientWait(OutboxRow row) {
        return bucketOf(row).estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    /** Takes the overall token if there is one (0), else says how long to wait before asking again. */
    long tryOverall() {
        ConsumptionProbe probe = overall.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    /** Takes this recipient's token; call after {@link #recipientWait} said 0 (only the sender thread takes them). */
    void takeRecipient(OutboxRow row) {
        bucketOf(row).tryConsume(1);
    }

    private Bucket bucketOf(OutboxRow row) {
        if (recipients.size() > SWEEP_ABOVE) {
            // A full bucket is the same as a new one: dropping it forgets nothing about recent sends.
            recipients.values().removeIf(b -> b.getAvailableTokens() >= 1);
        }
        return recipients.computeIfAbsent(row.recipient(),
                r -> oneTokenEvery(row.channel() ? channelInterval : chatInterval));
    }

    private static Duration interval(double messages, int perSeconds) {
        return Duration.ofNanos(Math.round(perSeconds * 1e9 / messages));
    }

    private static Bucket oneTokenEvery(Duration interval) {
        return Bucket.builder()
                .withNanosecondPrecision()
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, interval))
                .build();
    }
}
