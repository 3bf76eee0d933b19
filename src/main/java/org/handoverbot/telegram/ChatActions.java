package org.handoverbot.telegram;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * "typing…" and "sending a photo…" in a chat (sendChatAction). An answer that is still being composed after
 * a moment shows typing, renewed every 4 s while it lasts (Telegram shows an action for 5 s or until the bot's
 * next message); a fast answer shows nothing, since the action would only flicker. Actions are fire-and-forget:
 * one that fails changes nothing for the reply, so it is only logged.
 */
final class ChatActions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatActions.class);
    private static final Duration RENEW = Duration.ofSeconds(4);

    private final TelegramClient client;
    private final TokenMask mask;
    private final Optional<Duration> typingAfter;
    private final ScheduledExecutorService timer;

    ChatActions(TelegramClient client, TokenMask mask, Optional<Duration> typingAfter) {
        this.client = client;
        this.mask = mask;
        this.typingAfter = typingAfter;
        this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("telegram-typing"));
    }

    /** Runs the work; if it takes longer than the typing threshold, the chat shows typing until it is done. */
    <T> T typingWhile(long chatId, Supplier<T> work) {
        if (typingAfter.isEmpty() || timer.isShutdown()) {
            return work.get();
        }
        ScheduledFuture<?> typing;
        try {
            typing = timer.scheduleAtFixedRate(() -> send(chatId, ActionType.TYPING),
                    typingAfter.get().toMillis(), RENEW.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            return work.get();
        }
        try {
            return work.get();
        } finally {
            typing.cancel(false);
        }
    }

    /**
     * Shown at once: a picture takes a moment to draw and upload. The result completes when Telegram has answered
     * (or the action could not go): the photo waits for it, briefly, so that the indicator never arrives after
     * the photo and lingers (under load the asynchronous action lost that race).
     */
    CompletableFuture<?> uploadingPhoto(long chatId) {
        return send(chatId, ActionType.UPLOAD_PHOTO);
    }

    /** Waits at most the given time for an action to be answered; it is only an indicator, so never longer. */
    static void awaitShown(CompletableFuture<?> action, Duration atMost) {
        try {
            action.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // not shown, or late: the photo goes anyway
        }
    }

    private CompletableFuture<?> send(long chatId, ActionType action) {
        try {
            return client.executeAsync(SendChatAction.builder().chatId(chatId).action(action.toString()).build())
                    .whenComplete((ok, failure) -> {
                        if (failure != null) {
                            LOG.debug("chat action {} in chat {} not shown: {}", action, chatId, mask.describe(failure));
                        }
                    });
        } catch (TelegramApiException | RuntimeException e) {
            LOG.debug("chat action {} in chat {} not shown: {}", action, chatId, mask.describe(e));
            return CompletableFuture.completedFuture(null);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
