package org.handoverbot.telegram;

import java.time.Duration;

/**
 * When one person's messages count as a flood: more than burst in a row, with one more allowed every refill;
 * the flood is over once they have been quiet for calm.
 */
public record FloodLimits(int burst, Duration refill, Duration calm) {

    public FloodLimits {
        if (burst < 1 || refill.isNegative() || refill.isZero() || calm.isNegative()) {
            throw new IllegalArgumentException("bad flood limits");
        }
    }

    /** Bursts of 4 questions, one more a second, a flood ends after 5 s of quiet. */
    public static FloodLimits defaults() {
        return new FloodLimits(4, Duration.ofSeconds(1), Duration.ofSeconds(5));
    }
}
