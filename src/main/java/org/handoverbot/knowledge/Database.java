package org.handoverbot.knowledge;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * The database, migrated to the newest schema on open, whatever its vendor: H2 (the embedded default, see
 * {@link H2Connections}) or PostgreSQL (several instances on one server, see {@link PostgresConnections}).
 * Both get the same Flyway history: the portable migrations in classpath:db/migration, and the few whose SQL
 * differs in classpath:db/vendor/h2 or db/vendor/postgresql.
 * Vendor-specific connection handling lives in those two classes; this one only runs transactions. What a vendor
 * needs beyond plain JDBC (H2: write-through commits, damage checks before migrating, the record of what it
 * held) reaches this class only as a {@link CommitGuard} around each commit and the close.
 */
public final class Database implements AutoCloseable {

    /** Where a vendor's migrations are: the shared ones and its own (V1, whose SQL differs). */
    public static String[] migrationLocations(Vendor vendor) {
        return new String[] {"classpath:db/migration", "classpath:db/vendor/" + vendor.flywayName()};
    }

    private final DataSource pool;
    private final Vendor vendor;
    private final AutoCloseable closer;
    private final CommitGuard guard;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(DataSource pool, Vendor vendor, AutoCloseable closer, CommitGuard guard) {
        this.pool = pool;
        this.vendor = vendor;
        this.closer = closer;
        this.guard = guard;
    }

    /** An H2 or PostgreSQL URL with its vendor's default login (or the login the URL carries). */
    public static Database open(String jdbcUrl) {
        return open(DatabaseAddress.of(jdbcUrl));
    }

    public static Database open(DatabaseAddress address) {
        Database database = switch (address.vendor()) {
            case H2 -> H2Connections.open(address, Database::new);
            case POSTGRESQL -> PostgresConnections.open(address, Database::new);
        };
        try {
            int migrated = 0;
            if (!SchemaCheck.isCurrent(database.pool, migrationLocations(database.vendor))) {
                migrated = Flyway.configure()
                        .dataSource(database.pool)
                        .locations(migrationLocations(database.vendor))
                        .load()
                        .migrate()
                        .migrationsExecuted;
            }
            SchemaCheck.remember(database.pool);
            if (migrated > 0) {
                database.guard.migrated(database);
            }
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** How the vendor classes hand over what they opened (with the guard around its commits, if it needs one). */
    @FunctionalInterface
    interface Opened {
        Database of(DataSource pool, Vendor vendor, AutoCloseable closer, CommitGuard guard);

        default Database of(DataSource pool, Vendor vendor, AutoCloseable closer) {
            return of(pool, vendor, closer, CommitGuard.NONE);
        }
    }

    public Vendor vendor() {
        return vendor;
    }

    /**
     * The database's file when this process holds it embedded (H2 on a file), for what is best kept beside it;
     * empty for PostgreSQL and for a database in memory.
     */
    public java.util.Optional<java.nio.file.Path> localFile() {
        return guard.localFile();
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws. When it returns, the
     * commit is written to the database file (the guard makes it so for vendors that would otherwise write
     * lazily): a kill -9 of this process right after loses none of it.
     */
    public <T> T inTransaction(TransactionWork<T> work) {
        return run(work, false);
    }

    /**
     * As {@link #inTransaction}, and the file is also synced to the storage device before it returns, so the
     * commit survives a power cut too. For what a person is told is done (stored, subscribed, unsubscribed):
     * a sync costs about a millisecond on a quiet disk and far more on a busy one, too much for bookkeeping at
     * tens of commits a second.
     */
    public <T> T inSyncedTransaction(TransactionWork<T> work) {
        return run(work, true);
    }

    private <T> T run(TransactionWork<T> work, boolean sync) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            long token;
            T result;
            try {
                result = work.run(c);
                token = guard.beforeCommit(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            guard.afterCommit(c, token, sync);
            return result;
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Closes the database (once): the guard records what it held, then the connections go. Call it last. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            guard.beforeClose(pool);
            closer.close();
        } catch (Exception e) {
            throw new StoreException("closing the database: " + e.getMessage(), e);
        }
    }
}
