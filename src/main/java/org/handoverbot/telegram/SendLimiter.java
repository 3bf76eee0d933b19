package org.handoverbot.telegram;

/**
 * Decides when a message may leave for Telegram within its limits (per chat, per group or channel, overall)
 * and gives replies priority over alerts. One limiter serves every sender on a bot token, so the limits hold
 * for replies and alerts together.
 *
 * <p>Non-blocking on purpose: the caller (the {@link OutboundGate}) does the waiting, so an implementation may
 * keep its state elsewhere, e.g. bucket4j buckets in PostgreSQL shared by several instances
 * ({@code tryTake} then maps to tryConsumeAndReturnRemaining on the chat's, the overall and, for alerts, the
 * alert-share bucket; estimating first and consuming afterwards is acceptable, the gate's 429 pause covers a
 * rare overshoot).
 */
public interface SendLimiter {

    /** Who is asking: replies (someone waits for them) come before alerts. */
    enum Priority { REPLY, ALERT }

    /** Nanoseconds until this recipient may get a message (0: now), without taking anything. */
    long recipientWait(Recipient to);

    /**
     * Takes the turn for one message to this recipient if every limit allows it now; otherwise says how long
     * to wait before asking again ({@link Turn#waitNanos()} > 0) and takes nothing.
     */
    Turn tryTake(Recipient to, Priority priority);

    /** A turn asked for: taken (waitNanos 0; the caller must call answered()), or the wait before asking again. */
    interface Turn {

        long waitNanos();

        /** The message got its answer, or never left; a limiter counting messages until answered stops here. */
        void answered();
    }
}
