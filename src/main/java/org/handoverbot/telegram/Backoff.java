package org.handoverbot.telegram;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.telegram.telegrambots.longpolling.interfaces.BackOff;

/**
 * Waits that double after each failure, from `first` up to `max`, with jitter so that many restarted bots
 * don't retry in step. Also the long-polling library's BackOff, whose own default grows to 15 minutes.
 */
final class Backoff implements BackOff {

    private final long firstMillis;
    private final long maxMillis;
    private long nextMillis;

    Backoff(Duration first, Duration max) {
        this.firstMillis = Math.max(1, first.toMillis());
        this.maxMillis = Math.max(firstMillis, max.toMillis());
        this.nextMillis = firstMillis;
    }

    @Override
    public synchronized void reset() {
        nextMillis = firstMillis;
    }

    @Override
    public synchronized long nextBackOffMillis() {
        long base = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        long jitter = ThreadLocalRandom.current().nextLong(base / 4 + 1);
        return Math.min(maxMillis, base + jitter);
    }
}
