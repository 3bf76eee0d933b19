package org.handoverbot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.handoverbot.answer.Reply;
import org.handoverbot.knowledge.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertQueueDeskTest {

    private static final long ADMIN = 900;

    @TempDir
    Path dir;

    private static String text(Reply reply) {
        StringBuilder out = new StringBuilder();
        for (Reply.Block block : reply.blocks()) {
            ((Reply.Paragraph) block).spans().forEach(s -> out.append(s.text()));
            out.append('\n');
        }
        return out.toString();
    }

    @Test
    void anAdminSeesTheQueueCountsTheNextDueTheLatestFailureAndTheSubscribers() {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"))) {
            Subscriptions subs = new Subscriptions(db);
            subs.subscribe(1, Optional.empty());
            subs.subscribe(2, Optional.of("k1"));
            subs.subscribe(3, Optional.empty());
            db.inTransaction(c -> {
                new AlertOutboxWriter(Optional.of("@handover_alerts"), Clock.systemUTC())
                        .onNewEvents(c, List.of(Events.handover(5, "k1", LocalDate.of(2020, 3, 29))));
                return null;
            });
            AlertOutbox outbox = new AlertOutbox(db);
            List<OutboxRow> two = outbox.claim("a", 2, Instant.now(), Duration.ofSeconds(30));
            outbox.beginSending(two.get(0).id(), "a", Instant.now(), Duration.ofSeconds(30));
            outbox.markSent(two.get(0).id(), 77, Instant.now());
            outbox.beginSending(two.get(1).id(), "a", Instant.now(), Duration.ofSeconds(30));
            outbox.fail(two.get(1).id(), "403 Forbidden: bot was blocked by the user");

            String shown = text(new AlertQueueDesk(Set.of(ADMIN), outbox, subs).queue(ADMIN));

            assertThat(shown).contains("قيد الانتظار: 2").contains("أُرسلت: 1").contains("فشلت: 1")
                    .contains("المشتركون: 3").contains("الحدث 5").contains("403 Forbidden: bot was blocked by the user");
        }
    }

    @Test
    void anyoneElseIsPolitelyRefusedAndLearnsNothingAboutTheQueue() {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"))) {
            Subscriptions subs = new Subscriptions(db);
            subs.subscribe(1, Optional.empty());
            AlertQueueDesk desk = new AlertQueueDesk(Set.of(ADMIN), new AlertOutbox(db), subs);

            String shown = text(desk.queue(1));

            assertThat(shown).contains("عذراً").contains("لمشرفي البوت فقط").doesNotContain("المشتركون");
            assertThat(desk.isAdmin(1)).isFalse();
            assertThat(desk.isAdmin(ADMIN)).isTrue();
        }
    }
}
