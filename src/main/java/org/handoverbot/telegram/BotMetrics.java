package org.handoverbot.telegram;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * What a Prometheus server scrapes from an instance (GET /metrics beside the webhook): updates taken in (by
 * outcome), replies (by delivery), the time from an update's arrival to its reply, the alerts outbox's depth and
 * Telegram's 429s. Each instance reports its own counts; Prometheus adds them up across instances.
 * {@link #none()} counts nothing (tests, the terminal chat).
 */
public final class BotMetrics {

    private final MeterRegistry registry;
    private final Optional<PrometheusMeterRegistry> prometheus;
    private final Timer latency;
    /** The counters by outcome and by delivery, looked up once each: registering builds a meter id every time. */
    private final Map<String, Counter> updates = new ConcurrentHashMap<>();
    private final Map<String, Counter> replies = new ConcurrentHashMap<>();

    private BotMetrics(MeterRegistry registry, Optional<PrometheusMeterRegistry> prometheus) {
        this.registry = registry;
        this.prometheus = prometheus;
        this.latency = Timer.builder("handover_reply_latency")
                .description("from an update's arrival to its reply's last message accepted by Telegram")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
    }

    public static BotMetrics prometheus() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return new BotMetrics(registry, Optional.of(registry));
    }

    public static BotMetrics none() {
        return new BotMetrics(new CompositeMeterRegistry(), Optional.empty());
    }

    /** An update offered to the intake, and what became of it (queued, already_handled, busy_elsewhere...). */
    void update(String outcome) {
        updates.computeIfAbsent(outcome, o -> Counter.builder("handover_updates")
                .description("updates received, by what became of them").tag("outcome", o).register(registry)).increment();
    }

    /** A reply done (sent, blocked, failed...) for an update that arrived at arrivedNanos (System.nanoTime). */
    void reply(String delivery, long arrivedNanos) {
        replies.computeIfAbsent(delivery, d -> Counter.builder("handover_replies")
                .description("replies, by how their delivery ended").tag("delivery", d).register(registry)).increment();
        if ("sent".equals(delivery)) {
            latency.record(Duration.ofNanos(System.nanoTime() - arrivedNanos));
        }
    }

    /** Telegram answered 429 Too Many Requests. */
    public void tooManyRequests() {
        Counter.builder("handover_telegram_429").description("429 Too Many Requests answers from Telegram")
                .register(registry).increment();
    }

    /** The gate's 429 pause, each 429 counted: the gate pauses exactly when Telegram answers 429. */
    public SendPause counting429s(SendPause pause) {
        return new SendPause() {
            @Override
            public void pauseUntil(java.time.Instant until) {
                tooManyRequests();
                pause.pauseUntil(until);
            }

            @Override
            public java.time.Instant pausedUntil() {
                return pause.pausedUntil();
            }
        };
    }

    /** A number read when scraped (e.g. the outbox's depth). */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /** The Prometheus text exposition, or empty when this instance keeps no metrics. */
    Optional<String> scrape() {
        return prometheus.map(PrometheusMeterRegistry::scrape);
    }
}
