package org.handoverbot.knowledge;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * PostgreSQL's side of {@link Database}: a HikariCP pool. The login comes from the URL (user=, password=) or
 * from the address (HANDOVER_DB_USER, HANDOVER_DB_PASSWORD); the driver lets the URL win when both are given.
 * The pool is sized for one instance (16: the 16 reply workers, the alert sender and a reader); several
 * instances multiply it, which PostgreSQL's default of 100 connections holds for a handful of them.
 */
final class PostgresConnections {

    static final int POOL_SIZE = 16;

    private PostgresConnections() {
    }

    static Database open(DatabaseAddress address, Database.Opened opened) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(address.url());
        address.user().ifPresent(config::setUsername);
        address.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(2);
        config.setPoolName("handover-db");
        // An unreachable server is one clear failure at start, not a pool that waits forever.
        config.setInitializationFailTimeout(10_000);
        config.setConnectionTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the PostgreSQL database " + address + ": " + rootMessage(e), e);
        }
        return opened.of(pool, Vendor.POSTGRESQL, pool::close);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
