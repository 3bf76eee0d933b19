package org.handoverbot.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.handoverbot.answer.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Gets a reply into a chat: rendered to Telegram HTML messages (a long reply is several), buttons under the
 * last one, each through the {@link OutboundGate} (the chat's, the group's and the overall limits, replies
 * before alerts). Telegram's refusals are met as they should be: 429 has paused every sender in the gate, so
 * the reply waits with them and goes again (it does not count as an attempt); 403 (blocked by the user) stops
 * at once; 401 (the token was revoked) stops too, the gate stops the bot; a server error or lost connection is
 * retried a few times with back-off, one log line each; HTML Telegram can't parse goes again as plain text
 * rather than not at all.
 */
final class ReplySender {

    private static final Logger LOG = LoggerFactory.getLogger(ReplySender.class);

    /** What became of a reply. */
    enum Delivery { SENT, NOTHING_TO_SEND, BLOCKED, FAILED }

    private final OutboundGate gate;
    private final Function<Reply, List<String>> renderer;
    private final int maxAttempts;
    private final Duration callTimeout;
    private final Duration firstRetry;
    /** The longest wait between retries; made once (Duration.multipliedBy works through BigDecimal). */
    private final Duration lastRetry;
    private final java.util.function.LongConsumer onChatBlocked;

    ReplySender(OutboundGate gate, Function<Reply, List<String>> renderer, int maxAttempts, Duration callTimeout,
                Duration firstRetry, java.util.function.LongConsumer onChatBlocked) {
        this.gate = gate;
        this.renderer = renderer;
        this.maxAttempts = maxAttempts;
        this.callTimeout = callTimeout;
        this.firstRetry = firstRetry;
        this.lastRetry = firstRetry.multipliedBy(16);
        this.onChatBlocked = onChatBlocked;
    }

    Delivery send(long chatId, Reply reply) throws InterruptedException {
        return send(chatId, reply, java.util.Optional.empty());
    }

    /** inReplyTo: the message the first part answers (groups); sent anyway if that message is gone. */
    Delivery send(long chatId, Reply reply, java.util.Optional<Integer> inReplyTo) throws InterruptedException {
        return send(chatId, reply, inReplyTo, () -> { });
    }

    /**
     * As {@link #send(long, Reply, java.util.Optional)}; beforeFirstSend runs once, when the first message has its
     * turn at the send limits and is about to leave (the update's "answered" mark), and not at all when nothing is
     * sent or the wait for the turn is interrupted.
     */
    Delivery send(long chatId, Reply reply, java.util.Optional<Integer> inReplyTo, Runnable beforeFirstSend)
            throws InterruptedException {
        List<String> messages = renderer.apply(reply);
        if (messages.isEmpty()) {
            return Delivery.NOTHING_TO_SEND;
        }
        for (int i = 0; i < messages.size(); i++) {
            SendMessage message = new ReplyMessage(chatId, messages.get(i));
            message.setParseMode("HTML");
            message.setLinkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
            if (i == 0 && inReplyTo.isPresent()) {
                message.setReplyParameters(org.telegram.telegrambots.meta.api.objects.ReplyParameters.builder()
                        .messageId(inReplyTo.get()).allowSendingWithoutReply(true).build());
            }
            if (i == messages.size() - 1 && !reply.buttons().isEmpty()) {
                message.setReplyMarkup(keyboard(reply.buttons()));
            }
            Delivery delivery = deliver(chatId, message, i == 0 ? beforeFirstSend : () -> { });
            if (delivery != Delivery.SENT) {
                return delivery;
            }
        }
        return Delivery.SENT;
    }

    /** Stops the spinner on a pressed button; failing that is only logged (the answer still comes as a message). */
    void acknowledge(String callbackQueryId) throws InterruptedException {
        try {
            gate.client().executeAsync(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build())
                    .get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TelegramApiException | TimeoutException e) {
            LOG.warn("could not acknowledge a button press: {}", gate.describe(OutboundGate.cause(e)));
        }
    }

    private Delivery deliver(long chatId, SendMessage message, Runnable beforeSend) throws InterruptedException {
        Recipient to = Recipient.chat(chatId);
        Backoff backoff = null; // only a failed send needs one
        int attempt = 0;
        boolean leaving = false;
        while (true) {
            SendLimiter.Turn turn = gate.awaitTurn(to, SendLimiter.Priority.REPLY, () -> false);
            if (!leaving) {
                leaving = true;
                beforeSend.run();
            }
            Throwable failure;
            try {
                gate.send(turn, to, message, callTimeout).get();
                return Delivery.SENT;
            } catch (ExecutionException e) {
                failure = OutboundGate.cause(e);
            } catch (TelegramApiException e) {
                failure = e;
            }
            int code = OutboundGate.errorCode(failure);
            String description = gate.describe(failure);
            if (code == 429) {
                continue; // the gate pauses every sender for retry_after; this is not the message's fault
            }
            if (code == 401) {
                return Delivery.FAILED; // the token was revoked: the gate stops the bot, with one line
            }
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
            attempt++;
            if (attempt >= maxAttempts || (code >= 400 && code < 500)) {
                LOG.error("could not send to chat {}: {}", chatId, failure instanceof TimeoutException
                        ? "no answer within " + callTimeout.toSeconds() + " s" : description);
                return Delivery.FAILED;
            }
            if (backoff == null) {
                backoff = new Backoff(firstRetry, lastRetry);
            }
            long wait = backoff.nextBackOffMillis();
            LOG.warn("reply to chat {} not sent ({}); trying again in {} ms", chatId, failure instanceof TimeoutException
                    ? "no answer within " + callTimeout.toSeconds() + " s" : description, wait);
            Thread.sleep(wait);
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
