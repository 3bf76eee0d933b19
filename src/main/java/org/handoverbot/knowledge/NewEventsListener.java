package org.handoverbot.knowledge;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Told of events that were new to the knowledge base, inside the ingest transaction, so that what it writes
 * (the alerts outbox) commits or rolls back with the events themselves. Not called for seeds loaded at start.
 * An event already known that gains one more source is not new.
 */
@FunctionalInterface
public interface NewEventsListener {

    void onNewEvents(Connection transaction, List<Event> newEvents) throws SQLException;

    NewEventsListener NONE = (transaction, newEvents) -> { };
}
