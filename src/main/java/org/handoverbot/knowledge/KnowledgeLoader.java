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
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                long before = KnowledgeVersion.read(c);
                KnowledgeModel model;
                try {
                    model = StoredRows.all(c, before);
                } catch (RuntimeException e) {
                    // rows of a write that committed between two reads (an event_source whose source came
                    // after the source read) do not fit together: only a failure at a still version is real
                    if (KnowledgeVersion.read(c) != before) {
                        continue;
                    }
                    throw e;
                }
                if (KnowledgeVersion.read(c) == before) {
                    return model;
                }
            }
            throw new StoreException("the knowledge changed during " + ATTEMPTS + " loads in a row", null);
        } catch (SQLException e) {
            throw new StoreException("cannot load the knowledge: " + e.getMessage(), e);
        }
    }
}
