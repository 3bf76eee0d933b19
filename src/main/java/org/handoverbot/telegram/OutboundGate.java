package org.handoverbot.telegram;

import java.io.Serializable;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import okhttp3.OkHttpClient;

/**
 * The one way out to Telegram for everything the bot puts into chats: replies and alerts leave through one
 * HTTP client, one {@link SendLimiter} (per chat, per group or channel, overall; replies before alerts) and
 * one {@link SendPause}: a 429 answered to any of them pauses all of them for its retry_after.
 *
 * <p>A sender asks for its turn ({@link #awaitTurn}), then sends with it ({@link #send}). Replies have
 * priority twice over: alerts may take only their share of the overall rate, and while a reply waits for the
 * overall turn no alert takes one. A 401 (the token was revoked while the bot runs) is told once to whoever
 * listens ({@link #onTokenRevoked}); it is not something any retry can cure.
 *
 * <p>The HTTP client never repeats a request by itself (OkHttp's retryOnConnectionFailure would re-send a POST
 * whose pooled connection broke, and the first may already have been shown, which alerts must never risk) and
 * never queues one behind others (a queued request leaves late and bunches up with the next): replies retry
 * on their own, alerts decide per row. Its threads are daemons and {@link #close()} ends them.
 */
public final class OutboundGate implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundGate.class);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);
    /** Longest single sleep while waiting for a turn, so a stop request is seen soon. */
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** How often an alert waiting behind replies looks again. */
    private static final long BEHIND_REPLIES_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** Requests the client runs at once: every reply worker and alert request, with room to spare. */
    private static final int MAX_PARALLEL = 64;

    private final TelegramClient client;
    private final OkHttpClient http;
    private final SendLimits limits;
    private final SendLimiter limiter;
    private final SendPause pause;
    private final Clock clock;
    private final TokenMask mask;
    private final AtomicInteger repliesWaiting = new AtomicInteger();
    private final AtomicBoolean revoked = new AtomicBoolean();
    private final AtomicReference<Consumer<String>> onRevoked = new AtomicReference<>(reason -> { });

    OutboundGate(TelegramClient client, OkHttpClient http, SendLimits limits, SendLimiter limiter, SendPause pause,
                 Clock clock, TokenMask mask) {
        this.client = client;
        this.http = http;
        this.limits = limits;
        this.limiter = limiter;
        this.pause = pause;
        this.clock = clock;
        this.mask = mask;
    }

    /** A gate with this process's own limiter and pause. answerWait: the longest wait for one answer. */
    public static OutboundGate open(String token, URI apiUrl, SendLimits limits, Duration answerWait) {
        return open(token, apiUrl, limits, new LocalSendLimiter(limits), new LocalSendPause(), answerWait);
    }

    /** A gate on a limiter and pause of the caller's (e.g. shared through the database by several instances). */
    public static OutboundGate open(String token, URI apiUrl, SendLimits limits, SendLimiter limiter, SendPause pause,
                                    Duration answerWait) {
        return open(token, TelegramBot.telegramUrl(apiUrl), limits, limiter, pause, answerWait);
    }

    /** A gate over a client of the caller's (a decorated one, in benchmarks); close() leaves that client alone. */
    public static OutboundGate over(TelegramClient client, String token, SendLimits limits) {
        return new OutboundGate(client, null, limits, new LocalSendLimiter(limits), new LocalSendPause(), Clock.systemUTC(),
                new TokenMask(token));
    }

    static OutboundGate open(String token, TelegramUrl url, SendLimits limits, SendLimiter limiter, SendPause pause,
                             Duration answerWait) {
        OkHttpClient http = HttpClients.createForSends("telegram-send", answerWait, MAX_PARALLEL);
        return new OutboundGate(new OkHttpTelegramClient(StoredUpdates.JSON, http, token, url), http, limits, limiter, pause,
                Clock.systemUTC(), new TokenMask(token));
    }

    /** The client itself, for calls that put nothing into a chat (getMe, setMyCommands, answerCallbackQuery). */
    public TelegramClient client() {
        return client;
    }

    public SendLimits limits() {
        return limits;
    }

    /** Nanoseconds until this recipient may get a message, without taking anything (alerts postpone instead). */
    public long recipientWait(Recipient to) {
        return limiter.recipientWait(to);
    }

    /** Nanoseconds left of the pause Telegram asked for (0: none). */
    public long pauseLeftNanos() {
        return Math.max(0, Duration.between(clock.instant(), pause.pausedUntil()).toNanos());
    }

    /** True once Telegram refused the token while running; nothing sent after that can succeed. */
    public boolean tokenRevoked() {
        return revoked.get();
    }

    /** Who to tell, once, that Telegram refused the token (401) while the bot was running. */
    public void onTokenRevoked(Consumer<String> listener) {
        onRevoked.set(listener);
    }

    /**
     * Waits for the turn to send one message to this recipient: the pause over, the recipient's and the
     * overall limits free, and for alerts no reply waiting. Null when stop said to stop first.
     */
    public SendLimiter.Turn awaitTurn(Recipient to, SendLimiter.Priority priority, BooleanSupplier stop)
            throws InterruptedException {
        boolean counted = false;
        try {
            while (!stop.getAsBoolean()) {
                long wait = pauseLeftNanos();
                if (wait == 0 && priority == SendLimiter.Priority.ALERT && repliesWaiting.get() > 0) {
                    wait = BEHIND_REPLIES_NANOS;
                }
                if (wait == 0) {
                    long recipient = limiter.recipientWait(to);
                    if (recipient > 0) {
                        // Waiting for its own chat holds no one else up: alerts go on meanwhile.
                        if (counted) {
                            repliesWaiting.decrementAndGet();
                            counted = false;
                        }
                        wait = recipient;
                    } else {
                        SendLimiter.Turn turn = limiter.tryTake(to, priority);
                        if (turn.waitNanos() <= 0) {
                            return turn;
                        }
                        wait = turn.waitNanos();
                        if (priority == SendLimiter.Priority.REPLY && !counted) {
                            repliesWaiting.incrementAndGet();
                            counted = true;
                        }
                    }
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(wait, SLICE_NANOS));
            }
            return null;
        } finally {
            if (counted) {
                repliesWaiting.decrementAndGet();
            }
        }
    }

    /**
     * Sends with a turn from {@link #awaitTurn}; the turn is given back when the answer comes (or none within
     * timeout: the future then fails with a TimeoutException). A 429 pauses every sender; a 401 is told to the
     * revocation listener. The future fails with what Telegram or the connection said, for the caller to judge;
     * a message the library refuses to send at all throws at once.
     */
    public <T extends Serializable> CompletableFuture<T> send(SendLimiter.Turn turn, Recipient to, BotApiMethod<T> method,
                                                               Duration timeout) throws TelegramApiException {
        return send(turn, to, c -> c.executeAsync(method), timeout);
    }

    /** A call the client makes in a way of its own (sendPhoto is multipart, not a BotApiMethod). */
    @FunctionalInterface
    public interface Call<T> {
        CompletableFuture<T> on(TelegramClient client) throws TelegramApiException;
    }

    /** As {@link #send(SendLimiter.Turn, Recipient, BotApiMethod, Duration)}, for any call that puts something into a chat. */
    public <T> CompletableFuture<T> send(SendLimiter.Turn turn, Recipient to, Call<T> method, Duration timeout)
            throws TelegramApiException {
        CompletableFuture<T> call;
        try {
            call = method.on(client);
        } catch (TelegramApiException | RuntimeException e) {
            turn.answered(); // refused by the library's own checks: nothing left
            throw e;
        }
        return call.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((result, error) -> {
            turn.answered();
            if (error != null) {
                refused(to, cause(error));
            }
        });
    }

    /** Telegram refused the token outside a send (the long poll got 401). */
    void tokenRefused(String where) {
        if (revoked.compareAndSet(false, true)) {
            onRevoked.get().accept("Telegram stopped accepting the bot token while the bot was running (401 Unauthorized on "
                    + where + "): it was revoked or replaced; set TELEGRAM_BOT_TOKEN to the current token from @BotFather");
        }
    }

    /** The exception inside CompletionException/ExecutionException wrappers. */
    public static Throwable cause(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Telegram's error code, or 0 when the failure was not an answer from Telegram. */
    public static int errorCode(Throwable cause) {
        return cause instanceof TelegramApiRequestException refusal && refusal.getErrorCode() != null ? refusal.getErrorCode() : 0;
    }

    private void refused(Recipient to, Throwable cause) {
        int code = errorCode(cause);
        if (code == 429) {
            Duration wait = retryAfter((TelegramApiRequestException) cause);
            Instant now = clock.instant();
            boolean pausedAlready = pause.pausedUntil().isAfter(now);
            pause.pauseUntil(now.plus(wait).plusMillis(50));
            if (!pausedAlready) {
                LOG.warn("Telegram asks to wait {} s (429 on a message to chat {}): every reply and alert waits",
                        wait.toSeconds(), to.chatId());
            }
        } else if (code == 401) {
            tokenRefused("sendMessage");
        } else if (code == 0 && cause instanceof java.io.IOException) {
            // The way to Telegram broke: no other message should go out on a pooled connection that may be dead.
            dropIdleConnections();
        }
    }

    private static Duration retryAfter(TelegramApiRequestException refusal) {
        Integer seconds = refusal.getParameters() == null ? null : refusal.getParameters().getRetryAfter();
        return seconds == null || seconds < 1 ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(seconds);
    }

    /** One line for a failure, token masked. */
    public String describe(Throwable error) {
        if (error instanceof TelegramApiRequestException refusal && refusal.getErrorCode() != null) {
            return refusal.getErrorCode() + " " + mask.mask(refusal.getApiResponse());
        }
        return mask.describe(error);
    }

    /**
     * Closes the idle pooled connections, so the next message opens a fresh one (after a network change; the
     * gate does it itself when a connection fails). A pooled connection that died unnoticed costs the message
     * sent on it: without OkHttp's own retry it ends "outcome unknown".
     */
    public void dropIdleConnections() {
        if (http != null) {
            http.connectionPool().evictAll();
        }
    }

    /** Cancels what is still in flight and lets the threads go; close the senders using the gate first. */
    @Override
    public void close() {
        if (http != null) {
            HttpClients.shutdown(http);
        }
    }
}
