package org.handoverbot.answer;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each chat's context for a while (30 minutes by default), for at most a bounded number of chats: the least
 * recently active chat is forgotten first, so memory stays flat however many people write.
 */
public final class ConversationMemory {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(30);
    public static final int DEFAULT_CHATS = 10_000;

    private final Clock clock;
    private final Duration ttl;
    private final Map<Long, ChatContext> chats;

    public ConversationMemory() {
        this(Clock.systemUTC(), DEFAULT_TTL, DEFAULT_CHATS);
    }

    public ConversationMemory(Clock clock, Duration ttl, int maxChats) {
        this.clock = clock;
        this.ttl = ttl;
        this.chats = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, ChatContext> eldest) {
                return size() > maxChats;
            }
        };
    }

    /** The chat's context, or {@link ChatContext#EMPTY} when it is unknown or older than the time to live. */
    public synchronized ChatContext recall(long chatId) {
        ChatContext context = chats.get(chatId);
        if (context == null) {
            return ChatContext.EMPTY;
        }
        if (context.at().plus(ttl).isBefore(clock.instant())) {
            chats.remove(chatId);
            return ChatContext.EMPTY;
        }
        return context;
    }

    synchronized void remember(long chatId, Answer answer) {
        ChatContext updated = recall(chatId).after(answer, clock.instant());
        chats.put(chatId, updated);
    }

    public synchronized int size() {
        return chats.size();
    }
}
