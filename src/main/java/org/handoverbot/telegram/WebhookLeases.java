package org.handoverbot.telegram;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhook mode's answer to a kill -9: Telegram never delivers again an update that got 200, so the claim keeps it
 * until it is answered and someone must answer what a dead instance held. At start and then every third of the
 * lease, this instance first renews the leases of the updates it has in hand (so no other instance takes over one
 * it is still answering, however long its queue), then takes in the kept, unanswered updates of the last 24 h whose
 * lease ran out: a killed instance's (this one before a restart, or another behind the same address). The claim
 * decides who answers each, so of several instances sweeping at once, one does.
 */
final class WebhookLeases implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookLeases.class);

    private final HandledUpdates handled;
    private final UpdateIntake intake;
    private final ScheduledExecutorService timer;
    private volatile boolean takingOver = true;

    private WebhookLeases(HandledUpdates handled, UpdateIntake intake) {
        this.handled = handled;
        this.intake = intake;
        this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("telegram-webhook-leases"));
    }

    /** Starts the rounds: the first at once, then one every third of the lease. */
    static WebhookLeases start(HandledUpdates handled, UpdateIntake intake, Duration lease) {
        WebhookLeases leases = new WebhookLeases(handled, intake);
        long every = Math.max(1, lease.toMillis() / 3);
        leases.timer.scheduleWithFixedDelay(leases::round, 0, every, TimeUnit.MILLISECONDS);
        return leases;
    }

    private void round() {
        try {
            handled.renewLeases();
        } catch (RuntimeException e) {
            LOG.warn("cannot renew the leases of the updates in hand: {}", e.toString());
        }
        if (!takingOver) {
            return;
        }
        try {
            // No wait for room: a full bot leaves them to the next round (or to another instance).
            intake.replayUnanswered(TelegramBot.REPLAY_WITHIN, Duration.ZERO);
        } catch (RuntimeException e) {
            LOG.warn("cannot look for updates left unanswered: {}", e.toString());
        }
    }

    /** Stopping: takes over nothing more, but keeps renewing while the replies in progress finish. */
    void stopTakingOver() {
        takingOver = false;
    }

    /** After the replies in progress: no more renewals (what is still unanswered goes to another instance). */
    @Override
    public void close() {
        takingOver = false;
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
