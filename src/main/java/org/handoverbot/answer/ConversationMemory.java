package org.handoverbot.answer;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each chat's dialogue state ({@link ChatContext}) for a while (30 minutes by default), for at most a bounded number of chats: the least
 * recently active chat is forgotten first, so memory stays flat however many people write.
 */
public final class ConversationMemory {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(30);
    public static final int DEFAULT_CHATS = 10_000;

    private final Clock clock;
    private final Duration ttl;
    private final Map<Long, ChatContext> chats;
    /** Set when several instances answer the same chats: the contexts live there instead of in this process. */
    private final ChatStateStore<ChatContext> shared;

    public ConversationMemory() {
        this(Clock.systemUTC(), DEFAULT_TTL, DEFAULT_CHATS);
    }

    public ConversationMemory(Clock clock, Duration ttl, int maxChats) {
        this(clock, ttl, maxChats, null);
    }

    private ConversationMemory(Clock clock, Duration ttl, int maxChats, ChatStateStore<ChatContext> shared) {
        this.clock = clock;
        this.ttl = ttl;
        this.shared = shared;
        this.chats = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, ChatContext> eldest) {
                return size() > maxChats;
            }
        };
    }

    /** The contexts kept in a store several instances share (e.g. {@link DatabaseChatStates}), not in this process. */
    public static ConversationMemory shared(ChatStateStore<ChatContext> store, Clock clock, Duration ttl) {
        return new ConversationMemory(clock, ttl, 0, store);
    }

    /** The chat's context, or {@link ChatContext#EMPTY} when it is unknown or older than the time to live. */
    public ChatContext recall(long chatId) {
        if (shared != null) {
            return shared.load(chatId).filter(context -> !expired(context)).orElse(ChatContext.EMPTY);
        }
        synchronized (chats) {
            ChatContext context = chats.get(chatId);
            if (context == null) {
                return ChatContext.EMPTY;
            }
            if (expired(context)) {
                chats.remove(chatId);
                return ChatContext.EMPTY;
            }
            return context;
        }
    }

    /** Replaces the chat's state (the dialogue computes it from the last state, the frame and the answer). */
    void remember(long chatId, ChatContext next) {
        if (shared != null) {
            shared.save(chatId, next);
            return;
        }
        synchronized (chats) {
            chats.put(chatId, next);
        }
    }

    /** The chat's state after an answer to no frame (what the answer names replaces what was there). */
    void remember(long chatId, Answer answer) {
        remember(chatId, null, answer);
    }

    /** The chat's state after an answer to a frame (null: an answer to no question, such as a command). */
    void remember(long chatId, org.handoverbot.nlp.Frame frame, Answer answer) {
        remember(chatId, recall(chatId).after(frame, answer, clock.instant()));
    }

    private boolean expired(ChatContext context) {
        return context.at().plus(ttl).isBefore(clock.instant());
    }

    public int size() {
        synchronized (chats) {
            return chats.size();
        }
    }
}
