package org.handoverbot.knowledge;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Reads the whole knowledge from the database into a {@link KnowledgeModel}, as one consistent view: the
 * version is read before and after the eight table reads, and a write that committed in between (every
 * knowledge write bumps the version in its own transaction) makes the load start again, so a model never
 * holds half an ingest. This works the same under any isolation level the database offers.
 */
public final class KnowledgeLoader {

    private static final int ATTEMPTS = 10;

    private final Database database;

    public KnowledgeLoader(Database database) {
        this.database = Objects.requireNonNull(database);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while loading the knowledge", e);
        }
    }

    /** The version committed now. */
    public long version() {
        try (Connection c = database.connection()) {
            return KnowledgeVersion.read(c);
        } catch (SQLException e) {
            throw new StoreException("cannot read the knowledge version: " + e.getMessage(), e);
        }
    }

    /** Everything committed now. Throws StoreException when the database fails or keeps changing under it. */
    public KnowledgeModel load() {
        try (Connection c = database.connection()) {
            RuntimeException misfit = null;
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                long before = KnowledgeVersion.read(c);
                KnowledgeModel model;
                try {
                    model = StoredRows.all(c, before);
                } catch (RuntimeException e) {
                    // rows of a write that committed between two reads (an event_source whose source came
                    // after the source read) do not fit together. Under READ COMMITTED the version read after
                    // such a misfit has been seen at the old number on a loaded machine, so a misfit is read
                    // again; only one that persists through every attempt is a real failure.
                    misfit = e;
                    pause();
                    continue;
                }
                if (KnowledgeVersion.read(c) == before) {
                    return model;
                }
            }
            if (misfit != null) {
                throw misfit;
            }
            throw new StoreException("the knowledge changed during " + ATTEMPTS + " loads in a row", null);
        } catch (SQLException e) {
            throw new StoreException("cannot load the knowledge: " + e.getMessage(), e);
        }
    }
}
