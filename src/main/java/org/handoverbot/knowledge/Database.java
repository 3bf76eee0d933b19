package org.handoverbot.knowledge;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * The database, migrated to the newest schema on open (Flyway, classpath:db/migration). What a vendor needs
 * beyond plain JDBC (H2: write-through commits, damage checks before migrating, the record of what it held)
 * lives in that vendor's classes ({@link H2Database}) and reaches this one only as a {@link CommitGuard}
 * around each commit and the close.
 * With AUTO_SERVER=TRUE in an H2 URL (the default setting) a second process (`ingest`, `events`) can use the
 * file while the bot holds it: the first process serves it to the others over TCP on 127.0.0.1.
 */
public final class Database implements AutoCloseable {

    private final DataSource dataSource;
    private final CommitGuard guard;
    private final Runnable release;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    Database(DataSource dataSource, CommitGuard guard, Runnable release) {
        this.dataSource = dataSource;
        this.guard = guard;
        this.release = release;
    }

    /**
     * Opens (creating it if new) and migrates the database. A damaged H2 file is refused before any
     * migration runs ({@link DamagedDatabaseException}, one line naming the way out).
     */
    public static Database open(String jdbcUrl) {
        return H2Database.open(jdbcUrl);
    }

    /** Runs the migrations not yet applied; returns how many ran. */
    static int migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
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
        try (Connection c = dataSource.getConnection()) {
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

    /** Closes the database: the guard records what it held, then the connections go. Call it last. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            guard.beforeClose(dataSource);
        } finally {
            release.run();
        }
    }
}
