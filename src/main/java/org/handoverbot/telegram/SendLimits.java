package org.handoverbot.telegram;

import java.time.Duration;

/**
 * Telegram's limits for one bot token, as counts per window: overall messages per window, messages to one
 * private chat per window, messages to one group or channel per window; headroom, the share of each rate
 * actually used (below 1, it leaves room for timing noise so the windows hold without waiting on every
 * answer); and alertShare, the most of the overall rate alerts may take, so that replies (someone is waiting)
 * always keep the rest.
 */
public record SendLimits(int overall, Duration overallWindow, int perChat, Duration perChatWindow, int perGroup,
                         Duration perGroupWindow, double headroom, double alertShare) {

    public SendLimits {
        if (overall < 1 || perChat < 1 || perGroup < 1) {
            throw new IllegalArgumentException("limits must allow at least one message");
        }
        if (!positive(overallWindow) || !positive(perChatWindow) || !positive(perGroupWindow)) {
            throw new IllegalArgumentException("windows must be positive");
        }
        if (headroom <= 0 || headroom > 1) {
            throw new IllegalArgumentException("headroom must be in (0, 1]: " + headroom);
        }
        if (alertShare <= 0 || alertShare > 1) {
            throw new IllegalArgumentException("alertShare must be in (0, 1]: " + alertShare);
        }
    }

    /**
     * Telegram's published limits: about 30 a second overall, 1 a second per chat, 20 a minute per group or
     * channel. Alerts may take two thirds of the overall rate (a broadcast to 10,000 chats then takes about 9
     * minutes), replies the rest and whatever alerts leave unused.
     */
    public static SendLimits telegram() {
        return new SendLimits(30, Duration.ofSeconds(1), 1, Duration.ofSeconds(1), 20, Duration.ofMinutes(1), 0.98, 2.0 / 3);
    }

    /** The same limits on a clock running factor times faster: every window lasts 1/factor as long. */
    public SendLimits scaledBy(double factor) {
        return new SendLimits(overall, shrink(overallWindow, factor), perChat, shrink(perChatWindow, factor), perGroup,
                shrink(perGroupWindow, factor), headroom, alertShare);
    }

    public SendLimits withHeadroom(double share) {
        return new SendLimits(overall, overallWindow, perChat, perChatWindow, perGroup, perGroupWindow, share, alertShare);
    }

    /** Another overall count per overall window (e.g. a share of Telegram's 30 a second for one of several instances). */
    public SendLimits withOverall(int count) {
        return new SendLimits(count, overallWindow, perChat, perChatWindow, perGroup, perGroupWindow, headroom, alertShare);
    }

    public SendLimits withAlertShare(double share) {
        return new SendLimits(overall, overallWindow, perChat, perChatWindow, perGroup, perGroupWindow, headroom, share);
    }

    /** Messages per second overall, before headroom. */
    public double overallPerSecond() {
        return overall * 1e9 / overallWindow.toNanos();
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    private static Duration shrink(Duration window, double factor) {
        return Duration.ofNanos(Math.round(window.toNanos() / factor));
    }
}
