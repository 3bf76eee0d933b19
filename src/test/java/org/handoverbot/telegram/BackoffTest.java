package org.handoverbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void waitsDoubleUpToTheCapWithAtMostAQuarterOfJitter() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            waits.add(backoff.nextBackOffMillis());
        }
        long[] base = {100, 200, 400, 800, 1000, 1000, 1000};
        for (int i = 0; i < base.length; i++) {
            assertThat(waits.get(i)).as("wait %d", i).isBetween(base[i], Math.min(1000, base[i] + base[i] / 4));
        }
    }

    @Test
    void startsOverAfterASuccess() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10));
        backoff.nextBackOffMillis();
        backoff.nextBackOffMillis();
        backoff.reset();
        assertThat(backoff.nextBackOffMillis()).isBetween(100L, 125L);
    }
}
