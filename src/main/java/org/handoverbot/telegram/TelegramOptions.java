package org.handoverbot.telegram;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import org.handoverbot.answer.Reply;
import org.handoverbot.answer.TelegramHtmlRenderer;

/**
 * How the Telegram side runs; the defaults suit production, tests shorten the waits.
 *
 * @param renderer          a reply as Telegram HTML messages, each within Telegram's limit
 * @param workerThreads     chats answered at the same time
 * @param maxQueued         updates waiting for a worker before intake slows down (polling) or refuses (webhook, 503)
 * @param pollTimeoutSeconds long-poll timeout of getUpdates (Telegram allows up to 50)
 * @param firstRetry        first wait after a failed call; waits double from there
 * @param maxRetryWait      longest wait between retries (start-up, polling, sends)
 * @param maxStartAttempts  attempts to reach Telegram at start before giving up; 0 = keep trying
 * @param sendAttempts      attempts per message before giving it up
 * @param callTimeout       longest wait for one Bot API call
 * @param shutdownGrace     how long close() lets queued and running replies finish
 * @param webhookBindPort   port the webhook endpoint listens on; -1 = the TELEGRAM_WEBHOOK_PORT setting, 0 = any free port
 * @param onChatBlocked     told the chat id when Telegram answers 403 to a reply (blocked, kicked): e.g. unsubscribe it
 * @param sendLimits        the limits of the one outbound gate replies and alerts share (Telegram's by default)
 * @param floodLimits       when one person's messages are a flood, answered with one "slow down"
 * @param sendLimiter       makes the gate's limiter from the limits: this process's own by default; one shared
 *                          by several instances (e.g. bucket4j buckets in PostgreSQL) can be given instead
 * @param sendPause         the gate's 429 pause: this process's own by default, or one shared by instances
 * @param webhookLease      webhook mode: how long an instance holds an update it took in (renewed while it runs)
 *                          before another instance, or this one restarted, may answer it instead
 */
public record TelegramOptions(Function<Reply, List<String>> renderer, int workerThreads, int maxQueued,
                              int pollTimeoutSeconds, Duration firstRetry, Duration maxRetryWait, int maxStartAttempts,
                              int sendAttempts, Duration callTimeout, Duration shutdownGrace, int webhookBindPort,
                              LongConsumer onChatBlocked, SendLimits sendLimits,
                              FloodLimits floodLimits, Function<SendLimits, SendLimiter> sendLimiter,
                              Supplier<SendPause> sendPause, Duration webhookLease) {

    public TelegramOptions {
        if (workerThreads < 1 || maxQueued < 1 || pollTimeoutSeconds < 0 || pollTimeoutSeconds > 50 || sendAttempts < 1
                || sendLimits == null || floodLimits == null || sendLimiter == null || sendPause == null
                || webhookLease == null || webhookLease.isNegative() || webhookLease.isZero()) {
            throw new IllegalArgumentException("bad Telegram options");
        }
    }

    /** Production defaults, rendering with the answer layer's Telegram HTML renderer. */
    public static TelegramOptions defaults() {
        return defaults(new TelegramHtmlRenderer()::render);
    }

    public static TelegramOptions defaults(Function<Reply, List<String>> renderer) {
        return new TelegramOptions(renderer, 16, 10_000, 50, Duration.ofMillis(500), Duration.ofSeconds(60), 0,
                5, Duration.ofSeconds(30), Duration.ofSeconds(20), -1, chatId -> { }, SendLimits.telegram(),
                FloodLimits.defaults(), LocalSendLimiter::new, LocalSendPause::new, HandledUpdates.WEBHOOK_LEASE);
    }

    public TelegramOptions withWorkerThreads(int threads) {
        return with(o -> o.workerThreads = threads);
    }

    public TelegramOptions withPollTimeout(int seconds) {
        return with(o -> o.pollTimeoutSeconds = seconds);
    }

    public TelegramOptions withRetries(Duration first, Duration max, int startAttempts) {
        return with(o -> {
            o.firstRetry = first;
            o.maxRetryWait = max;
            o.maxStartAttempts = startAttempts;
        });
    }

    public TelegramOptions withWebhookBindPort(int port) {
        return with(o -> o.webhookBindPort = port);
    }

    public TelegramOptions withWebhookLease(Duration lease) {
        return with(o -> o.webhookLease = lease);
    }

    public TelegramOptions withShutdownGrace(Duration grace) {
        return with(o -> o.shutdownGrace = grace);
    }

    public TelegramOptions withOnChatBlocked(LongConsumer listener) {
        return with(o -> o.onChatBlocked = listener);
    }

    public TelegramOptions withSendLimits(SendLimits limits) {
        return with(o -> o.sendLimits = limits);
    }

    public TelegramOptions withFloodLimits(FloodLimits limits) {
        return with(o -> o.floodLimits = limits);
    }

    /** The gate's limiter and 429 pause from elsewhere, e.g. shared through the database by several instances. */
    public TelegramOptions withSharedGate(Function<SendLimits, SendLimiter> limiter, Supplier<SendPause> pause) {
        return with(o -> {
            o.sendLimiter = limiter;
            o.sendPause = pause;
        });
    }

    // Each with… names only what it changes, so a new option is added here once, not in every copy.
    private TelegramOptions with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    private static final class Copy {
        Function<Reply, List<String>> renderer;
        int workerThreads;
        int maxQueued;
        int pollTimeoutSeconds;
        Duration firstRetry;
        Duration maxRetryWait;
        int maxStartAttempts;
        int sendAttempts;
        Duration callTimeout;
        Duration shutdownGrace;
        int webhookBindPort;
        LongConsumer onChatBlocked;
        SendLimits sendLimits;
        FloodLimits floodLimits;
        Function<SendLimits, SendLimiter> sendLimiter;
        Supplier<SendPause> sendPause;
        Duration webhookLease;

        Copy(TelegramOptions o) {
            renderer = o.renderer;
            workerThreads = o.workerThreads;
            maxQueued = o.maxQueued;
            pollTimeoutSeconds = o.pollTimeoutSeconds;
            firstRetry = o.firstRetry;
            maxRetryWait = o.maxRetryWait;
            maxStartAttempts = o.maxStartAttempts;
            sendAttempts = o.sendAttempts;
            callTimeout = o.callTimeout;
            shutdownGrace = o.shutdownGrace;
            webhookBindPort = o.webhookBindPort;
            onChatBlocked = o.onChatBlocked;
            sendLimits = o.sendLimits;
            floodLimits = o.floodLimits;
            sendLimiter = o.sendLimiter;
            sendPause = o.sendPause;
            webhookLease = o.webhookLease;
        }

        TelegramOptions build() {
            return new TelegramOptions(renderer, workerThreads, maxQueued, pollTimeoutSeconds, firstRetry, maxRetryWait,
                    maxStartAttempts, sendAttempts, callTimeout, shutdownGrace, webhookBindPort, onChatBlocked,
                    sendLimits, floodLimits, sendLimiter, sendPause, webhookLease);
        }
    }
}
