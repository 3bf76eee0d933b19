package org.handoverbot.alerts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.Event;

/** The outbox tests' starting point on either vendor: chats following every base, and a handover reported to the writer. */
final class QueuedAlerts {

    private QueuedAlerts() {
    }

    /**
     * Opens the database at {@code url}, subscribes chats 1..subscribers and reports a handover of Taji
     * {@code reports} times: one outbox row per subscriber, plus one for the channel.
     */
    static Database open(String url, int subscribers, Optional<String> channel, int reports) {
        Database db = Database.open(url);
        subscribeChats(db, subscribers);
        for (int report = 0; report < reports; report++) {
            report(db, channel, Events.handover(1, "taji", LocalDate.of(2020, 8, 23)));
        }
        return db;
    }

    /** Chats 1..count, each following every base. */
    static void subscribeChats(Database db, int count) {
        Subscriptions subscriptions = new Subscriptions(db);
        for (long chat = 1; chat <= count; chat++) {
            subscriptions.subscribe(chat, Optional.empty());
        }
    }

    /** The event reported new, in a transaction of its own, as an ingest reports it to the outbox writer. */
    static void report(Database db, Optional<String> channel, Event event) {
        db.inTransaction(c -> {
            new AlertOutboxWriter(channel, Clock.systemUTC()).onNewEvents(c, List.of(event));
            return null;
        });
    }
}
