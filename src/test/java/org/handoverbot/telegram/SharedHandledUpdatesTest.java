package org.handoverbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.pg.PostgresDatabase;
import org.handoverbot.telegram.HandledUpdates.Claim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Handled updates shared by several webhook instances on one PostgreSQL database. */
class SharedHandledUpdatesTest {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @Test
    void anUpdateAnotherInstanceHasInHandIsLeftToItAndOnceAnsweredIsDone() {
        try (Database db = Database.open(POSTGRES.url())) {
            HandledUpdates a = new HandledUpdates(db, "a", Duration.ofMinutes(1));
            HandledUpdates b = new HandledUpdates(db, "b", Duration.ofMinutes(1));

            assertThat(a.take(1, 10)).isEqualTo(Claim.TAKEN);
            assertThat(a.take(1, 10)).as("delivered twice to the same instance").isEqualTo(Claim.HANDLED);
            assertThat(b.take(1, 10)).isEqualTo(Claim.BUSY_ELSEWHERE);
            a.markAnswered(1);
            assertThat(b.take(1, 10)).isEqualTo(Claim.HANDLED);
            assertThat(b.isAnswered(1)).isTrue();
        }
    }

    @Test
    void anUpdateOfAnInstanceThatDiedIsTakenOverWhenItsLeaseEndsAndAReleasedOneAtOnce() throws Exception {
        try (Database db = Database.open(POSTGRES.url())) {
            HandledUpdates dying = new HandledUpdates(db, "dying", Duration.ofMillis(300));
            HandledUpdates other = new HandledUpdates(db, "other", Duration.ofMinutes(1));

            assertThat(dying.take(2, 20)).isEqualTo(Claim.TAKEN);
            assertThat(other.take(2, 20)).isEqualTo(Claim.BUSY_ELSEWHERE);
            Thread.sleep(400);
            assertThat(other.take(2, 20)).as("the lease ran out: the instance is gone").isEqualTo(Claim.TAKEN);

            HandledUpdates stopping = new HandledUpdates(db, "stopping", Duration.ofMinutes(1));
            assertThat(stopping.take(3, 30)).isEqualTo(Claim.TAKEN);
            stopping.release(3);
            assertThat(other.take(3, 30)).as("let go without an answer").isEqualTo(Claim.TAKEN);
        }
    }

    @Test
    void longPollingTakesBackWhatAnEarlierProcessLeftUnansweredAtOnce() {
        try (Database db = Database.open(POSTGRES.url())) {
            assertThat(new HandledUpdates(db).claim(4, 40)).isTrue();
            assertThat(new HandledUpdates(db).claim(4, 40)).isTrue();
            HandledUpdates third = new HandledUpdates(db);
            assertThat(third.claim(4, 40)).isTrue();
            assertThat(new HandledUpdates(db).claim(4, 40)).as("given up after %d attempts", HandledUpdates.MAX_ATTEMPTS)
                    .isFalse();
        }
    }
}
