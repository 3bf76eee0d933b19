package org.handoverbot.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.handoverbot.answer.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Gets a reply into a chat: rendered to Telegram HTML messages (a long reply is several), buttons under the
 * last one. Telegram's refusals are met as they should be: 429 holds that chat's replies for the retry_after it
 * names, then tries again; when a second chat gets a 429 within that time the limit is the overall one, and
 * every reply waits (flooding on earns longer bans), while one chatty user never holds up the others;
 * 403 (blocked by the user) stops at once, a server error or lost connection is retried a few times with
 * back-off, and HTML Telegram can't parse goes again as plain text rather than not at all.
 */
final class ReplySender {

    private static final Logger LOG = LoggerFactory.getLogger(ReplySender.class);

    /** What became of a reply. */
    enum Delivery { SENT, NOTHING_TO_SEND, BLOCKED, FAILED }

    private final TelegramClient client;
    private final Function<Reply, List<String>> renderer;
    private final TokenMask mask;
    private final int maxAttempts;
    private final Duration callTimeout;
    private final Duration firstRetry;
    private final java.util.concurrent.atomic.AtomicLong pausedUntilNanos = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
    private final java.util.concurrent.atomic.AtomicReference<TooMany> lastTooMany = new java.util.concurrent.atomic.AtomicReference<>();

    /** The latest 429: which chat, and until when it asked to wait. */
    private record TooMany(long chatId, long untilNanos) {
    }

    private final java.util.function.LongConsumer onChatBlocked;
    private final io.github.bucket4j.Bucket pace;

    ReplySender(TelegramClient client, Function<Reply, List<String>> renderer, TokenMask mask,
                int maxAttempts, Duration callTimeout, Duration firstRetry, java.util.function.LongConsumer onChatBlocked,
                int maxSendsPerSecond) {
        this.onChatBlocked = onChatBlocked;
        // Telegram refuses floods with 429 and, if they go on, longer bans: stay under its overall rate ourselves.
        this.pace = maxSendsPerSecond == 0 ? null : io.github.bucket4j.Bucket.builder()
                .addLimit(limit -> limit.capacity(maxSendsPerSecond).refillGreedy(maxSendsPerSecond, Duration.ofSeconds(1)))
                .build();
        this.client = client;
        this.renderer = renderer;
        this.mask = mask;
        this.maxAttempts = maxAttempts;
        this.callTimeout = callTimeout;
        this.firstRetry = firstRetry;
    }

    Delivery send(long chatId, Reply reply) throws InterruptedException {
        return send(chatId, reply, java.util.Optional.empty());
    }

    /** inReplyTo: the message the first part answers (groups); sent anyway if that message is gone. */
    Delivery send(long chatId, Reply reply, java.util.Optional<Integer> inReplyTo) throws InterruptedException {
        List<String> messages = renderer.apply(reply);
        if (messages.isEmpty()) {
            return Delivery.NOTHING_TO_SEND;
        }
        for (int i = 0; i < messages.size(); i++) {
            SendMessage.SendMessageBuilder<?, ?> message = SendMessage.builder().chatId(chatId).text(messages.get(i))
                    .parseMode("HTML").linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
            if (i == 0 && inReplyTo.isPresent()) {
                message.replyParameters(org.telegram.telegrambots.meta.api.objects.ReplyParameters.builder()
                        .messageId(inReplyTo.get()).allowSendingWithoutReply(true).build());
            }
            if (i == messages.size() - 1 && !reply.buttons().isEmpty()) {
                message.replyMarkup(keyboard(reply.buttons()));
            }
            Delivery delivery = deliver(chatId, message.build());
            if (delivery != Delivery.SENT) {
                return delivery;
            }
        }
        return Delivery.SENT;
    }

    /** Stops the spinner on a pressed button; failing that is only logged (the answer still comes as a message). */
    void acknowledge(String callbackQueryId) throws InterruptedException {
        try {
            execute(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build());
        } catch (TelegramApiException | TimeoutException e) {
            LOG.warn("could not acknowledge a button press: {}", mask.describe(e));
        }
    }

