package org.handoverbot.answer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.handoverbot.knowledge.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Each chat's dialogue state in the database (table chat_state, V10), as JSON written by Jackson, so that every
 * instance on the database continues the same conversation: a follow-up that reaches another instance still
 * knows the last question. A state older than the time to live is no state; old rows are pruned now and then.
 * A state that no longer reads (its record changed shape) is dropped, as a forgotten conversation would be.
 */
public final class DatabaseChatStates<S> implements ChatStateStore<S> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseChatStates.class);
    private static final int PRUNE_EVERY = 5_000;

    private final Database database;
    private final Class<S> type;
    private final Duration ttl;
    private final Clock clock;
    private final String upsert;
    private final AtomicLong saves = new AtomicLong();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public DatabaseChatStates(Database database, Class<S> type, Duration ttl, Clock clock) {
        this.database = database;
        this.type = type;
        this.ttl = ttl;
        this.clock = clock;
        this.upsert = database.vendor().insertOrReplace("chat_state", List.of("chat_id"), List.of("state", "updated_at"));
    }

    @Override
    public Optional<S> load(long chatId) {
        Optional<String> stored = database.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT state FROM chat_state WHERE chat_id = ? AND updated_at >= ?")) {
                select.setLong(1, chatId);
                select.setTimestamp(2, Timestamp.from(clock.instant().minus(ttl)));
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
        try {
            return stored.isEmpty() ? Optional.empty() : Optional.of(json.readValue(stored.get(), type));
        } catch (IOException e) {
            LOG.warn("the stored state of chat {} does not read as {} ({}); starting afresh", chatId,
                    type.getSimpleName(), e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void save(long chatId, S state) {
        String text;
        try {
            text = json.writeValueAsString(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant now = clock.instant();
        database.inTransaction(c -> {
            try (PreparedStatement write = c.prepareStatement(upsert)) {
                write.setLong(1, chatId);
                write.setString(2, text);
                write.setTimestamp(3, Timestamp.from(now));
                return write.executeUpdate();
            }
        });
        if (saves.incrementAndGet() % PRUNE_EVERY == 0) {
            forgetOlderThan(now.minus(ttl));
        }
    }

    /** Deletes the states last written before the cutoff; returns how many. */
    public int forgetOlderThan(Instant cutoff) {
        return database.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM chat_state WHERE updated_at < ?")) {
                delete.setTimestamp(1, Timestamp.from(cutoff));
                return delete.executeUpdate();
            }
        });
    }
}
