package org.handoverbot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.handoverbot.answer.TelegramHtmlRenderer;
import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.H2KnowledgeBase;
import org.handoverbot.knowledge.IngestReport;
import org.handoverbot.knowledge.InputFiles;
import org.handoverbot.knowledge.KnowledgeIngester;
import org.handoverbot.knowledge.SeedLoader;
import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.telegram.OutboundGate;
import org.handoverbot.telegram.fake.FakeBotApiServer;
import org.handoverbot.telegram.fake.SentMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path as the bot runs it: seeds loaded at start (no alerts), the sender running, then an operator
 * ingests articles. A new handover reaches each subscriber and the channel exactly once, composed from the
 * stored event, its sources and its article's quote; an article that only repeats a known handover sends nothing.
 */
class AlertsEndToEndTest {

    private static final Gazetteer GAZETTEER = Gazetteer.load();
    private static final String CHANNEL = "@handover_alerts";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void anIngestedHandoverReachesEachFollowerAndTheChannelOnceAndARepeatReachesNoOne() throws Exception {
        try (FakeBotApiServer server = FakeBotApiServer.start(); Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"));
             OutboundGate gate = AlertSenderTest.fastGate(server)) {
            Subscriptions subscriptions = new Subscriptions(db);
            subscriptions.subscribe(101, Optional.empty());
            subscriptions.subscribe(102, Optional.of("harir"));
            subscriptions.subscribe(103, Optional.of("k1"));
            AlertOutboxWriter writer = new AlertOutboxWriter(Optional.of(CHANNEL), Clock.systemUTC());
            KnowledgeIngester ingester = new KnowledgeIngester(db, GAZETTEER, writer);
            new SeedLoader(ingester).load();
            AlertOutbox outbox = new AlertOutbox(db);
            AlertMessages messages = new AlertMessages(new H2KnowledgeBase(db, GAZETTEER), new AlertComposer(GAZETTEER),
                    new TelegramHtmlRenderer());

            try (AlertSender sender = new AlertSender(outbox, subscriptions, messages,
                    gate,
                    AlertSenderTest.fastSettings(), Clock.systemUTC()).start()) {
                server.awaitQuiet(Duration.ofMillis(300), WAIT);
                assertThat(server.calls("sendmessage")).as("the seed article is knowledge, not news").isEmpty();

                // A made-up article (its publisher says so): a handover the seeds and the timeline do not hold.
                IngestReport harir = ingester.ingest(InputFiles.articleResource("/alerts/harir-2026-11-19.txt"));
                assertThat(harir.added()).hasSize(1);
                sender.nudge();
                server.awaitSent(101, 1, WAIT);
                server.awaitSent(102, 1, WAIT);
                server.awaitSent(CHANNEL, 1, WAIT);
                server.awaitQuiet(Duration.ofMillis(300), WAIT);

                IngestReport repeat = ingester.ingest(InputFiles.articleResource("/alerts/qaim-again-2020-03-20.txt"));
                assertThat(repeat.added()).isEmpty();
                assertThat(repeat.gainedSources()).isNotEmpty();
                sender.nudge();
                server.awaitQuiet(Duration.ofMillis(500), WAIT);
            }

            Map<String, Long> perChat = server.sent().stream()
                    .collect(Collectors.groupingBy(SentMessage::chat, Collectors.counting()));
            assertThat(perChat).containsOnly(Map.entry("101", 1L), Map.entry("102", 1L), Map.entry(CHANNEL, 1L));
            String alert = server.sentTo(102).get(0).visibleText();
            assertThat(alert).contains("سُلّمت قاعدة حرير في محافظة أربيل من التحالف الدولي إلى القوات الأمنية العراقية")
                    .contains("الخميس 19 تشرين الثاني (نوفمبر) 2026")
                    .contains("موقع اختبار التنبيهات")
                    .contains("قوات التحالف الدولي سلّمت صباح اليوم الخميس قاعدة حرير بالكامل إلى القوات الأمنية العراقية");
            assertThat(server.sentTo(CHANNEL).get(0).text()).isEqualTo(server.sentTo(101).get(0).text());
            assertThat(outbox.status(0, 0).sent()).isEqualTo(3);
        }
    }

    @Test
    void theSeedsLoadedAtStartQueueNoAlert() {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"))) {
            new Subscriptions(db).subscribe(101, Optional.empty());
            new SeedLoader(new KnowledgeIngester(db, GAZETTEER,
                    new AlertOutboxWriter(Optional.of(CHANNEL), Clock.systemUTC()))).load();
            QueueStatus status = new AlertOutbox(db).status(0, 0);
            assertThat(status.pending() + status.sent() + status.failed()).isZero();
        }
    }
}
