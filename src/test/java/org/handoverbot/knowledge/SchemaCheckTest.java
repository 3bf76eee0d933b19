package org.handoverbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting skips Flyway only when the history already holds every migration on the class path. */
class SchemaCheckTest {

    @TempDir
    Path dir;

    @Test
    void aNewDatabaseIsNotCurrentAMigratedOneIsAndOneMissingAMigrationIsNot() throws Exception {
        String[] locations = Database.migrationLocations(Vendor.H2);
        JdbcConnectionPool bare = JdbcConnectionPool.create(TestStores.url(dir), "sa", "");
        try {
            assertThat(SchemaCheck.isCurrent(bare, locations)).as("no history yet").isFalse();
        } finally {
            bare.dispose();
        }
        try (Database db = TestStores.open(dir)) {
            assertThat(SchemaCheck.isCurrent(db.dataSource(), locations)).isTrue();
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"script\" LIKE 'V6\\_\\_%'");
            }
            assertThat(SchemaCheck.isCurrent(db.dataSource(), locations)).as("V6 not in the history").isFalse();
        }
    }

    @Test
    void theMigrationsAreListedFromTheClassPathAndAnUnlistableLocationIsDoubt() {
        assertThat(SchemaCheck.scriptsOnClassPath(Database.migrationLocations(Vendor.H2)).orElseThrow())
                .contains("V1__knowledge.sql", "V6__knowledge_version.sql")
                .allMatch(name -> name.matches("V[0-9_]+__.*\\.sql"));
        assertThat(SchemaCheck.scriptsOnClassPath("filesystem:/tmp")).isEmpty();
    }
}
