package org.handoverbot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import java.util.concurrent.TimeUnit;

import org.handoverbot.answer.SubscriptionDesk.Change;
import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.pg.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Subscriptions and the outbox on a real PostgreSQL server, where several instances share them. */
class PostgresAlertsTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    private static Database withQueuedAlerts(String name, int subscribers) {
        Database db = Database.open(POSTGRES.another(name));
        Subscriptions subs = new Subscriptions(db);
        for (int chat = 1; chat <= subscribers; chat++) {
            subs.subscribe(chat, Optional.empty());
        }
        AlertOutboxWriter writer = new AlertOutboxWriter(Optional.of("@handover_channel"), Clock.systemUTC());
        for (int twice = 0; twice < 2; twice++) {
            db.inTransaction(c -> {
                writer.onNewEvents(c, List.of(Events.handover(1, "taji", LocalDate.of(2020, 8, 23))));
                return null;
            });
        }
        return db;
    }

    @Test
    void subscriptionsKeepTheirRulesOnPostgresAlsoWhenOneChatAsksFromManyThreadsAtOnce() throws Exception {
        try (Database db = Database.open(POSTGRES.url())) {
            Subscriptions desk = new Subscriptions(db);
            assertThat(desk.subscribe(7, Optional.of("qayyarah"))).isEqualTo(new Change(true, false, List.of("qayyarah")));
            assertThat(desk.subscribe(7, Optional.of("qayyarah")).changed()).isFalse();
            assertThat(desk.subscribe(7, Optional.empty())).isEqualTo(new Change(true, true, List.of()));
            assertThat(desk.subscribe(7, Optional.of("taji"))).isEqualTo(new Change(false, true, List.of()));

            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Change>> racing = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                racing.add(pool.submit(() -> {
                    go.await();
                    return desk.subscribe(8, Optional.of("k1"));
                }));
            }
            go.countDown();
            int changed = 0;
            for (Future<Change> f : racing) {
                changed += f.get().changed() ? 1 : 0;
            }
            pool.shutdown();
            assertThat(changed).isBetween(1, 8);
            assertThat(desk.current(8).baseIds()).containsExactly("k1");
            assertThat(desk.subscriberCount()).isEqualTo(2);
            assertThat(desk.unsubscribe(7).changed()).isTrue();
        }
    }

    @Test
    void theOutboxGetsOneRowPerRecipientEvenWhenTheEventIsReportedTwice() {
        try (Database db = withQueuedAlerts("outbox-once", 5)) {
            assertThat(new AlertOutbox(db).status(0, 10).pending()).isEqualTo(6);
        }
    }

    @Test
    void fourInstancesClaimingAtOnceNeverShareARow() throws Exception {
        try (Database db = withQueuedAlerts("four-instances", 400)) {
            AlertOutbox outbox = new AlertOutbox(db);
            ConcurrentLinkedQueue<Long> sent = new ConcurrentLinkedQueue<>();
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
                                sent.add(row.id());
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

            assertThat(sent).hasSize(401);
            assertThat(new HashSet<>(sent)).hasSize(401);
            assertThat(outbox.status(0, 0).sent()).isEqualTo(401);
        }
    }

    /** SKIP LOCKED: rows another instance is claiming right now are passed over, not waited for. */
    @Test
    void aClaimPassesOverRowsAnotherInstanceHasLockedInsteadOfWaiting() throws Exception {
        try (Database db = withQueuedAlerts("skip-locked", 9)) {
            AlertOutbox outbox = new AlertOutbox(db);
            Set<Long> lockedElsewhere = new HashSet<>();
            try (Connection other = db.connection()) {
                other.setAutoCommit(false);
                try (Statement s = other.createStatement();
                     ResultSet rs = s.executeQuery("SELECT id FROM alert_outbox ORDER BY id LIMIT 4 FOR UPDATE")) {
                    while (rs.next()) {
                        lockedElsewhere.add(rs.getLong(1));
                    }
                }
                ExecutorService one = Executors.newSingleThreadExecutor();
                Future<List<OutboxRow>> claim = one.submit(() -> outbox.claim("b", 10, Instant.now(), LEASE));
                List<OutboxRow> claimed = claim.get(10, TimeUnit.SECONDS);
                one.shutdown();
                other.rollback();

                assertThat(claimed).hasSize(6).extracting(OutboxRow::id).doesNotContainAnyElementsOf(lockedElsewhere);
            }
            assertThat(outbox.claim("c", 10, Instant.now(), LEASE)).extracting(OutboxRow::id)
                    .containsExactlyInAnyOrderElementsOf(lockedElsewhere);
        }
    }

    @Test
    void leasesAndAbandonedSendsWorkAsOnH2() {
        try (Database db = withQueuedAlerts("leases", 3)) {
            AlertOutbox outbox = new AlertOutbox(db);
            Instant t0 = Instant.now();
            List<OutboxRow> rows = outbox.claim("dead", 10, t0, Duration.ofSeconds(5));
            assertThat(rows).hasSize(4);
            assertThat(outbox.beginSending(rows.get(0).id(), "dead", t0, Duration.ofSeconds(5))).isTrue();

            assertThat(outbox.claim("alive", 10, t0.plusSeconds(1), LEASE)).isEmpty();
            assertThat(outbox.closeAbandonedSends(t0.plusSeconds(6))).isEqualTo(1);
            List<OutboxRow> takenOver = outbox.claim("alive", 10, t0.plusSeconds(6), LEASE);
            assertThat(takenOver).hasSize(3);
            assertThat(outbox.beginSending(takenOver.get(0).id(), "dead", t0.plusSeconds(6), LEASE)).isFalse();
            assertThat(outbox.beginSending(takenOver.get(0).id(), "alive", t0.plusSeconds(6), LEASE)).isTrue();
            QueueStatus status = outbox.status(0, 5);
            assertThat(status.failed()).isEqualTo(1);
            assertThat(status.latestFailures().get(0).lastError()).startsWith("outcome unknown");
        }
    }
}
