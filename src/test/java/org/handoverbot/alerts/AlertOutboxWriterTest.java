package org.handoverbot.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertOutboxWriterTest {

    @TempDir
    Path dir;

    @Test
    void aNewHandoverQueuesOneAlertPerMatchingSubscriberAndOneForTheChannel() {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"))) {
            Subscriptions subs = new Subscriptions(db);
            subs.subscribe(1, Optional.empty());
            subs.subscribe(2, Optional.of("qayyarah"));
            subs.subscribe(3, Optional.of("k1"));
            subs.subscribe(4, Optional.of("qayyarah"));
            subs.subscribe(4, Optional.of("taji"));
            AlertOutboxWriter writer = new AlertOutboxWriter(Optional.of("@handover_alerts"), Clock.systemUTC());

            db.inTransaction(c -> {
                writer.onNewEvents(c, List.of(Events.handover(10, "qayyarah", LocalDate.of(2020, 3, 26))));
                return null;
            });

            assertThat(recipients(db, 10)).containsExactlyInAnyOrder("1", "2", "4", "@handover_alerts");
        }
    }

    @Test
    void aPlannedHandoverIsNewsButAnAttackIsNot() {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"))) {
            new Subscriptions(db).subscribe(1, Optional.empty());
            AlertOutboxWriter writer = new AlertOutboxWriter(Optional.empty(), Clock.systemUTC());

            db.inTransaction(c -> {
                writer.onNewEvents(c, List.of(Events.planned(11, "qayyarah"), Events.attack(12)));
                return null;
            });

            assertThat(recipients(db, 11)).containsExactly("1");
            assertThat(recipients(db, 12)).isEmpty();
        }
    }

    @Test
    void theAlertsRollBackWithTheIngestThatFailed() {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"))) {
            new Subscriptions(db).subscribe(1, Optional.empty());
            AlertOutboxWriter writer = new AlertOutboxWriter(Optional.of("@handover_alerts"), Clock.systemUTC());

            assertThatThrownBy(() -> db.inTransaction(c -> {
                writer.onNewEvents(c, List.of(Events.handover(13, "k1", LocalDate.of(2020, 3, 29))));
                throw new IllegalStateException("the article failed to store");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(recipients(db, 13)).isEmpty();
        }
    }

    @Test
    void theSameEventToldTwiceQueuesNothingMore() {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"))) {
            new Subscriptions(db).subscribe(1, Optional.empty());
            AlertOutboxWriter writer = new AlertOutboxWriter(Optional.of("@handover_alerts"), Clock.systemUTC());
            Event event = Events.handover(14, "taji", LocalDate.of(2020, 8, 23));

            for (int i = 0; i < 2; i++) {
                db.inTransaction(c -> {
                    writer.onNewEvents(c, List.of(event));
                    return null;
                });
            }

            assertThat(recipients(db, 14)).containsExactlyInAnyOrder("1", "@handover_alerts");
        }
    }

    static List<String> recipients(Database db, long eventId) {
        return db.inTransaction(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT recipient FROM alert_outbox WHERE event_id = ?")) {
                s.setLong(1, eventId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }
}
