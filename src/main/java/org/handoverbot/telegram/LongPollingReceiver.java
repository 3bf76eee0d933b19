package org.handoverbot.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;


import okhttp3.OkHttpClient;

/**
 * Long polling with TelegramBots' own session, given what it lacks by default: our executor and HTTP client
 * (so close() really ends the poll and its threads), a back-off capped at a minute that says in one line what
 * went wrong ({@link PollingWatch}), and the update kinds the bot handles. The session calls deleteWebhook itself when it starts.
 */
final class LongPollingReceiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LongPollingReceiver.class);

    static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "channel_post", "callback_query",
            "inline_query", "chosen_inline_result", "my_chat_member");

    private final TelegramBotsLongPollingApplication application;
    private final ScheduledExecutorService poller;
    private final OkHttpClient http;
    private final StoppableCalls calls;

    private LongPollingReceiver(TelegramBotsLongPollingApplication application, ScheduledExecutorService poller,
                                OkHttpClient http, StoppableCalls calls) {
        this.application = application;
        this.poller = poller;
        this.http = http;
        this.calls = calls;
    }

    static LongPollingReceiver start(String token, TelegramUrl url, UpdateIntake intake, TelegramOptions options, TokenMask mask,
                                     OutboundGate gate) {
        OkHttpClient http = HttpClients.create("telegram-poll", Duration.ofSeconds(options.pollTimeoutSeconds() + 20L), 4);
        URI apiUrl = URI.create(url.getSchema() + "://" + url.getHost() + ":" + url.getPort());
        PollingWatch watch = new PollingWatch(new Backoff(options.firstRetry(), options.maxRetryWait()), gate, mask, apiUrl);
        StoppableCalls calls = new StoppableCalls(http);
        // The watch first, so it sees what the library sees (StoppableCalls runs the real call itself).
        OkHttpClient.Builder watched = calls.outer().newBuilder();
        watched.interceptors().add(0, watch);
        // Before StoppableCalls, which runs the real call itself: this one sees the answer it returns.
        UpdatesAsSent asSent = new UpdatesAsSent();
        watched.interceptors().add(1, asSent);
        OkHttpClient polling = watched.build();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("telegram-poll"));
        TelegramBotsLongPollingApplication application = new TelegramBotsLongPollingApplication(() -> StoredUpdates.JSON, () -> polling,
                () -> poller, () -> watch);
        LongPollingReceiver receiver = new LongPollingReceiver(application, poller, http, calls);
        try {
            application.registerBot(token, () -> url, lastUpdateId -> GetUpdates.builder()
                    .offset(lastUpdateId + 1).limit(100).timeout(options.pollTimeoutSeconds())
                    .allowedUpdates(ALLOWED_UPDATES).build(), updates -> intake.consume(updates, asSent::json));
        } catch (TelegramApiException e) {
            receiver.close();
            throw new TelegramStartException("could not start long polling: " + mask.describe(e));
        }
        LOG.info("long polling started");
        return receiver;
    }

    @Override
    public void close() {
        // The session only cancels its schedule; the long poll in flight ends here, as an empty answer.
        calls.stop();
        try {
            application.close();
        } catch (Exception e) {
            LOG.warn("closing long polling: {}", e.toString());
        }
        poller.shutdown();
        try {
            if (!poller.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("the polling thread did not stop within 5 s");
                poller.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        HttpClients.shutdown(http);
    }
}
