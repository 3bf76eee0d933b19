package org.handoverbot.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Where updates come in, from long polling or the webhook alike: each is claimed once (HandledUpdates), judged
 * by the {@link FloodGuard} (a flooding chat gets one "slow down" and then nothing until it calms down), queued
 * on its chat's lane, routed, marked answered and then answered. Nothing thrown here may reach the polling
 * library: an exception there would silently end polling for good.
 */
final class UpdateIntake implements LongPollingUpdateConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateIntake.class);

    /** What became of an update offered to the intake. */
    enum Intake { QUEUED, ALREADY_HANDLED, NOT_FOR_THE_BOT, NO_ROOM,
        /** Another instance on the same database has the update in hand: Telegram should ask again later. */
        BUSY_ELSEWHERE,
        /** Part of a flood from one person: told once to slow down, the rest not answered. */
        FLOODED }

    private final HandledUpdates handled;
    private final ChatLanes lanes;
    private final UpdateRouter router;
    private final ReplySender sender;
    private final FloodGuard floods;
    private final BotMetrics metrics;

    UpdateIntake(HandledUpdates handled, ChatLanes lanes, UpdateRouter router, ReplySender sender, FloodGuard floods) {
        this(handled, lanes, router, sender, floods, BotMetrics.none());
    }

    UpdateIntake(HandledUpdates handled, ChatLanes lanes, UpdateRouter router, ReplySender sender, FloodGuard floods,
                 BotMetrics metrics) {
        this.metrics = metrics;
        this.handled = handled;
        this.floods = floods;
        this.lanes = lanes;
        this.router = router;
        this.sender = sender;
    }

    /**
     * From long polling: the whole delivery is claimed in one transaction (a claim each, one commit), then each
     * update is queued; waits for room, which slows polling down when the bot is behind.
     */
    @Override
    public void consume(List<Update> updates) {
        consume(updates, StoredUpdates::json);
    }

    /** The same, each update's JSON (kept with its claim) given by the poll: Telegram's own, where it has it. */
    void consume(List<Update> updates, Function<Update, String> json) {
        takeIn(updates, Duration.ofMinutes(10), true, json);
    }

    /**
     * A delivery claimed in one transaction, then each update offered; returns how many were queued. An update
     * whose claim could not be recorded is answered anyway when fresh from Telegram (better than not at all), but
     * not when kept from earlier: another instance may be answering it.
     */
    private int takeIn(List<Update> updates, Duration waitForRoom, boolean answerUnrecorded, Function<Update, String> json) {
        Map<Long, HandledUpdates.Claim> claims;
        try {
            claims = handled.takeAll(updates.stream()
                    .filter(update -> UpdateRouter.chatOf(update).isPresent())
                    .map(update -> new HandledUpdates.Incoming(update.getUpdateId(), UpdateRouter.chatOf(update).getAsLong(),
                            json.apply(update)))
                    .toList());
        } catch (RuntimeException e) {
            LOG.error("cannot record updates {} to {}: {}", updates.get(0).getUpdateId(),
                    updates.get(updates.size() - 1).getUpdateId(), e.toString());
            claims = Map.of();
        }
        int queued = 0;
        for (Update update : updates) {
            if (!answerUnrecorded && !claims.containsKey(update.getUpdateId().longValue())) {
                continue;
            }
            try {
                Intake intake = offer(update, waitForRoom, claimedIn(claims));
                if (intake == Intake.NO_ROOM) {
                    LOG.warn("update {} not taken (shutting down or overloaded); it is taken in again later", update.getUpdateId());
                }
                queued += intake == Intake.QUEUED ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.error("update {} could not be taken in: {}", update.getUpdateId(), e.toString());
            }
        }
        return queued;
    }

    /**
     * At a start with long polling: takes in again what an earlier process took in and never answered (Telegram
     * counts those as delivered and will not send them again), received within the last `within`, as one
     * delivery. Returns how many were taken.
     */
    int replayUnanswered(Duration within) {
        return replayUnanswered(within, Duration.ofMinutes(10));
    }

    /**
     * The same with a wait for room of its own (webhook: at start and then now and then, taking over what a dead
     * instance held once its lease ran out, without holding up the renewals of this instance's leases).
     */
    int replayUnanswered(Duration within, Duration waitForRoom) {
        List<Update> kept = new java.util.ArrayList<>();
        for (String json : handled.unanswered(within)) {
            StoredUpdates.update(json).ifPresent(kept::add);
        }
        int queued = kept.isEmpty() ? 0 : takeIn(kept, waitForRoom, false, StoredUpdates::json);
        if (queued > 0) {
            LOG.info("answering {} question(s) taken in earlier by a process that is gone, never answered", queued);
        }
        return queued;
    }

    /** Takes the update in (or says why not), counted in the metrics by outcome. */
    Intake offer(Update update, Duration waitForRoom) {
        return offer(update, waitForRoom, handled::take);
    }

    /** The same, keeping Telegram's JSON of it with the claim until it is answered (the webhook; null: not kept). */
    Intake offer(Update update, String json, Duration waitForRoom) {
        return offer(update, waitForRoom, (updateId, chatId) -> handled.take(updateId, chatId, json));
    }

    /** How an update is claimed: on its own (the webhook) or as part of its delivery, claimed before. */
    @FunctionalInterface
    private interface Claimer {
        HandledUpdates.Claim claim(long updateId, long chatId);
    }

    /** The claims of a delivery made before; an update missing from them could not be claimed. */
    private static Claimer claimedIn(Map<Long, HandledUpdates.Claim> claims) {
        return (updateId, chatId) -> {
            HandledUpdates.Claim claim = claims.get(updateId);
            if (claim == null) {
                throw new IllegalStateException("its claim was not recorded");
            }
            return claim;
        };
    }

    private Intake offer(Update update, Duration waitForRoom, Claimer claimer) {
        Intake intake = take(update, waitForRoom, System.nanoTime(), claimer);
        metrics.update(intake.name().toLowerCase(java.util.Locale.ROOT));
        return intake;
    }

    private Intake take(Update update, Duration waitForRoom, long arrivedNanos, Claimer claimer) {
        OptionalLong chat = UpdateRouter.chatOf(update);
        if (chat.isEmpty()) {
            return Intake.NOT_FOR_THE_BOT;
        }
        long updateId = update.getUpdateId();
        boolean remembered = true;
        try {
            HandledUpdates.Claim claim = claimer.claim(updateId, chat.getAsLong());
            if (claim != HandledUpdates.Claim.TAKEN) {
                LOG.debug("update {} not taken: {}", updateId, claim);
                return claim == HandledUpdates.Claim.BUSY_ELSEWHERE ? Intake.BUSY_ELSEWHERE : Intake.ALREADY_HANDLED;
            }
        } catch (RuntimeException e) {
            // The database is failing (StoreException, a closed pool...): better to answer without the guard
            // against duplicates than not at all.
            LOG.error("cannot record update {}: {}; answering it anyway", updateId, e.toString());
            remembered = false;
        }
        boolean guarded = remembered;
        FloodGuard.Verdict verdict = fromOnePerson(update) ? floods.admit(chat.getAsLong()) : FloodGuard.Verdict.ANSWER;
        if (verdict == FloodGuard.Verdict.IGNORE) {
            if (guarded) {
                markAnswered(updateId);
            }
            return Intake.FLOODED;
        }
        Runnable work = verdict == FloodGuard.Verdict.SLOW_DOWN
                ? () -> slowDown(update, chat.getAsLong(), guarded) : () -> handle(update, guarded, arrivedNanos);
        try {
            if (lanes.submit(chat.getAsLong(), work, waitForRoom)) {
                return Intake.QUEUED;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        release(updateId);
        return Intake.NO_ROOM;
    }

    /** A private chat's message or a button press: one person, whose pace the flood guard judges. */
    private static boolean fromOnePerson(Update update) {
        return update.hasCallbackQuery()
                || update.hasMessage() && update.getMessage().getChat() != null && update.getMessage().getChat().isUserChat();
    }

    /** The update that tipped a chat into a flood: the one "slow down" instead of its answer. */
    private void slowDown(Update update, long chatId, boolean guarded) {
        long updateId = update.getUpdateId();
        LOG.info("chat {} sends faster than it can be answered: told once to slow down, its next messages go unanswered until it pauses", chatId);
        if (guarded) {
            markAnswered(updateId);
        }
        try {
            sender.send(chatId, FloodGuard.slowDown());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("update {} failed: {}", updateId, e.toString());
        }
    }

    private void markAnswered(long updateId) {
        try {
            handled.markAnswered(updateId);
        } catch (RuntimeException e) {
            LOG.error("cannot mark update {} answered: {}", updateId, e.toString());
        }
    }

    private void handle(Update update, boolean guarded, long arrivedNanos) {
        long updateId = update.getUpdateId();
        // Marked answered at the last moment before anything of the reply leaves (the reply's first HTTP call, after
        // its turn at the send limits): a kill while the reply waits its turn leaves the update for the next process.
        AnsweredMark mark = new AnsweredMark(updateId, guarded);
        try {
            UpdateRouter.Handling handling = router.route(update);
            if (Thread.currentThread().isInterrupted()) {
                // Stopping: nothing went out yet, so the next process may answer it instead.
                release(updateId);
                LOG.warn("stopped before answering update {}; it is answered after the restart", updateId);
                return;
            }
            if (handling.callbackQueryId().isPresent()) {
                // Not a reply: acknowledging a button twice (after a restart) shows the user nothing.
                sender.acknowledge(handling.callbackQueryId().get());
            }
            if (handling.reply().isPresent()) {
                ReplySender.Delivery delivery = sender.send(handling.chatId(), handling.reply().get(), handling.inReplyTo(), mark);
                metrics.reply(delivery.name().toLowerCase(java.util.Locale.ROOT), arrivedNanos);
            }
            mark.run(); // before anything else goes out, or when nothing did
            if (handling.outgoing().isPresent()) {
                handling.outgoing().get().send(handling.inReplyTo());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (mark.done()) {
                LOG.warn("stopped while answering update {}", updateId);
            } else {
                release(updateId);
                LOG.warn("stopped before answering update {}; it is answered after the restart", updateId);
            }
        } catch (RuntimeException e) {
            LOG.error("update {} failed: {}", updateId, e.toString(), e);
        }
    }

    /** The "answered" mark of one update, written once, by whichever comes first: the reply's first send or the end. */
    private final class AnsweredMark implements Runnable {
        private final long updateId;
        private boolean pending;

        AnsweredMark(long updateId, boolean guarded) {
            this.updateId = updateId;
            this.pending = guarded;
        }

        @Override
        public void run() {
            if (pending) {
                pending = false;
                markAnswered(updateId); // a failure is logged and the user still gets the answer
            }
        }

        boolean done() {
            return !pending;
        }
    }

    private void release(long updateId) {
        try {
            handled.release(updateId);
        } catch (RuntimeException e) {
            LOG.warn("cannot release update {}: {}", updateId, e.toString());
        }
    }
}
