package org.handoverbot.knowledge;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.handoverbot.nlp.Gazetteer;

/**
 * The knowledge base read from H2. Every call reads what is committed now, so events another process
 * ingests (through AUTO_SERVER) are seen at once. Thread-safe: each call takes its own pooled connection.
 */
public final class H2KnowledgeBase implements KnowledgeBase {

    private final Database database;
    private final Gazetteer gazetteer;

    public H2KnowledgeBase(Database database, Gazetteer gazetteer) {
        this.database = Objects.requireNonNull(database);
        this.gazetteer = Objects.requireNonNull(gazetteer);
    }

    @Override
    public List<Event> events() {
        return read(c -> StoredRows.events(c, ""));
    }

    @Override
    public List<Event> eventsAbout(String baseId) {
        return read(c -> StoredRows.events(c, "e.base_id = ?", baseId));
    }

    @Override
    public Optional<Event> event(long id) {
        return read(c -> StoredRows.events(c, "e.id = ?", id)).stream().findFirst();
    }

    @Override
    public List<Quote> quotes() {
        return read(c -> StoredRows.quotes(c, ""));
    }

    @Override
    public List<Quote> quotesBy(String speakerId) {
        return read(c -> StoredRows.quotes(c, "q.speaker_id = ?", speakerId));
    }

    @Override
    public List<Quote> quotesAbout(String baseId) {
        return read(c -> StoredRows.quotes(c,
                "q.id IN (SELECT quote_id FROM quote_base WHERE base_id = ?)", baseId));
    }

    /** The province the gazetteer gives for a base id, for answers that say where a base is. */
    public Optional<String> provinceOf(String baseId) {
        return gazetteer.byId(baseId).map(e -> e.province());
    }

    private <T> T read(Query<T> query) {
        try (Connection c = database.connection()) {
            return query.run(c);
        } catch (SQLException e) {
            throw new StoreException("cannot read the knowledge base: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Query<T> {
        T run(Connection c) throws SQLException;
    }
}