    private Delivery deliver(long chatId, SendMessage message) throws InterruptedException {
        Backoff backoff = new Backoff(firstRetry, firstRetry.multipliedBy(16));
        for (int attempt = 1; ; attempt++) {
            waitOutPause();
            if (pace != null) {
                pace.asBlocking().consume(1);
            }
            try {
                execute(message);
                return Delivery.SENT;
            } catch (TelegramApiRequestException e) {
                int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
                String description = mask.mask(e.getApiResponse());
                if (code == 403) {
                    LOG.info("chat {} blocked the bot or left it: {}", chatId, description);
                    try {
                        onChatBlocked.accept(chatId);
                    } catch (RuntimeException listenerFailed) {
                        LOG.error("handling the blocked chat {} failed: {}", chatId, listenerFailed.toString());
                    }
                    return Delivery.BLOCKED;
                }
                if (code == 400 && description.contains("can't parse entities") && "HTML".equals(message.getParseMode())) {
                    LOG.error("Telegram refused the reply's HTML ({}); sending it as plain text", description);
                    message.setParseMode(null);
                    message.setText(plainText(message.getText()));
                    continue;
                }
                if (attempt >= maxAttempts || (code >= 400 && code < 500 && code != 429)) {
                    LOG.error("could not send to chat {}: {} {}", chatId, code, description);
                    return Delivery.FAILED;
                }
                if (code == 429) {
                    int retryAfter = e.getParameters() == null || e.getParameters().getRetryAfter() == null
                            ? 1 : e.getParameters().getRetryAfter();
                    LOG.warn("Telegram asks to wait {} s before sending to chat {}", retryAfter, chatId);
                    long now = System.nanoTime();
                    long until = now + TimeUnit.SECONDS.toNanos(retryAfter) + TimeUnit.MILLISECONDS.toNanos(50);
                    TooMany before = lastTooMany.getAndSet(new TooMany(chatId, until));
                    if (before != null && before.chatId() != chatId && before.untilNanos() - now > 0) {
                        LOG.warn("several chats got 429: every reply waits {} s", retryAfter);
                        pausedUntilNanos.accumulateAndGet(until, (a, b) -> a - b > 0 ? a : b);
                    }
                    TimeUnit.NANOSECONDS.sleep(until - now);
                } else {
                    Thread.sleep(backoff.nextBackOffMillis());
                }
            } catch (TelegramApiException | TimeoutException e) {
                if (attempt >= maxAttempts) {
                    LOG.error("could not send to chat {}: {}", chatId, mask.describe(e));
                    return Delivery.FAILED;
                }
                Thread.sleep(backoff.nextBackOffMillis());
            }
        }
    }

    private void waitOutPause() throws InterruptedException {
        long left;
        while ((left = pausedUntilNanos.get() - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    // executeAsync with a timeout: the synchronous execute() can hang forever on a malformed answer.
    private <T extends java.io.Serializable> T execute(BotApiMethod<T> method)
            throws TelegramApiException, TimeoutException, InterruptedException {
        CompletableFuture<T> call = client.executeAsync(method);
        try {
            return call.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TelegramApiException api) {
                throw api;
            }
            throw new TelegramApiException(mask.describe(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            call.cancel(true);
            throw e;
        }
    }

    static InlineKeyboardMarkup keyboard(List<Reply.Button> buttons) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        InlineKeyboardRow row = new InlineKeyboardRow();
        for (Reply.Button button : buttons) {
            if (row.size() == 2) {
                rows.add(row);
                row = new InlineKeyboardRow();
            }
            row.add(InlineKeyboardButton.builder().text(button.label()).callbackData(button.callbackData()).build());
        }
        rows.add(row);
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    /** Telegram HTML as the text a user would have seen, for the plain-text retry. */
    static String plainText(String html) {
        return html.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&");
    }
}
