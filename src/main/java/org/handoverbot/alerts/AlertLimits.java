package org.handoverbot.alerts;

/**
 * How fast alerts may go: messages per second overall, per second to one chat, per minute to one channel,
 * and the share of those limits actually used (headroom below 1 leaves room for the jitter between the moment
 * a message is paced and the moment Telegram counts it).
 */
public record AlertLimits(double overallPerSecond, double perChatPerSecond, double perChannelPerMinute,
                          double headroom) {

    public AlertLimits {
        if (overallPerSecond <= 0 || perChatPerSecond <= 0 || perChannelPerMinute <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (headroom <= 0 || headroom > 1) {
            throw new IllegalArgumentException("headroom must be in (0, 1]: " + headroom);
        }
    }

    /** Telegram's published limits: about 30/s overall, 1/s per chat, 20/min per group or channel. */
    public static AlertLimits telegram() {
        return new AlertLimits(30, 1, 20, 0.97);
    }

    /** Every limit multiplied by factor: the same schedule on a clock running factor times faster. */
    public AlertLimits scaledBy(double factor) {
        return new AlertLimits(overallPerSecond * factor, perChatPerSecond * factor, perChannelPerMinute * factor, headroom);
    }

    public AlertLimits withHeadroom(double share) {
        return new AlertLimits(overallPerSecond, perChatPerSecond, perChannelPerMinute, share);
    }
}
