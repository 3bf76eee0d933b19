package org.handoverbot.alerts;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The background loop that delivers the outbox: claim a batch; for each row wait for its chat's and the
 * overall pace, mark it 'sending', send it, and mark it 'sent' when Telegram answers (see {@link AlertOutbox}
 * for why a crash between the last two steps closes the row instead of resending it).
 * One thread paces, so the pacing is exact; up to maxInFlight requests wait for their answers at once, so a
 * slow round trip does not slow the pace. Telegram's answers steer the rest: 429 pauses every send for
 * retry_after and retries the row without counting it; 403 (blocked, kicked) unsubscribes the chat and fails
 * its alerts; other refusals, and servers that could not be reached, retry with exponential back-off and fail
 * after maxAttempts with the reason kept.
 */
public final class AlertSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertSender.class);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);
    private static final Duration ABANDONED_CHECK = Duration.ofSeconds(5);

    private final AlertOutbox outbox;
    private final Subscriptions subscriptions;
    private final AlertTexts texts;
    private final TelegramClient telegram;
    private final SenderSettings settings;
    private final Clock clock;
    private final AlertPacer pacer;
    private final Semaphore inFlight;
    private final Thread thread;
    private final int batchSize;
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean stopping;
    private volatile long pausedUntilNanos;
    private long nextAbandonedCheckNanos;

    public AlertSender(AlertOutbox outbox, Subscriptions subscriptions, AlertTexts texts, TelegramClient telegram,
                       SenderSettings settings, Clock clock) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.texts = texts;
        this.telegram = telegram;
        this.settings = settings;
        this.clock = clock;
        this.pacer = new AlertPacer(settings.limits());
        this.inFlight = new Semaphore(settings.maxInFlight());
        // A batch must go out well within its lease, or its last rows would be taken over before their turn.
        double paced = settings.limits().overallPerSecond() * settings.limits().headroom();
        this.batchSize = (int) Math.max(1, Math.min(settings.batchSize(), paced * settings.claimLease().toSeconds() / 2));
        this.thread = new Thread(this::run, "alert-sender");
        this.thread.setDaemon(true);
        this.pausedUntilNanos = System.nanoTime();
        this.nextAbandonedCheckNanos = System.nanoTime();
    }

    public AlertSender start() {
        thread.start();
        return this;
    }

    /** Alerts this instance got Telegram to accept since it started. */
    public long sentCount() {
        return sent.get();
    }

    /** Wakes the loop now instead of at its next poll (after an ingest in this process). */
    public void nudge() {
        LockSupport.unpark(thread);
    }

    /**
     * Stops taking new rows, waits for the answers to requests in flight (so each is recorded sent or not),
     * gives back the rows it reserved and returns; waits at most the send timeout and a little more.
     */
    @Override
    public void close() {
        stopping = true;
        LockSupport.unpark(thread);
        try {
            thread.join(settings.sendTimeout().plusSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (!stopping) {
            try {
                closeAbandonedSends();
                waitOutPause();
                if (stopping) {
                    break;
                }
                List<OutboxRow> batch = outbox.claim(settings.instance(), batchSize, clock.instant(), settings.claimLease());
                if (batch.isEmpty()) {
                    sleep(settings.idlePoll().toNanos());
                    continue;
                }
                // Rows left when a 429 pauses the batch stay reserved (the pause holds for every instance on this
                // token) and are claimed again by this instance afterwards; on stopping they are given back.
                for (OutboxRow row : batch) {
                    if (stopping || paused()) {
                        break;
                    }
                    deliver(row);
                }
            } catch (RuntimeException e) {
                // The loop must outlive a database hiccup; the rows stay in the table for the next turn.
                LOG.warn("alert sender: {}", e.getMessage());
                sleep(settings.idlePoll().toNanos());
            }
        }
        awaitAnswersInFlight();
        try {
            outbox.release(settings.instance());
        } catch (RuntimeException e) {
            LOG.warn("alert sender could not give back its claims (they expire with the lease): {}", e.getMessage());
        }
    }

    private void deliver(OutboxRow row) {
        long recipientWait = pacer.recipientWait(row);
        if (recipientWait > 0) {
            outbox.postpone(row.id(), settings.instance(), clock.instant().plusNanos(recipientWait));
            return;
        }
        Optional<String> html = texts.htmlFor(row);
        if (html.isEmpty()) {
            outbox.fail(row.id(), "event " + row.eventId() + " is no longer in the knowledge base");
            return;
        }
        // A free request slot, the pace, then the step to 'sending' right before the request: a crash can only
        // strand (close unsent) the alerts whose request was really about to leave or in flight.
        if (!acquireSlot()) {
            return;
        }
        boolean dispatched = false;
        try {
            if (paused() || !awaitOverallToken() || paused()) {
                return; // stopping, or a 429 came back meanwhile: the row stays claimed by this instance
            }
            if (!outbox.beginSending(row.id(), settings.instance(), clock.instant(), settings.inFlightLease())) {
                return; // another instance took the row over after our lease ran out
            }
            dispatched = dispatch(row, html.get(), pacer.leaving(row));
        } finally {
            if (!dispatched) {
                inFlight.release();
            }
        }
    }

    /** Sends; the answer is handled on the client's thread, which gives the slot back. */
    private boolean dispatch(OutboxRow row, String html, AlertPacer.Sent leaving) {
        SendMessage message = SendMessage.builder().chatId(row.recipient()).text(html).parseMode("HTML")
                .disableWebPagePreview(true).build();
        try {
            telegram.executeAsync(message)
                    .orTimeout(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((accepted, error) -> {
                        leaving.answered();
                        try {
                            answered(row, accepted, error);
                        } catch (RuntimeException e) {
                            LOG.warn("alert {} to {}: could not record the answer: {}", row.eventId(), row.recipient(), e.getMessage());
                        } finally {
                            inFlight.release();
                        }
                    });
            return true;
        } catch (TelegramApiException | RuntimeException e) {
            // Refused before any request left (the library's own checks): trying again cannot help.
            leaving.answered();
            outbox.fail(row.id(), "invalid message: " + e.getMessage());
            return false;
        }
    }

    private void answered(OutboxRow row, Message accepted, Throwable error) {
        if (error == null) {
            outbox.markSent(row.id(), accepted == null || accepted.getMessageId() == null ? 0 : accepted.getMessageId(),
                    clock.instant());
            sent.incrementAndGet();
            return;
        }
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        Instant now = clock.instant();
        if (cause instanceof TelegramApiRequestException refusal && refusal.getErrorCode() != null) {
            int code = refusal.getErrorCode();
            String reason = code + " " + refusal.getApiResponse();
            if (code == 429) {
                Duration wait = retryAfter(refusal);
                pausedUntilNanos = System.nanoTime() + wait.toNanos();
                outbox.retryLater(row.id(), now.plus(wait), reason, false);
                LOG.info("Telegram asked to slow down: pausing alerts for {} s", wait.toSeconds());
            } else if (code == 403) {
                blocked(row, reason);
            } else {
                retryOrGiveUp(row, now, reason);
            }
        } else if (cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException) {
            // The request never reached Telegram, so trying again cannot show it twice.
            retryOrGiveUp(row, now, "Telegram unreachable: " + cause);
        } else if (cause instanceof TimeoutException) {
            outbox.fail(row.id(), "no answer within " + settings.sendTimeout().toSeconds()
                    + " s: Telegram may have shown it, so it is not resent");
        } else if (cause instanceof IOException) {
            outbox.fail(row.id(), "connection lost mid-request (" + cause + "): Telegram may have shown it, so it is not resent");
        } else {
            retryOrGiveUp(row, now, String.valueOf(cause));
        }
    }

    private void blocked(OutboxRow row, String reason) {
        outbox.fail(row.id(), reason);
        if (row.channel()) {
            LOG.warn("the alert channel {} refused the bot ({}): check that the bot is an admin there", row.recipient(), reason);
            return;
        }
        try {
            long chatId = Long.parseLong(row.recipient());
            subscriptions.unsubscribe(chatId);
            outbox.failAllPendingFor(row.recipient(), "chat unsubscribed after " + reason);
        } catch (NumberFormatException e) {
            LOG.warn("recipient {} is not a chat id", row.recipient());
        }
    }

    private void retryOrGiveUp(OutboxRow row, Instant now, String reason) {
        int attempts = row.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            outbox.fail(row.id(), "gave up after " + attempts + " attempts: " + reason);
        } else {
            outbox.retryLater(row.id(), now.plus(settings.backoffAfter(attempts)), reason, true);
        }
    }

    private static Duration retryAfter(TelegramApiRequestException refusal) {
        Integer seconds = refusal.getParameters() == null ? null : refusal.getParameters().getRetryAfter();
        return seconds == null || seconds < 1 ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(seconds);
    }

    private boolean paused() {
        return pausedUntilNanos - System.nanoTime() > 0;
    }

    private boolean acquireSlot() {
        while (!stopping) {
            try {
                if (inFlight.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private boolean awaitOverallToken() {
        long wait;
        while ((wait = pacer.tryOverall()) > 0) {
            if (stopping) {
                return false;
            }
            sleep(wait);
        }
        return true;
    }

    private void awaitAnswersInFlight() {
        try {
            if (inFlight.tryAcquire(settings.maxInFlight(), settings.sendTimeout().plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS)) {
                inFlight.release(settings.maxInFlight());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void waitOutPause() {
        long wait;
        while (!stopping && (wait = pausedUntilNanos - System.nanoTime()) > 0) {
            sleep(wait);
        }
    }

    private void closeAbandonedSends() {
        long now = System.nanoTime();
        if (now - nextAbandonedCheckNanos >= 0) {
            nextAbandonedCheckNanos = now + ABANDONED_CHECK.toNanos();
            int closed = outbox.closeAbandonedSends(clock.instant());
            if (closed > 0) {
                LOG.warn("{} alerts were in flight when a sender stopped; closed as failed, not resent", closed);
            }
        }
    }

    private void sleep(long nanos) {
        if (!stopping) {
            LockSupport.parkNanos(this, nanos);
        }
    }
}
