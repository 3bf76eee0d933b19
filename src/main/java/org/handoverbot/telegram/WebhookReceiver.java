package org.handoverbot.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The webhook endpoint Telegram posts updates to (behind an HTTPS proxy that forwards to this port). Only a POST
 * to the webhook's path carrying the secret in X-Telegram-Bot-Api-Secret-Token gets through, compared in
 * constant time: a missing secret gets 401, a wrong one 403, a body that is not an Update 400. A taken update
 * gets 200 at once and is answered on its chat's lane; when the bot has no room it answers 503 so that Telegram
 * delivers the update again later. After a 200 Telegram never delivers the update again, so its claim keeps the
 * body until it is answered: a kill -9 before the answer leaves it to {@link WebhookLeases} (this instance
 * restarted, or another one).
 */
final class WebhookReceiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final int MAX_BODY = 1 << 20;

    static {
        // Without it the JDK server's answers wait for the peer's delayed ACK (~40 ms each, Nagle's algorithm).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final String path;
    private final byte[] secret;
    private final UpdateIntake intake;
    private final BotMetrics metrics;
    private final Readiness readiness;
    private volatile boolean closing;

    private WebhookReceiver(HttpServer server, ExecutorService threads, String path, String secret, UpdateIntake intake,
                            BotMetrics metrics, Readiness readiness) {
        this.metrics = metrics;
        this.readiness = readiness;
        this.server = server;
        this.threads = threads;
        this.path = path;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.intake = intake;
    }

    static WebhookReceiver start(InetSocketAddress address, String path, String secret, UpdateIntake intake) {
        return start(address, path, secret, intake, BotMetrics.none(), Readiness.ALWAYS);
    }

    /**
     * Also answers GET /health (200 "ready", or 503 with the reason: for the proxy or load balancer in front of
     * several instances) and GET /metrics (Prometheus text; 404 when the bot keeps no metrics). Neither carries
     * anything secret; still, a proxy should forward only the webhook's path from outside.
     */
    static WebhookReceiver start(InetSocketAddress address, String path, String secret, UpdateIntake intake,
                                 BotMetrics metrics, Readiness readiness) {
        HttpServer server;
        try {
            server = HttpServer.create(address, 128);
        } catch (IOException e) {
            throw new TelegramStartException("cannot listen for the webhook on port " + address.getPort() + ": " + e.getMessage());
        }
        ExecutorService threads = Executors.newFixedThreadPool(8, DaemonThreads.numbered("telegram-webhook-"));
        WebhookReceiver receiver = new WebhookReceiver(server, threads, path.isEmpty() ? "/" : path, secret, intake,
                metrics, readiness);
        server.setExecutor(threads);
        server.createContext("/", receiver::serve);
        if (!receiver.path.equals(HEALTH)) {
            server.createContext(HEALTH, receiver::health);
        }
        if (!receiver.path.equals(METRICS)) {
            server.createContext(METRICS, receiver::metrics);
        }
        server.start();
        LOG.info("webhook endpoint listening on port {}", server.getAddress().getPort());
        return receiver;
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                respond(exchange, 404);
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                respond(exchange, 405);
                return;
            }
            String given = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
            if (given == null) {
                respond(exchange, 401);
                return;
            }
            if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), secret)) {
                LOG.warn("webhook call with a wrong secret from {}", exchange.getRemoteAddress().getAddress().getHostAddress());
                respond(exchange, 403);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                respond(exchange, 413);
                return;
            }
            Update update;
            try {
                update = StoredUpdates.JSON.readValue(body, Update.class);
            } catch (JsonProcessingException e) {
                respond(exchange, 400);
                return;
            }
            if (update == null || update.getUpdateId() == null) {
                respond(exchange, 400);
                return;
            }
            UpdateIntake.Intake taken = intake.offer(update,
                    StoredUpdates.keepable(new String(body, StandardCharsets.UTF_8)), Duration.ofSeconds(2));
            // 503 makes Telegram deliver the update again later: when this bot has no room, or when another
            // instance has it in hand (answered by then, or taken over here if that instance died).
            boolean later = taken == UpdateIntake.Intake.NO_ROOM || taken == UpdateIntake.Intake.BUSY_ELSEWHERE;
            respond(exchange, later ? 503 : 200);
        }
    }

    static final String HEALTH = "/health";
    static final String METRICS = "/metrics";

    private void health(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(HEALTH)) {
                respond(exchange, 404);
                return;
            }
            java.util.Optional<String> why;
            try {
                why = closing ? java.util.Optional.of("stopping") : readiness.notReadyBecause();
            } catch (RuntimeException e) {
                why = java.util.Optional.of("the readiness check failed: " + e.getMessage());
            }
            respond(exchange, why.isEmpty() ? 200 : 503, why.map(w -> "not ready: " + w).orElse("ready") + "\n",
                    "text/plain; charset=utf-8");
        }
    }

    private void metrics(HttpExchange exchange) throws IOException {
        try (exchange) {
            java.util.Optional<String> text = exchange.getRequestURI().getPath().equals(METRICS)
                    ? metrics.scrape() : java.util.Optional.empty();
            if (text.isEmpty()) {
                respond(exchange, 404);
                return;
            }
            respond(exchange, 200, text.get(), "text/plain; version=0.0.4; charset=utf-8");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void respond(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    @Override
    public void close() {
        closing = true;
        server.stop(1);
        threads.shutdown();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
