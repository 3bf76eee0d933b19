package org.handoverbot.alerts;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

/**
 * How a sender instance works the outbox. instance names it in claims (unique per process start); batchSize
 * rows are reserved at a time; maxInFlight requests may wait for their answers at once; claimLease is how long
 * reserved rows stay its own; sendTimeout is how long an answer is waited for before the alert's outcome is
 * called unknown (a row in flight longer than twice that is presumed abandoned); maxAttempts bounds retries of
 * refused messages, spaced firstBackoff × 2^(n-1) up to maxBackoff (the same waits, uncounted, while Telegram
 * can't be reached); idlePoll is how often an empty outbox is looked at again; maxAge is how old an alert may
 * get before it expires unsent rather than arrive stale.
 */
public record SenderSettings(String instance, int batchSize, int maxInFlight, Duration claimLease,
                             Duration sendTimeout, int maxAttempts, Duration firstBackoff, Duration maxBackoff,
                             Duration idlePoll, Duration maxAge) {

    /** HANDOVER_ALERT_MAX_AGE's default: news a day old is no longer an alert. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);

    public SenderSettings {
        if (batchSize < 1 || maxAttempts < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("batchSize, maxInFlight and maxAttempts must be at least 1");
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
    }

    /**
     * Up to 4 requests in flight: at Telegram's ~50-100 ms round trip one at a time could not reach its rate.
     * An answer is waited for two minutes: Telegram under load can take tens of seconds, and an alert called
     * "outcome unknown" is one a subscriber may never get.
     */
    public static SenderSettings defaults() {
        return new SenderSettings(newInstanceName(), 32, 4, Duration.ofSeconds(30), Duration.ofMinutes(2), 6,
                Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofMillis(500), DEFAULT_MAX_AGE);
    }

    /** "pid@host/random": two processes, or two starts of one, never share a name. */
    public static String newInstanceName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    public SenderSettings withInstance(String name) {
        return new SenderSettings(name, batchSize, maxInFlight, claimLease, sendTimeout, maxAttempts, firstBackoff, maxBackoff, idlePoll, maxAge);
    }

    public SenderSettings withTiming(Duration lease, Duration timeout, Duration backoff, Duration poll) {
        return new SenderSettings(instance, batchSize, maxInFlight, lease, timeout, maxAttempts, backoff, maxBackoff, poll, maxAge);
    }

    public SenderSettings withMaxAttempts(int attempts) {
        return new SenderSettings(instance, batchSize, maxInFlight, claimLease, sendTimeout, attempts, firstBackoff, maxBackoff, idlePoll, maxAge);
    }

    public SenderSettings withMaxInFlight(int requests) {
        return new SenderSettings(instance, batchSize, requests, claimLease, sendTimeout, maxAttempts, firstBackoff, maxBackoff, idlePoll, maxAge);
    }

    public SenderSettings withMaxBackoff(Duration longest) {
        return new SenderSettings(instance, batchSize, maxInFlight, claimLease, sendTimeout, maxAttempts, firstBackoff, longest, idlePoll, maxAge);
    }

    public SenderSettings withMaxAge(Duration age) {
        return new SenderSettings(instance, batchSize, maxInFlight, claimLease, sendTimeout, maxAttempts, firstBackoff, maxBackoff, idlePoll, age);
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
