package org.handoverbot.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the way out to Telegram, from the environment, checked at start like {@link Settings} (a bad
 * value is one line, exit code 2). HANDOVER_ALERT_MAX_AGE: how old an unsent alert may get before it expires
 * instead of arriving stale (after a long outage, or a bot started days after an ingest).
 */
public record DeliverySettings(Duration alertMaxAge) {

    public static final Duration DEFAULT_ALERT_MAX_AGE = Duration.ofHours(24);

    public static DeliverySettings fromEnvironment() {
        return from(System.getenv());
    }

    public static DeliverySettings from(Map<String, String> env) {
        Duration maxAge = Optional.ofNullable(env.get("HANDOVER_ALERT_MAX_AGE")).map(String::strip).filter(v -> !v.isEmpty())
                .map(v -> Durations.parse("HANDOVER_ALERT_MAX_AGE", v)).orElse(DEFAULT_ALERT_MAX_AGE);
        return new DeliverySettings(maxAge);
    }
}
