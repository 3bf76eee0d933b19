package org.handoverbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.handoverbot.config.Settings;
import org.handoverbot.telegram.fake.FakeUpdates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** GET /health and GET /metrics beside the webhook, for the proxy and the Prometheus server of a deployment. */
class HealthAndMetricsTest {

    private static final String SECRET = "health-secret_0123456789";

    @TempDir
    Path folder;

    private BotHarness harness;
    private TelegramBot bot;
    private final AtomicReference<Optional<String>> notReady = new AtomicReference<>(Optional.empty());
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        harness = new BotHarness(folder);
        Map<String, String> env = harness.environment();
        env.put("TELEGRAM_WEBHOOK_URL", "https://bot.example.org/telegram/hook");
        env.put("TELEGRAM_WEBHOOK_SECRET", SECRET);
        bot = TelegramBot.start(Settings.from(env), new ScriptedDialogue(), harness.database,
                BotHarness.fastOptions().withWebhookBindPort(0), BotExtras.none(), BotMetrics.prometheus(), notReady::get);
    }

    @AfterEach
    void stop() {
        bot.close();
        harness.close();
    }

    @Test
    void healthSaysReadyAndWhyNotWhenItIsNot() throws Exception {
        HttpResponse<String> ready = get("/health");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("ready\n");

        notReady.set(Optional.of("the database does not answer"));
        HttpResponse<String> down = get("/health");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("the database does not answer");
        assertThat(get("/healthz").statusCode()).isEqualTo(404);
    }

    @Test
    void metricsCountUpdatesRepliesAndTheirLatencyForPrometheus() throws Exception {
        ObjectNode update = JsonNodeFactory.instance.objectNode().put("update_id", 5001);
        update.setAll(FakeUpdates.text(71, "متى سلموا القائم؟"));
        for (int twice = 0; twice < 2; twice++) {
            HttpResponse<Void> posted = http.send(HttpRequest.newBuilder(uri("/telegram/hook"))
                    .header(WebhookReceiver.SECRET_HEADER, SECRET).POST(HttpRequest.BodyPublishers.ofString(update.toString()))
                    .build(), HttpResponse.BodyHandlers.discarding());
            assertThat(posted.statusCode()).isEqualTo(200);
        }
        harness.server.awaitSent(71, 1, Duration.ofSeconds(10));
        harness.server.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(10));

        // the reply is counted once its sender has Telegram's answer, a moment after the fake recorded it
        HttpResponse<String> metrics = get("/metrics");
        for (int i = 0; i < 100 && !metrics.body().contains("handover_replies_total"); i++) {
            Thread.sleep(100);
            metrics = get("/metrics");
        }
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(metrics.body())
                .contains("handover_updates_total{outcome=\"queued\"} 1.0")
                .contains("handover_updates_total{outcome=\"already_handled\"} 1.0")
                .contains("handover_replies_total{delivery=\"sent\"} 1.0")
                .contains("handover_reply_latency_seconds_count 1")
                .contains("handover_reply_latency_seconds_bucket{le=\"60.0\"} 1");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + bot.webhookPort().orElseThrow() + path);
    }
}
