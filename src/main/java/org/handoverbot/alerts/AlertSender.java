package org.handoverbot.alerts;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.handoverbot.config.Durations;
import org.handoverbot.telegram.OutboundGate;
import org.handoverbot.telegram.Recipient;
import org.handoverbot.telegram.SendLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The background loop that delivers the outbox through the bot's {@link OutboundGate}: claim a batch; for each
 * row wait for its turn (the chat's and the overall limits, behind any reply, after any 429 pause), mark it
 * 'sending', send it, and mark it 'sent' when Telegram answers (see {@link AlertOutbox} for why a crash
 * between the last two steps closes the row instead of resending it). One thread paces; up to maxInFlight
 * requests wait for their answers at once, so a slow round trip does not slow the pace.
 *
 * <p>Telegram's answers steer the rest. 429: the gate pauses every sender, the row goes again without counting.
 * 403 (blocked, kicked) unsubscribes the chat and fails its alerts. Other refusals retry with exponential
 * back-off and fail after maxAttempts with the reason kept. A server that can't be reached (the request never
 * left) is an outage, not the row's fault: the sender waits with back-off, one log line a try, and no attempt
 * is counted, so an outage delays alerts and never drops them. No answer within sendTimeout, or a connection
 * lost mid-request, ends the row as "outcome unknown" (it may have been shown, so it is not resent). Alerts
 * still unsent after maxAge expire with a note instead of arriving stale.
 */
