package org.handoverbot.telegram;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.handoverbot.answer.Reply;
import org.handoverbot.answer.ReplyCatalogue;

import io.github.bucket4j.Bucket;

/**
 * Meets a flood from one user as a person would: the first few questions in a burst are answered (paced at
 * Telegram's per-chat limit by the gate), then one polite "slow down", then silence until the user has been
 * quiet for a moment. Telegram allows a bot about one message a second in a chat, so answering 300 questions
 * sent in two seconds would take five minutes and hold back everything else that chat asks.
 *
 * <p>Decided as updates arrive, per private chat and per button press (one person each); groups are paced by
 * the gate's 20-a-minute limit instead, since many people write there and most of it is not for the bot.
 */
final class FloodGuard {

    /** What to do with an update that arrived. */
    enum Verdict { ANSWER, SLOW_DOWN, IGNORE }

    private static final int SWEEP_ABOVE = 10_000;

    private final int burst;
    private final Duration refill;
    private final long calmNanos;
    private final Map<Long, ChatState> chats = new HashMap<>(); // guarded by this

    FloodGuard(FloodLimits limits) {
        this.burst = limits.burst();
        this.refill = limits.refill();
        this.calmNanos = limits.calm().toNanos();
    }

    synchronized Verdict admit(long chatId) {
        long now = System.nanoTime();
        if (chats.size() > SWEEP_ABOVE) {
            chats.values().removeIf(s -> s.calmAt(now, calmNanos) && s.bucket.getAvailableTokens() >= burst);
        }
        ChatState state = chats.computeIfAbsent(chatId, id -> new ChatState(Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(1, refill)).build()));
        if (state.flooding && state.calmAt(now, calmNanos)) {
            state.flooding = false;
        }
        state.lastSeen = now;
        if (state.flooding) {
            return Verdict.IGNORE;
        }
        if (state.bucket.tryConsume(1)) {
            return Verdict.ANSWER;
        }
        state.flooding = true;
        return Verdict.SLOW_DOWN;
    }

    /** The one reply a flooding chat gets. */
    static Reply slowDown() {
        return Reply.of(ReplyCatalogue.arabic().paragraph("telegram.slow_down"));
    }

    private static final class ChatState {
        final Bucket bucket;
        boolean flooding;
        long lastSeen;

        ChatState(Bucket bucket) {
            this.bucket = bucket;
        }

        boolean calmAt(long now, long calm) {
            return now - lastSeen >= calm;
        }
    }
}
