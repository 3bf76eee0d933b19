package org.handoverbot.telegram;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

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
 */
public record TelegramOptions(Function<Reply, List<String>> renderer, int workerThreads, int maxQueued,
                              int pollTimeoutSeconds, Duration firstRetry, Duration maxRetryWait, int maxStartAttempts,
                              int sendAttempts, Duration callTimeout, Duration shutdownGrace, int webhookBindPort,
                              java.util.function.LongConsumer onChatBlocked) {

    public TelegramOptions {
        if (workerThreads < 1 || maxQueued < 1 || pollTimeoutSeconds < 0 || pollTimeoutSeconds > 50 || sendAttempts < 1) {
            throw new IllegalArgumentException("bad Telegram options");
        }
    }

    /** Production defaults, rendering with the answer layer's Telegram HTML renderer. */
    public static TelegramOptions defaults() {
        return defaults(new TelegramHtmlRenderer()::render);
    }

    public static TelegramOptions defaults(Function<Reply, List<String>> renderer) {
        return new TelegramOptions(renderer, 16, 10_000, 50, Duration.ofMillis(500), Duration.ofSeconds(60), 0,
                5, Duration.ofSeconds(30), Duration.ofSeconds(20), -1, chatId -> { });
    }

    public TelegramOptions withWorkerThreads(int threads) {
        return new TelegramOptions(renderer, threads, maxQueued, pollTimeoutSeconds, firstRetry, maxRetryWait,
                maxStartAttempts, sendAttempts, callTimeout, shutdownGrace, webhookBindPort, onChatBlocked);
    }

    public TelegramOptions withPollTimeout(int seconds) {
        return new TelegramOptions(renderer, workerThreads, maxQueued, seconds, firstRetry, maxRetryWait,
                maxStartAttempts, sendAttempts, callTimeout, shutdownGrace, webhookBindPort, onChatBlocked);
    }

    public TelegramOptions withRetries(Duration first, Duration max, int startAttempts) {
        return new TelegramOptions(renderer, workerThreads, maxQueued, pollTimeoutSeconds, first, max,
                startAttempts, sendAttempts, callTimeout, shutdownGrace, webhookBindPort, onChatBlocked);
    }

    public TelegramOptions withWebhookBindPort(int port) {
        return new TelegramOptions(renderer, workerThreads, maxQueued, pollTimeoutSeconds, firstRetry, maxRetryWait,
                maxStartAttempts, sendAttempts, callTimeout, shutdownGrace, port, onChatBlocked);
    }

    public TelegramOptions withShutdownGrace(Duration grace) {
        return new TelegramOptions(renderer, workerThreads, maxQueued, pollTimeoutSeconds, firstRetry, maxRetryWait,
                maxStartAttempts, sendAttempts, callTimeout, grace, webhookBindPort, onChatBlocked);
    }

    public TelegramOptions withOnChatBlocked(java.util.function.LongConsumer listener) {
        return new TelegramOptions(renderer, workerThreads, maxQueued, pollTimeoutSeconds, firstRetry, maxRetryWait,
                maxStartAttempts, sendAttempts, callTimeout, shutdownGrace, webhookBindPort, listener);
    }
}
