package org.handoverbot.telegram;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** The 429 pause of one process. */
public final class LocalSendPause implements SendPause {

    private final AtomicReference<Instant> until = new AtomicReference<>(Instant.EPOCH);

    @Override
    public void pauseUntil(Instant time) {
        until.accumulateAndGet(time, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Override
    public Instant pausedUntil() {
        return until.get();
    }
}
