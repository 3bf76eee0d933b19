package org.handoverbot.alerts;

import java.time.Duration;

/**
 * Telegram's limits as counts per window: overall messages per window, messages to one private chat per
 * window, messages to one group or channel per window; and headroom, the share of the rate the pacer uses
 * (below 1, it leaves room for timing noise so the windows hold without the sender waiting on every answer).
 */
public record AlertLimits(int overall, Duration overallWindow, int perChat, Duration perChatWindow, int perGroup,
                          Duration perGroupWindow, double headroom) {

    public AlertLimits {
        if (overall < 1 || perChat < 1 || perGroup < 1) {
            throw new IllegalArgumentException("limits must allow at least one message");
        }
        if (overallWindow.isNegative() || overallWindow.isZero() || perChatWindow.isNegative() || perChatWindow.isZero()
                || perGroupWindow.isNegative() || perGroupWindow.isZero()) {
            throw new IllegalArgumentException("windows must be positive");
        }
        if (headroom <= 0 || headroom > 1) {
            throw new IllegalArgumentException("headroom must be in (0, 1]: " + headroom);
        }
    }

    /** Telegram's published limits: about 30 a second overall, 1 a second per chat, 20 a minute per group or channel. */
    public static AlertLimits telegram() {
        return new AlertLimits(30, Duration.ofSeconds(1), 1, Duration.ofSeconds(1), 20, Duration.ofMinutes(1), 0.98);
    }

    /** The same limits on a clock running factor times faster: every window lasts 1/factor as long. */
    public AlertLimits scaledBy(double factor) {
        return new AlertLimits(overall, shrink(overallWindow, factor), perChat, shrink(perChatWindow, factor), perGroup,
                shrink(perGroupWindow, factor), headroom);
    }

    public AlertLimits withHeadroom(double share) {
        return new AlertLimits(overall, overallWindow, perChat, perChatWindow, perGroup, perGroupWindow, share);
    }

    /** Messages per second overall, before headroom. */
    public double overallPerSecond() {
        return overall * 1e9 / overallWindow.toNanos();
    }

    private static Duration shrink(Duration window, double factor) {
        return Duration.ofNanos(Math.round(window.toNanos() / factor));
    }
}
