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

/**
 * Webhook mode over HTTP: Telegram's side played by an HTTP client, replies seen at the fake Bot API server. The
 * bot holds what it takes in for a short lease here (a second, renewed while it runs), as several instances on one
 * database do for a minute.
 */
class WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SECRET = "hook-secret_0123456789";
    private static final Duration LEASE = Duration.ofSeconds(1);

    @TempDir
    Path folder;

    private BotHarness harness;
    private FakeBotApiServer server;
    private Map<String, String> env;
    private final ScriptedDialogue dialogue = new ScriptedDialogue();
    private URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startInWebhookMode() {
        harness = new BotHarness(folder);
        server = harness.server;
        env = harness.environment();
        env.put("TELEGRAM_WEBHOOK_URL", "https://bot.example.org/telegram/hook");
        env.put("TELEGRAM_WEBHOOK_SECRET", SECRET);
        endpoint = endpoint(harness.start(dialogue, options(), env));
    }

    private static TelegramOptions options() {
        return BotHarness.fastOptions().withWebhookBindPort(0).withWebhookLease(LEASE);
    }

    private static URI endpoint(TelegramBot bot) {
        return URI.create("http://127.0.0.1:" + bot.webhookPort().orElseThrow() + "/telegram/hook");
    }

    @AfterEach
    void stop() {
        dialogue.slowRelease.countDown();
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
    void anUpdateTakenInByAnInstanceThatDiedIsAnsweredOnceByAnotherWhenItsLeaseRunsOut() throws Exception {
        String update = update(1003, FakeUpdates.text(63, "متى سلموا التاجي؟"));
        // what a webhook instance killed after its 200 leaves behind: the claim with the update kept, never answered
        long claimed = System.nanoTime();
        HandledUpdates dead = new HandledUpdates(harness.database, "webhook-dead", LEASE);
        assertThat(dead.take(1003, 63, update)).isEqualTo(HandledUpdates.Claim.TAKEN);

        SentMessage answer = server.awaitSent(63, 1, WAIT).get(0);
        assertThat(answer.visibleText()).contains("متى سلموا التاجي؟");
        assertThat(Duration.ofNanos(answer.atNanos() - claimed)).as("not before the dead instance's lease ran out")
                .isGreaterThanOrEqualTo(LEASE);
        server.awaitQuiet(LEASE.multipliedBy(2), WAIT);
        assertThat(server.sentTo(63)).hasSize(1);
        assertThat(dead.isAnswered(1003)).isTrue();
    }

    @Test
    void anotherLiveInstanceNeverTakesOverAnUpdateAnInstanceIsStillAnsweringPastItsLease() throws Exception {
        ScriptedDialogue slow = new ScriptedDialogue();
        TelegramBot holder = TelegramBot.start(org.handoverbot.config.Settings.from(env), slow, harness.database, options());
        try {
            // this bot (sweeping every third of a second) may take it over only if the holder stops renewing
            assertThat(post(endpoint(holder), update(1004, FakeUpdates.text(64, ScriptedDialogue.SLOW)), SECRET)
                    .statusCode()).isEqualTo(200);
            assertThat(slow.slowStarted.await(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)).isTrue();
            Thread.sleep(LEASE.multipliedBy(3).toMillis());
            assertThat(dialogue.slowStarted.getCount()).as("the other instance never began answering it").isEqualTo(1);
            assertThat(server.sentTo(64)).as("no reply from another instance while the holder answers").isEmpty();
            slow.slowRelease.countDown();
            server.awaitSent(64, 1, WAIT);
            server.awaitQuiet(LEASE.multipliedBy(2), WAIT);
            assertThat(server.sentTo(64)).as("answered once, by the holder").hasSize(1);
        } finally {
            slow.slowRelease.countDown();
            holder.close();
        }
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
        return post(endpoint, body, secret);
    }

    private HttpResponse<Void> post(URI to, String body, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(to).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header(WebhookReceiver.SECRET_HEADER, secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }
}
