package org.handoverbot.alerts;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

/**
 * How a sender instance works the outbox. instance names it in claims (unique per process start);
 * claimLease is how long reserved rows stay its own; sendTimeout bounds one request (a row in flight longer
 * than twice that is presumed abandoned); maxAttempts bounds retries of refused messages, spaced
 * firstBackoff × 2^(n-1) up to maxBackoff; idlePoll is how often an empty outbox is looked at again.
 */
public record SenderSettings(String instance, AlertLimits limits, int batchSize, int maxInFlight, Duration claimLease,
                             Duration sendTimeout, int maxAttempts, Duration firstBackoff, Duration maxBackoff,
                             Duration idlePoll) {

    public SenderSettings {
        if (batchSize < 1 || maxAttempts < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("batchSize, maxInFlight and maxAttempts must be at least 1");
        }
    }

    /**
     * Up to 4 requests in flight: at Telegram's ~50-100 ms round trip one at a time could not reach 30/s, and
     * OkHttp queues a sixth request to one host (its default limit is 5), which would bunch sends up.
     */
    public static SenderSettings defaults() {
        return new SenderSettings(newInstanceName(), AlertLimits.telegram(), 32, 4, Duration.ofSeconds(30),
                Duration.ofSeconds(30), 6, Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofMillis(500));
    }

    /** "pid@host/random": two processes, or two starts of one, never share a name. */
    public static String newInstanceName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    public SenderSettings withLimits(AlertLimits other) {
        return new SenderSettings(instance, other, batchSize, maxInFlight, claimLease, sendTimeout, maxAttempts, firstBackoff, maxBackoff, idlePoll);
    }

    public SenderSettings withInstance(String name) {
        return new SenderSettings(name, limits, batchSize, maxInFlight, claimLease, sendTimeout, maxAttempts, firstBackoff, maxBackoff, idlePoll);
    }

    public SenderSettings withTiming(Duration lease, Duration timeout, Duration backoff, Duration poll) {
        return new SenderSettings(instance, limits, batchSize, maxInFlight, lease, timeout, maxAttempts, backoff, maxBackoff, poll);
    }

    public SenderSettings withMaxAttempts(int attempts) {
        return new SenderSettings(instance, limits, batchSize, maxInFlight, claimLease, sendTimeout, attempts, firstBackoff, maxBackoff, idlePoll);
    }

    public SenderSettings withMaxInFlight(int requests) {
        return new SenderSettings(instance, limits, batchSize, requests, claimLease, sendTimeout, maxAttempts, firstBackoff, maxBackoff, idlePoll);
    }

    /** The wait before attempt n + 1 after n refused attempts. */
    Duration backoffAfter(int attempts) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /** A row 'sending' for longer than this belongs to an instance that died mid-request. */
    Duration inFlightLease() {
        return sendTimeout.multipliedBy(2);
    }
}
