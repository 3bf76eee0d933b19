package org.handoverbot.telegram.fake;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Telegram's side of webhook mode for {@link FakeBotApiServer#deliverToWebhooks}: takes updates off the fake's
 * queue and POSTs them to the endpoints round-robin (a proxy in front of several instances), retrying what
 * got no 200 at the next endpoint after a pause, and delivering some updates twice. Records each attempt.
 */
public final class WebhookDeliveries implements AutoCloseable {

    /** One POST: which update, to which endpoint (index), the HTTP status (0: no connection). */
    public record Attempt(long updateId, int endpoint, int status, boolean repeat) {
    }

    private static final Duration RETRY_AFTER = Duration.ofMillis(200);
    private static final int MAX_TRIES = 300;

    private final FakeBotApiServer server;
    private final List<URI> endpoints;
    private final int repeatEvery;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(4, r -> {
        Thread t = new Thread(r, "fake-webhook-delivery");
        t.setDaemon(true);
        return t;
    });
    private final Thread taker;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger taken = new AtomicInteger();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final Map<Long, Integer> acceptedBy = new ConcurrentHashMap<>();
    private final AtomicInteger undelivered = new AtomicInteger();
    private volatile boolean closed;

    WebhookDeliveries(FakeBotApiServer server, List<URI> endpoints, int repeatEvery) {
        this.server = server;
        this.endpoints = List.copyOf(endpoints);
        this.repeatEvery = repeatEvery;
        this.taker = new Thread(this::takeUpdates, "fake-webhook-taker");
        this.taker.setDaemon(true);
    }

    void start() {
        taker.start();
    }

    private void takeUpdates() {
        try {
            while (!closed) {
                ObjectNode update = server.takeForWebhook(Duration.ofMillis(200));
                if (update == null) {
                    continue;
                }
                int n = taken.incrementAndGet();
                int endpoint = Math.floorMod(next.getAndIncrement(), endpoints.size());
                pool.execute(() -> deliver(update, endpoint, 1, false));
                if (repeatEvery > 0 && n % repeatEvery == 0) {
                    pool.schedule(() -> deliver(update, (endpoint + 1) % endpoints.size(), 1, true), 5, TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(ObjectNode update, int endpoint, int tries, boolean repeat) {
        if (closed) {
            return;
        }
        long id = update.path("update_id").asLong();
        int status;
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoints.get(endpoint)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-Telegram-Bot-Api-Secret-Token", server.webhookSecret())
                    .POST(HttpRequest.BodyPublishers.ofString(update.toString())).build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        attempts.add(new Attempt(id, endpoint, status, repeat));
        if (status == 200) {
            acceptedBy.putIfAbsent(id, endpoint);
        } else if (tries < MAX_TRIES) {
            pool.schedule(() -> deliver(update, (endpoint + 1) % endpoints.size(), tries + 1, repeat),
                    RETRY_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            undelivered.incrementAndGet();
        }
    }

    /** Every POST so far. */
    public List<Attempt> attempts() {
        return new ArrayList<>(attempts);
    }

    /** The endpoint that first answered 200 for the update, or -1. */
    public int acceptedBy(long updateId) {
        return acceptedBy.getOrDefault(updateId, -1);
    }

    /** Updates given up after MAX_TRIES attempts without a 200. */
    public int undelivered() {
        return undelivered.get();
    }

    @Override
    public void close() {
        closed = true;
        taker.interrupt();
        pool.shutdownNow();
    }
}
