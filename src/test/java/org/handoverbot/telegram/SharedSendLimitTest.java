package org.handoverbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.pg.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One send limit and one 429 pause for several instances, kept in PostgreSQL. */
class SharedSendLimitTest {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    private static final SendLimits TELEGRAM = SendLimits.telegram();

    @Test
    void threeInstancesTakingAsFastAsTheyCanStayWithinTheOverallAndPerChatLimits() throws Exception {
        try (Database db = Database.open(POSTGRES.url())) {
            List<SendLimiter> instances = List.of(new PostgresSendLimiter(db, TELEGRAM), new PostgresSendLimiter(db, TELEGRAM),
                    new PostgresSendLimiter(db, TELEGRAM));
            ConcurrentLinkedQueue<long[]> taken = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            CountDownLatch go = new CountDownLatch(1);
            long end = System.nanoTime() + Duration.ofMillis(2500).toNanos();
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                SendLimiter limiter = instances.get(t % 3);
                int thread = t;
                runs.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; System.nanoTime() < end; i++) {
                        long chat = (thread * 1000L + i) % 50; // 50 chats, each wanted by several instances
                        SendLimiter.Turn turn = limiter.tryTake(Recipient.chat(chat), SendLimiter.Priority.REPLY);
                        if (turn.waitNanos() == 0) {
                            taken.add(new long[] {System.nanoTime(), chat});
                            turn.answered();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
            pool.shutdown();

            List<long[]> sends = new ArrayList<>(taken);
            sends.sort((a, b) -> Long.compare(a[0], b[0]));
            assertThat(sends).as("the instances did send, near the limit").hasSizeGreaterThan(40);
            long window = TELEGRAM.overallWindow().toNanos();
            for (int i = 0; i < sends.size(); i++) {
                int inWindow = 0;
                for (int j = i; j < sends.size() && sends.get(j)[0] - sends.get(i)[0] < window; j++) {
                    inWindow++;
                }
                assertThat(inWindow).as("takes in one overall window").isLessThanOrEqualTo(TELEGRAM.overall());
            }
            long chatWindow = TELEGRAM.perChatWindow().toNanos();
            for (long chat = 0; chat < 50; chat++) {
                long previous = Long.MIN_VALUE / 2;
                for (long[] send : sends) {
                    if (send[1] == chat) {
                        assertThat(send[0] - previous).as("chat %d: two takes in one chat window", chat).isGreaterThan(chatWindow);
                        previous = send[0];
                    }
                }
            }
        }
    }

    /**
     * Telegram counts arrivals: a message held up on its way (a busy machine) may arrive long after its turn was
     * taken. The chat is held one window after the message's answer, so another instance's next message to it
     * cannot arrive within a second of it.
     */
    @Test
    void aMessageAnsweredLateHoldsItsChatAFullWindowAfterItsAnswerForEveryInstance() throws Exception {
        try (Database db = Database.open(POSTGRES.url())) {
            SendLimiter one = new PostgresSendLimiter(db, TELEGRAM);
            SendLimiter other = new PostgresSendLimiter(db, TELEGRAM);
            Recipient chat = Recipient.chat(4242);
            SendLimiter.Turn first = one.tryTake(chat, SendLimiter.Priority.REPLY);
            assertThat(first.waitNanos()).isZero();
            Thread.sleep(600); // on its way: it reaches Telegram just before its answer
            long answeredAt = System.nanoTime();
            first.answered();

            assertThat(other.recipientWait(chat)).as("the chat's wait right after the answer")
                    .isGreaterThan(Duration.ofMillis(900).toNanos());
            long next;
            while (true) {
                SendLimiter.Turn turn = other.tryTake(chat, SendLimiter.Priority.REPLY);
                if (turn.waitNanos() == 0) {
                    next = System.nanoTime();
                    turn.answered();
                    break;
                }
                Thread.sleep(Math.max(1, Math.min(50, turn.waitNanos() / 1_000_000)));
            }
            assertThat(next - answeredAt).as("from the first answer to the next take in that chat")
                    .isGreaterThanOrEqualTo(TELEGRAM.perChatWindow().toNanos() - Duration.ofMillis(2).toNanos()); // the buckets' clock counts ms
        }
    }

    @Test
    void a429SeenByOneInstancePausesTheOthers() throws Exception {
        try (Database db = Database.open(POSTGRES.url())) {
            SendPause one = new DatabaseSendPause(db, Clock.systemUTC());
            SendPause other = new DatabaseSendPause(db, Clock.systemUTC());
            assertThat(other.pausedUntil()).isBefore(Instant.now());

            Instant until = Instant.now().plusSeconds(30);
            one.pauseUntil(until);
            assertThat(one.pausedUntil()).isAfterOrEqualTo(until.minusMillis(1));
            Thread.sleep(DatabaseSendPause.READ_EVERY.toMillis() + 50);
            assertThat(other.pausedUntil()).isAfterOrEqualTo(until.minusMillis(1));

            other.pauseUntil(Instant.now().plusSeconds(1));
            Thread.sleep(DatabaseSendPause.READ_EVERY.toMillis() + 50);
            assertThat(one.pausedUntil()).as("an earlier end never shortens the pause").isAfterOrEqualTo(until.minusMillis(1));
        }
    }
}
