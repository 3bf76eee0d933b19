package org.handoverbot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.Vendor;
import org.handoverbot.knowledge.pg.OnEveryVendor;
import org.handoverbot.knowledge.pg.TestDatabases;
import org.junit.jupiter.api.io.TempDir;

/** The outbox as every instance claims and sends from it, on H2 and on PostgreSQL alike. */
class AlertOutboxTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Database withQueuedAlerts(Vendor vendor, int subscribers) {
        return QueuedAlerts.open(TestDatabases.freshUrl(vendor, dir, "db"), subscribers, Optional.empty(), 1);
    }

    @OnEveryVendor
    void fourInstancesClaimingAtOnceNeverShareARow(Vendor vendor) throws Exception {
        try (Database db = withQueuedAlerts(vendor, 400)) {
            AlertOutbox outbox = new AlertOutbox(db);
            ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String instance = "instance-" + i;
                runs.add(pool.submit(() -> {
                    go.await();
                    List<OutboxRow> batch;
                    while (!(batch = outbox.claim(instance, 16, Instant.now(), LEASE)).isEmpty()) {
                        for (OutboxRow row : batch) {
                            if (outbox.beginSending(row.id(), instance, Instant.now(), LEASE)) {
                                claimed.add(row.id());
                                outbox.markSent(row.id(), 1, Instant.now());
                            }
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

            assertThat(claimed).hasSize(400);
            assertThat(new HashSet<>(claimed)).hasSize(400);
            assertThat(outbox.status(0, 0).sent()).isEqualTo(400);
        }
    }

    @OnEveryVendor
    void rowsReservedByAnInstanceThatDiedAreTakenOverWhenItsLeaseRunsOut(Vendor vendor) {
        try (Database db = withQueuedAlerts(vendor, 3)) {
            AlertOutbox outbox = new AlertOutbox(db);
            Instant t0 = Instant.now();
            assertThat(outbox.claim("dead", 10, t0, Duration.ofSeconds(5))).hasSize(3);

            assertThat(outbox.claim("alive", 10, t0.plusSeconds(1), LEASE)).isEmpty();
            List<OutboxRow> takenOver = outbox.claim("alive", 10, t0.plusSeconds(6), LEASE);

            assertThat(takenOver).hasSize(3);
            assertThat(outbox.beginSending(takenOver.get(0).id(), "dead", t0.plusSeconds(6), LEASE)).isFalse();
            assertThat(outbox.beginSending(takenOver.get(0).id(), "alive", t0.plusSeconds(6), LEASE)).isTrue();
        }
    }

    @OnEveryVendor
    void anAlertLeftInFlightByADeadInstanceIsClosedAndNeverSentAgain(Vendor vendor) {
        try (Database db = withQueuedAlerts(vendor, 2)) {
            AlertOutbox outbox = new AlertOutbox(db);
            Instant t0 = Instant.now();
            List<OutboxRow> rows = outbox.claim("dead", 10, t0, LEASE);
            assertThat(outbox.beginSending(rows.get(0).id(), "dead", t0, Duration.ofSeconds(60))).isTrue();

            assertThat(outbox.closeAbandonedSends(t0.plusSeconds(30))).isZero();
            assertThat(outbox.closeAbandonedSends(t0.plusSeconds(61))).isEqualTo(1);

            Set<Long> reclaimed = new HashSet<>();
            outbox.claim("alive", 10, t0.plusSeconds(61), LEASE).forEach(r -> reclaimed.add(r.id()));
            assertThat(reclaimed).containsExactly(rows.get(1).id());
            QueueStatus status = outbox.status(0, 5);
            assertThat(status.failed()).isEqualTo(1);
            assertThat(status.latestFailures().get(0).lastError()).startsWith("outcome unknown");
        }
    }

    @OnEveryVendor
    void aRetryWaitsUntilItIsDueAndA429DoesNotCountAsAnAttempt(Vendor vendor) {
        try (Database db = withQueuedAlerts(vendor, 1)) {
            AlertOutbox outbox = new AlertOutbox(db);
            Instant t0 = Instant.now();
            OutboxRow row = outbox.claim("a", 1, t0, LEASE).get(0);
            outbox.beginSending(row.id(), "a", t0, LEASE);
            outbox.retryLater(row.id(), t0.plusSeconds(10), "429 Too Many Requests", false);

            assertThat(outbox.claim("a", 1, t0.plusSeconds(9), LEASE)).isEmpty();
            OutboxRow again = outbox.claim("a", 1, t0.plusSeconds(10), LEASE).get(0);
            assertThat(again.attempts()).isZero();
            outbox.beginSending(again.id(), "a", t0.plusSeconds(10), LEASE);
            outbox.retryLater(again.id(), t0.plusSeconds(12), "502 Bad Gateway", true);
            assertThat(outbox.claim("a", 1, t0.plusSeconds(12), LEASE).get(0).attempts()).isEqualTo(1);
        }
    }
}
