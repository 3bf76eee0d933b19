package org.handoverbot.answer;

import java.util.Optional;

/**
 * Where the answer layer takes subscription requests ("نبهني عن عين الأسد", /subscribe القيارة).
 * Implemented by the alerts package; the answer layer only composes the confirmation.
 */
public interface SubscriptionDesk {

    /** Subscribes a chat to alerts for one base (a gazetteer id) or, when empty, for every base. */
    Change subscribe(long chatId, Optional<String> baseId);

    /** Stops every alert for the chat. */
    Change unsubscribe(long chatId);

    /** What changed: whether anything was new, and the bases the chat now follows (empty list + all=true for all). */
    record Change(boolean changed, boolean allBases, java.util.List<String> baseIds) {
    }
}
