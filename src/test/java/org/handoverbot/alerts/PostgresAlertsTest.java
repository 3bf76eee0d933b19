package org.handoverbot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

/**
 * Subscriptions and the outbox on a real PostgreSQL server, where several instances share them: what only PostgreSQL
 * does (SKIP LOCKED, one chat subscribing from many threads). Subscriptions' rules run on both vendors in
 * {@link SubscriptionsTest}. The outbox's claims, leases and retries run on both vendors in {@link AlertOutboxTest}.
 */
class PostgresAlertsTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    /** Chats 1..subscribers and the channel, the handover reported twice (as two reports of one event would be). */
    private static Database withQueuedAlerts(String name, int subscribers) {
        return QueuedAlerts.open(POSTGRES.another(name), subscribers, Optional.of("@handover_channel"), 2);
    }

    /** The rules themselves run on both vendors in {@link SubscriptionsTest}. */
    @Test
    void oneChatSubscribingFromManyThreadsAtOnceIsFollowingTheBaseOnceAndOthersAreKept() throws Exception {
        try (Database db = Database.open(POSTGRES.url())) {
            Subscriptions desk = new Subscriptions(db);
            desk.subscribe(7, Optional.empty());

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
}
