package org.handoverbot.answer;

import java.util.Optional;

/**
 * Where each chat's dialogue state (S, a small record) is kept between messages: in this process, or in the
 * database when several instances answer the same chats ({@link DatabaseChatStates}).
 */
public interface ChatStateStore<S> {

    /** The chat's state, or empty when there is none (or it is too old to mean anything). */
    Optional<S> load(long chatId);

    /** Replaces the chat's state. */
    void save(long chatId, S state);
}
