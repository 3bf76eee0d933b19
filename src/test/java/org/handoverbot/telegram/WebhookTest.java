package org.handoverbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.handoverbot.telegram.fake.FakeBotApiServer;
import org.handoverbot.telegram.fake.FakeUpdates;
import org.handoverbot.telegram.fake.SentMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Webhook mode over HTTP: Telegram's side played by an HTTP client, replies seen at the fake Bot API server. */
class WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SECRET = "hook-secret_0123456789";

    @TempDir
    Path folder;

    private BotHarness harness;
    private FakeBotApiServer server;
    private URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startInWebhookMode() {
        harness = new BotHarness(folder);
        server = harness.server;
        Map<String, String> env = harness.environment();
        env.put("TELEGRAM_WEBHOOK_URL", "https://bot.example.org/telegram/hook");
        env.put("TELEGRAM_WEBHOOK_SECRET", SECRET);
        TelegramBot bot = harness.start(new ScriptedDialogue(), BotHarness.fastOptions().withWebhookBindPort(0), env);
        endpoint = URI.create("http://127.0.0.1:" + bot.webhookPort().orElseThrow() + "/telegram/hook");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void setsTheWebhookWithItsSecretAndDoesNotPoll() {
        assertThat(server.webhookUrl()).isEqualTo("https://bot.example.org/telegram/hook");
        assertThat(server.webhookSecret()).isEqualTo(SECRET);
        assertThat(server.calls("getUpdates")).isEmpty();
    }

    @Test
    void anUpdateWithTheRightSecretIsTakenAtOnceAndAnsweredOnceEvenIfDeliveredTwice() throws Exception {
        String update = update(1001, FakeUpdates.text(61, "متى سلموا القائم؟"));

        assertThat(post(update, SECRET).statusCode()).isEqualTo(200);
        assertThat(post(update, SECRET).statusCode()).isEqualTo(200);

        assertThat(server.awaitSent(61, 1, WAIT)).extracting(SentMessage::visibleText)
                .singleElement().satisfies(t -> assertThat(t).contains("متى سلموا القائم؟"));
        server.awaitQuiet(Duration.ofMillis(500), WAIT);
        assertThat(server.sentTo(61)).hasSize(1);
    }

    @Test
    void refusesAnythingWithoutTheRightSecret() throws Exception {
        String update = update(1002, FakeUpdates.text(62, "سؤال"));

        assertThat(post(update, null).statusCode()).isEqualTo(401);
        assertThat(post(update, "wrong-secret").statusCode()).isEqualTo(403);
        assertThat(post(update, SECRET.substring(0, SECRET.length() - 1)).statusCode()).isEqualTo(403);
        server.awaitQuiet(Duration.ofMillis(400), WAIT);
        assertThat(server.sentTo(62)).isEmpty();
    }

    @Test
    void refusesWhatIsNotAnUpdateAndOtherPathsAndMethods() throws Exception {
        assertThat(post("{not json", SECRET).statusCode()).isEqualTo(400);
        assertThat(post("{\"message\":{}}", SECRET).statusCode()).isEqualTo(400);
        assertThat(http.send(HttpRequest.newBuilder(endpoint).header(WebhookReceiver.SECRET_HEADER, SECRET).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(405);
        assertThat(http.send(HttpRequest.newBuilder(endpoint.resolve("/other")).header(WebhookReceiver.SECRET_HEADER, SECRET)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(404);
    }

    private static String update(long id, ObjectNode content) {
        ObjectNode update = JsonNodeFactory.instance.objectNode().put("update_id", id);
        update.setAll(content);
        return update.toString();
    }

    private HttpResponse<Void> post(String body, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header(WebhookReceiver.SECRET_HEADER, secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }
}
