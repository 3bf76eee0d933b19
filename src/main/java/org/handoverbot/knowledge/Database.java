package org.handoverbot.knowledge;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * The database, migrated to the newest schema on open, whatever its vendor: H2 (the embedded default, see
 * {@link H2Connections}) or PostgreSQL (several instances on one server, see {@link PostgresConnections}).
 * Both get the same Flyway history: the portable migrations in classpath:db/migration, and the few whose SQL
 * differs in classpath:db/vendor/h2 or db/vendor/postgresql.
 * Vendor-specific connection handling lives in those two classes; this one only runs transactions.
 */
public final class Database implements AutoCloseable {

    /** Where a vendor's migrations are: the shared ones and its own (V1, whose SQL differs). */
    public static String[] migrationLocations(Vendor vendor) {
        return new String[] {"classpath:db/migration", "classpath:db/vendor/" + vendor.flywayName()};
    }

    private final DataSource pool;
    private final Vendor vendor;
    private final AutoCloseable closer;

    private Database(DataSource pool, Vendor vendor, AutoCloseable closer) {
        this.pool = pool;
        this.vendor = vendor;
        this.closer = closer;
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
            if (!SchemaCheck.isCurrent(database.pool, migrationLocations(database.vendor))) {
                Flyway.configure()
                        .dataSource(database.pool)
                        .locations(migrationLocations(database.vendor))
                        .load()
                        .migrate();
            }
            SchemaCheck.remember(database.pool);
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** How the vendor classes hand over what they opened. */
    @FunctionalInterface
    interface Opened {
        Database of(DataSource pool, Vendor vendor, AutoCloseable closer);
    }

    public Vendor vendor() {
        return vendor;
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(TransactionWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    @Override
    public void close() {
        try {
            closer.close();
        } catch (Exception e) {
            throw new StoreException("closing the database: " + e.getMessage(), e);
        }
    }
}