public final class AlertSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertSender.class);
    private static final Duration HOUSEKEEPING = Duration.ofSeconds(5);
    /** Longest wait on close for answers to requests in flight; a row still unanswered then ends "outcome unknown". */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final AlertOutbox outbox;
    private final Subscriptions subscriptions;
    private final AlertTexts texts;
    private final OutboundGate gate;
    private final SenderSettings settings;
    private final Clock clock;
    private final Semaphore inFlight;
    private final Thread thread;
    private final int batchSize;
    private final AtomicLong sent = new AtomicLong();
    private final Object outageLock = new Object();
    private volatile boolean stopping;
    private volatile long outageUntilNanos;
    private int outageTries; // guarded by outageLock
    private long nextHousekeepingNanos;

    public AlertSender(AlertOutbox outbox, Subscriptions subscriptions, AlertTexts texts, OutboundGate gate,
                       SenderSettings settings, Clock clock) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.texts = texts;
        this.gate = gate;
        this.settings = settings;
        this.clock = clock;
        this.inFlight = new Semaphore(settings.maxInFlight());
        // A batch must go out well within its lease, or its last rows would be taken over before their turn.
        double paced = gate.limits().overallPerSecond() * gate.limits().alertShare() * gate.limits().headroom();
        this.batchSize = (int) Math.max(1, Math.min(settings.batchSize(), paced * settings.claimLease().toSeconds() / 2));
        this.thread = new Thread(this::run, "alert-sender");
        this.thread.setDaemon(true);
        this.outageUntilNanos = System.nanoTime();
        this.nextHousekeepingNanos = System.nanoTime();
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
     * Stops taking new rows, waits a little for the answers to requests in flight (so each is recorded sent or
     * not), gives back the rows it reserved and returns.
     */
    @Override
    public void close() {
        stopping = true;
        LockSupport.unpark(thread);
        try {
            thread.join(closeWait().plusSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (!stopping) {
            try {
                housekeeping();
                waitWhileHeld();
                if (stopping) {
                    break;
                }
                List<OutboxRow> batch = outbox.claim(settings.instance(), batchSize, clock.instant(), settings.claimLease());
                if (batch.isEmpty()) {
                    sleep(settings.idlePoll().toNanos());
                    continue;
                }
                // Rows left when an outage or a revoked token holds the batch stay reserved and are claimed again by
                // this instance afterwards (or by another once the lease ends); on stopping they are given back.
                for (OutboxRow row : batch) {
                    if (stopping || held()) {
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
        Recipient to = Recipient.of(row.recipient(), row.channel());
        long recipientWait = gate.recipientWait(to);
        if (recipientWait > 0) {
            outbox.postpone(row.id(), settings.instance(), clock.instant().plusNanos(recipientWait));
            return;
        }
        Optional<String> html = texts.htmlFor(row);
        if (html.isEmpty()) {
            outbox.fail(row.id(), "event " + row.eventId() + " is no longer in the knowledge base");
            return;
        }
        // A free request slot, the turn, then the step to 'sending' right before the request: a crash can only
        // strand (close unsent) the alerts whose request was really about to leave or in flight.
        if (!acquireSlot()) {
            return;
        }
        boolean dispatched = false;
        try {
            SendLimiter.Turn turn = gate.awaitTurn(to, SendLimiter.Priority.ALERT, () -> stopping || held());
            if (turn == null) {
                return; // stopping, or an outage began meanwhile: the row stays claimed by this instance
            }
            if (!outbox.beginSending(row.id(), settings.instance(), clock.instant(), settings.inFlightLease())) {
                turn.answered();
                return; // another instance took the row over after our lease ran out
            }
            dispatched = dispatch(row, to, html.get(), turn);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            if (!dispatched) {
                inFlight.release();
            }
        }
    }

    /** Sends; the answer is handled on the client's thread, which gives the slot back. */
    private boolean dispatch(OutboxRow row, Recipient to, String html, SendLimiter.Turn turn) {
        SendMessage message = SendMessage.builder().chatId(row.recipient()).text(html).parseMode("HTML")
                .disableWebPagePreview(true).build();
        try {
            gate.send(turn, to, message, settings.sendTimeout()).whenComplete((accepted, error) -> {
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
            outbox.fail(row.id(), "invalid message: " + e.getMessage());
            return false;
        }
    }

    private void answered(OutboxRow row, Message accepted, Throwable error) {
        if (error == null) {
            outbox.markSent(row.id(), accepted == null || accepted.getMessageId() == null ? 0 : accepted.getMessageId(),
                    clock.instant());
            sent.incrementAndGet();
            outageOver();
            return;
        }
        Throwable cause = OutboundGate.cause(error);
        int code = OutboundGate.errorCode(cause);
        Instant now = clock.instant();
        String reason = gate.describe(cause);
        if (code == 429) {
            // The gate paused every sender; the row waits with them, the attempt is given back.
            outbox.retryLater(row.id(), now.plusNanos(gate.pauseLeftNanos()), reason, false);
        } else if (code == 401) {
            // The token was revoked: the bot stops; the alert stays queued for a start with a valid token.
            outbox.retryLater(row.id(), now, reason, false);
        } else if (code == 403) {
            blocked(row, reason);
        } else if (code > 0) {
            outageOver();
            retryOrGiveUp(row, now, reason);
        } else if (unreachable(cause)) {
            // The request never reached Telegram: not the row's fault, and trying again cannot show it twice.
            outage(reason);
            outbox.retryLater(row.id(), now, "Telegram unreachable: " + reason, false);
        } else if (cause instanceof TimeoutException) {
            outbox.failOutcomeUnknown(row.id(), "outcome unknown: no answer within " + Durations.format(settings.sendTimeout())
                    + "; Telegram may have shown it, so it is not resent");
        } else if (cause instanceof IOException) {
            outbox.failOutcomeUnknown(row.id(), "outcome unknown: connection lost mid-request (" + reason
                    + "); Telegram may have shown it, so it is not resent");
        } else {
            retryOrGiveUp(row, now, reason);
        }
    }

    /** Failures where no request reached Telegram: nothing can have been shown. */
    static boolean unreachable(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException
                || cause instanceof SocketTimeoutException && String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("connect");
    }

    private void outage(String reason) {
        synchronized (outageLock) {
            long now = System.nanoTime();
            if (outageUntilNanos - now > 0) {
                return; // another request of the same outage: one line a try is enough
            }
            outageTries++;
            Duration wait = settings.backoffAfter(outageTries);
            outageUntilNanos = now + wait.toNanos();
            LOG.warn("Telegram unreachable ({}): alerts wait {} and try again (no attempt counted)", reason, Durations.format(wait));
        }
    }

    private void outageOver() {
        synchronized (outageLock) {
            if (outageTries > 0) {
                outageTries = 0;
                LOG.info("Telegram reachable again: alerts resume");
            }
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

    /** An outage or a revoked token holds sending (a 429 pause is waited out inside the gate). */
    private boolean held() {
        return outageUntilNanos - System.nanoTime() > 0 || gate.tokenRevoked();
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

    private Duration closeWait() {
        return settings.sendTimeout().compareTo(CLOSE_WAIT) < 0 ? settings.sendTimeout() : CLOSE_WAIT;
    }

    private void awaitAnswersInFlight() {
        try {
            if (inFlight.tryAcquire(settings.maxInFlight(), closeWait().plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS)) {
                inFlight.release(settings.maxInFlight());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void waitWhileHeld() {
        long wait;
        while (!stopping && ((wait = Math.max(outageUntilNanos - System.nanoTime(), gate.pauseLeftNanos())) > 0
                || gate.tokenRevoked())) {
            sleep(wait > 0 ? wait : settings.idlePoll().toNanos());
        }
    }

    private void housekeeping() {
        long now = System.nanoTime();
        if (now - nextHousekeepingNanos >= 0) {
            nextHousekeepingNanos = now + HOUSEKEEPING.toNanos();
            int closed = outbox.closeAbandonedSends(clock.instant());
            if (closed > 0) {
                LOG.warn("{} alerts were in flight when a sender stopped; closed as outcome unknown, not resent", closed);
            }
            int expired = outbox.expireQueuedBefore(clock.instant().minus(settings.maxAge()), "expired: not sent within "
                    + Durations.format(settings.maxAge()) + " of being queued (HANDOVER_ALERT_MAX_AGE); dropped rather than sent stale");
            if (expired > 0) {
                LOG.warn("{} alerts expired unsent after {} (see /queue)", expired, Durations.format(settings.maxAge()));
            }
        }
    }

    private void sleep(long nanos) {
        if (!stopping) {
            LockSupport.parkNanos(this, nanos);
        }
    }
}
