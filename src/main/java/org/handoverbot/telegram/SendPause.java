package org.handoverbot.telegram;

import java.time.Instant;

/**
 * The one pause every send honours after Telegram answered 429 Too Many Requests: replies and alerts alike
 * wait until it ends. Held in memory by {@link LocalSendPause}; an implementation on the database would let
 * several instances on one token pause together.
 */
public interface SendPause {

    /** Nothing is sent before `until`; a later time extends the pause, an earlier one never shortens it. */
    void pauseUntil(Instant until);

    /** When the pause ends (in the past when there is none). */
    Instant pausedUntil();
}
