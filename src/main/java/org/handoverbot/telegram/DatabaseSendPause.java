package org.handoverbot.telegram;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.handoverbot.knowledge.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 429 pause shared by every instance on one database (table send_pause, V11): a 429 that one instance gets
 * pauses the others too, within a quarter of a second (each reads the shared pause at most that often; its own
 * pause counts at once). A database that does not answer leaves each instance its own pause.
 */
public final class DatabaseSendPause implements SendPause {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSendPause.class);
    static final Duration READ_EVERY = Duration.ofMillis(250);

    private final Database database;
    private final Clock clock;
    private final AtomicReference<Instant> local = new AtomicReference<>(Instant.EPOCH);
    private volatile Instant shared = Instant.EPOCH;
    private volatile Instant readAt = Instant.EPOCH;

    public DatabaseSendPause(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public void pauseUntil(Instant until) {
        local.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
        try {
            database.inTransaction(c -> {
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE send_pause SET paused_until = ? WHERE id = 1 AND paused_until < ?")) {
                    OffsetDateTime time = OffsetDateTime.ofInstant(until, ZoneOffset.UTC);
                    update.setObject(1, time);
                    update.setObject(2, time);
                    return update.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("could not share the 429 pause with the other instances: {}", e.toString());
        }
    }

    @Override
    public Instant pausedUntil() {
        Instant now = clock.instant();
        if (Duration.between(readAt, now).compareTo(READ_EVERY) >= 0) {
            readAt = now;
            try {
                shared = database.inTransaction(c -> {
                    try (PreparedStatement select = c.prepareStatement("SELECT paused_until FROM send_pause WHERE id = 1");
                         ResultSet rs = select.executeQuery()) {
                        return rs.next() ? rs.getObject(1, OffsetDateTime.class).toInstant() : Instant.EPOCH;
                    }
                });
            } catch (RuntimeException e) {
                LOG.warn("could not read the shared 429 pause: {}", e.toString());
            }
        }
        Instant mine = local.get();
        return mine.isAfter(shared) ? mine : shared;
    }
}
