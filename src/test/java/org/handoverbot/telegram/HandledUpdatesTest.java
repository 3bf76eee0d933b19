package org.handoverbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.handoverbot.knowledge.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandledUpdatesTest {

    @TempDir
    Path folder;

    private Database open() {
        return Database.open("jdbc:h2:file:" + folder.resolve("handover").toAbsolutePath());
    }

    @Test
    void anUpdateIsClaimedOnceAndAnAnsweredOneNeverAgainAfterARestart() {
        try (Database db = open()) {
            HandledUpdates handled = new HandledUpdates(db);
            assertThat(handled.claim(1, 10)).isTrue();
            assertThat(handled.claim(1, 10)).isFalse();
            handled.markAnswered(1);
            assertThat(handled.claim(1, 10)).isFalse();
        }
        try (Database db = open()) {
            HandledUpdates afterRestart = new HandledUpdates(db);
            assertThat(afterRestart.claim(1, 10)).isFalse();
            assertThat(afterRestart.isAnswered(1)).isTrue();
        }
    }

    @Test
    void anUpdateTakenInButNeverAnsweredIsHandledByTheNextProcessButNotForever() {
        try (Database db = open()) {
            assertThat(new HandledUpdates(db).claim(2, 20)).isTrue();
        }
        for (int restart = 2; restart <= HandledUpdates.MAX_ATTEMPTS; restart++) {
            try (Database db = open()) {
                assertThat(new HandledUpdates(db).claim(2, 20)).as("restart %d", restart).isTrue();
            }
        }
        try (Database db = open()) {
            assertThat(new HandledUpdates(db).claim(2, 20)).as("a poison update is given up").isFalse();
        }
    }

    @Test
    void anUpdateLetGoWithoutHandlingIsTakenAgainAndNotCountedAsAnAttempt() {
        try (Database db = open()) {
            HandledUpdates handled = new HandledUpdates(db);
            for (int i = 0; i < HandledUpdates.MAX_ATTEMPTS + 2; i++) {
                assertThat(handled.claim(4, 40)).as("delivery %d", i + 1).isTrue();
                handled.release(4);
            }
        }
    }

    @Test
    void forgetsUpdatesOlderThanTelegramKeepsThem() {
        try (Database db = open()) {
            HandledUpdates handled = new HandledUpdates(db);
            handled.claim(3, 30);
            handled.markAnswered(3);
            assertThat(handled.forgetOlderThan(Duration.ofDays(2))).isZero();
            assertThat(handled.forgetOlderThan(Duration.ofSeconds(-1))).isEqualTo(1);
        }
    }
}
