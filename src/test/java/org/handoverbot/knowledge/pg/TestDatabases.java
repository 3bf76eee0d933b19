package org.handoverbot.knowledge.pg;

import java.nio.file.Path;

import org.handoverbot.knowledge.Vendor;

/**
 * A fresh, empty database of either vendor, for a test body that must hold on both (see {@link OnEveryVendor}):
 * on H2 a file under the test's folder, on PostgreSQL a new database on the JVM's one test server
 * ({@link TestPostgres}), gone with the server when the JVM exits.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** The new database's JDBC URL; {@code name} is the H2 file's name and part of the PostgreSQL database's. */
    public static String freshUrl(Vendor vendor, Path dir, String name) {
        return switch (vendor) {
            case H2 -> "jdbc:h2:file:" + dir.resolve(name);
            case POSTGRESQL -> TestPostgres.newDatabase(name);
        };
    }
}
