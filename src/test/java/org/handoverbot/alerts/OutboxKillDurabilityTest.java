package org.handoverbot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.handoverbot.knowledge.Database;
import org.handoverbot.telegram.OutboundGate;
import org.handoverbot.telegram.fake.FakeBotApiServer;
import org.handoverbot.telegram.fake.SentMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unlike {@link AlertKillTest} (where the test holds the database and only the sender dies), here the process
 * killed with SIGKILL is the one holding the database file, three times during one broadcast: only the marks
 * that reached the file count. A row marked sent is never sent again, and no chat hears the alert twice.
 */
class OutboxKillDurabilityTest {

    private static final int SUBSCRIBERS = 90;

    @TempDir
    Path dir;

    @Test
    void threeKillsOfTheProcessHoldingTheDatabaseNeverSendAnAlertTwice() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE";
        try (Database db = Database.open(url)) {
            QueuedAlerts.subscribeChats(db, SUBSCRIBERS);
            QueuedAlerts.report(db, Optional.empty(), Events.handover(91, "taji", LocalDate.of(2026, 2, 1)));
        }
        try (FakeBotApiServer server = FakeBotApiServer.start()) {
            for (int kill = 1; kill <= 3; kill++) {
                int before = server.calls("sendmessage").size();
                Process child = SenderProcess.start(url, server, 60);
                try {
                    server.awaitCalls("sendmessage", before + 10 + kill, Duration.ofSeconds(60));
                    child.destroyForcibly();
                    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
                } finally {
                    child.destroyForcibly();
                }
            }
            try (Database db = Database.open(url)) {
                AlertOutbox outbox = new AlertOutbox(db);
                SenderSettings settings = AlertSenderTest.fastSettings();
                try (OutboundGate gate = AlertSenderTest.fastGate(server);
                     AlertSender last = new AlertSender(outbox, new Subscriptions(db),
                             eventId -> Optional.of(AlertKillTest.html(eventId)), gate, settings,
                             Clock.systemUTC()).start()) {
                    Instant deadline = Instant.now().plusSeconds(60);
                    while (outbox.status(0, 0).pending() + outbox.status(0, 0).sending() > 0 && Instant.now().isBefore(deadline)) {
                        Thread.sleep(50);
                    }
                    server.awaitQuiet(Duration.ofMillis(500), Duration.ofSeconds(10));
                }
                Map<String, Long> perChat = server.sent().stream()
                        .collect(Collectors.groupingBy(SentMessage::chat, Collectors.counting()));
                assertThat(perChat.values()).as("no chat hears the alert twice").containsOnly(1L);
                var status = outbox.status(0, 0);
                assertThat(status.pending() + status.sending()).isZero();
                assertThat(status.sent()).as("each row marked sent was sent once").isLessThanOrEqualTo(perChat.size());
                // Closed unsent: the one request in flight at each kill, and on a loaded machine a request left
                // unanswered long enough to be called "outcome unknown"; never resent, so never a second copy.
                assertThat(status.failed()).as("closed unsent rather than risk a second copy")
                        .isLessThanOrEqualTo(3 + SUBSCRIBERS / 10);
                assertThat(status.sent() + status.failed()).isEqualTo(SUBSCRIBERS);
            }
        }
    }
}
