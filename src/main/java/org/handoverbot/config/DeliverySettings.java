package org.handoverbot.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the way out to Telegram, from the environment, checked at start like {@link Settings} (a bad
 * value is one line, exit code 2). HANDOVER_ALERT_MAX_AGE: how old an unsent alert may get before it expires
 * instead of arriving stale (after a long outage, or a bot started days after an ingest). TELEGRAM_WEBHOOK_LEASE:
 * in webhook mode, how long an instance holds an update it took in (renewed while it runs) before another
 * instance, or this one restarted, answers it instead: the longest a question taken in before a kill -9 waits.
 */
public record DeliverySettings(Duration alertMaxAge, Duration webhookLease) {

    public static final Duration DEFAULT_ALERT_MAX_AGE = Duration.ofHours(24);
    /** The same as HandledUpdates.WEBHOOK_LEASE (config does not reach into telegram). */
    public static final Duration DEFAULT_WEBHOOK_LEASE = Duration.ofSeconds(60);
    /** Shorter, and a live instance's renewals (a third of the lease apart) could miss a database hiccup. */
    static final Duration MIN_WEBHOOK_LEASE = Duration.ofSeconds(1);

    public static DeliverySettings fromEnvironment() {
        return from(System.getenv());
    }

    public static DeliverySettings from(Map<String, String> env) {
        Duration maxAge = duration(env, "HANDOVER_ALERT_MAX_AGE").orElse(DEFAULT_ALERT_MAX_AGE);
        Duration lease = duration(env, "TELEGRAM_WEBHOOK_LEASE").orElse(DEFAULT_WEBHOOK_LEASE);
        if (lease.compareTo(MIN_WEBHOOK_LEASE) < 0) {
            throw new BadSettingException("TELEGRAM_WEBHOOK_LEASE must be at least 1s, not " + Durations.format(lease));
        }
        return new DeliverySettings(maxAge, lease);
    }

    private static Optional<Duration> duration(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty()).map(v -> Durations.parse(name, v));
    }
}
