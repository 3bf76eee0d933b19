package org.handoverbot.alerts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.handoverbot.knowledge.Database;

/** The outbox tests' starting point on either vendor: subscribers, and one handover of Taji reported to the writer. */
final class QueuedAlerts {

    private QueuedAlerts() {
    }

    /**
     * Opens the database at {@code url}, subscribes chats 1..subscribers to every base and reports the handover
     * {@code reports} times (each in its own transaction): one outbox row per subscriber, plus one for the channel.
     */
    static Database open(String url, int subscribers, Optional<String> channel, int reports) {
        Database db = Database.open(url);
        Subscriptions subs = new Subscriptions(db);
        for (int chat = 1; chat <= subscribers; chat++) {
            subs.subscribe(chat, Optional.empty());
        }
        AlertOutboxWriter writer = new AlertOutboxWriter(channel, Clock.systemUTC());
        for (int report = 0; report < reports; report++) {
            db.inTransaction(c -> {
                writer.onNewEvents(c, List.of(Events.handover(1, "taji", LocalDate.of(2020, 8, 23))));
                return null;
            });
        }
        return db;
    }
}
