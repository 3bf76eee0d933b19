package org.handoverbot.alerts;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.handoverbot.telegram.fake.ApiCall;
import org.handoverbot.telegram.fake.ApiFailure;
import org.handoverbot.telegram.fake.SendGate;

/**
 * Telegram's limits enforced by the fake Bot API server, strictly, over sliding windows measured on arrival:
 * at most overall messages in any second, perChat to one chat in any second, perChannel to one channel
 * or group (an @name or a negative id) in any minute. A send over a limit is refused with 429 and retry_after, as
 * Telegram does, and counted as a violation. scale speeds the clock up: windows last 1/scale as long.
 */
final class TelegramLimitsGate implements SendGate {

    private final int overall;
    private final int perChat;
    private final int perChannel;
    private final long secondNanos;
    private final Deque<Long> all = new ArrayDeque<>();
    private final Map<String, Deque<Long>> byChat = new HashMap<>();
    private final AtomicInteger violations = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();

    TelegramLimitsGate(int overall, int perChat, int perChannel, double scale) {
        this.overall = overall;
        this.perChat = perChat;
        this.perChannel = perChannel;
        this.secondNanos = Math.round(1e9 / scale);
    }

    static TelegramLimitsGate telegram(double scale) {
        return new TelegramLimitsGate(30, 1, 20, scale);
    }

    @Override
    public synchronized Optional<ApiFailure> check(ApiCall call) {
        if (!call.method().equals("sendmessage")) {
            return Optional.empty();
        }
        long now = call.atNanos();
        String chat = call.params().path("chat_id").asText();
        boolean channel = chat.startsWith("@") || chat.startsWith("-");
        Deque<Long> chatWindow = byChat.computeIfAbsent(chat, c -> new ArrayDeque<>());
        long chatSpan = channel ? 60 * secondNanos : secondNanos;
        expire(all, now, secondNanos);
        expire(chatWindow, now, chatSpan);
        long wait = 0;
        if (all.size() >= overall) {
            wait = Math.max(wait, all.peekFirst() + secondNanos - now);
        }
        if (chatWindow.size() >= (channel ? perChannel : perChat)) {
            wait = Math.max(wait, chatWindow.peekFirst() + chatSpan - now);
        }
        if (wait > 0) {
            violations.incrementAndGet();
            return Optional.of(ApiFailure.tooManyRequests((int) Math.max(1, Math.ceil(wait / 1e9))));
        }
        all.addLast(now);
        chatWindow.addLast(now);
        accepted.incrementAndGet();
        return Optional.empty();
    }

    int violations() {
        return violations.get();
    }

    int accepted() {
        return accepted.get();
    }

    private static void expire(Deque<Long> window, long now, long span) {
        while (!window.isEmpty() && window.peekFirst() <= now - span) {
            window.removeFirst();
        }
    }
}
