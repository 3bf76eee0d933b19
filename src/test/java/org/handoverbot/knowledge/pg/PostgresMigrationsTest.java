package org.handoverbot.knowledge.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.Vendor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The one Flyway history on both vendors: the same versions applied, only V1 written twice. */
class PostgresMigrationsTest {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @TempDir
    Path dir;

    @Test
    void aNewPostgresDatabaseGetsEveryMigrationH2Gets() throws Exception {
        List<String> onPostgres;
        try (Database db = Database.open(POSTGRES.url())) {
            assertThat(db.vendor()).isEqualTo(Vendor.POSTGRESQL);
            onPostgres = applied(db);
        }
        try (Database h2 = Database.open("jdbc:h2:file:" + dir.resolve("db"))) {
            assertThat(h2.vendor()).isEqualTo(Vendor.H2);
            assertThat(onPostgres).isEqualTo(applied(h2)).contains("1", "2", "3", "4", "5");
        }
    }

    @Test
    void openingAgainValidatesAndChangesNothing() throws Exception {
        String url = POSTGRES.another("reopen");
        try (Database first = Database.open(url)) {
            assertThat(tables(first)).contains("article", "event", "source", "quote", "alert_outbox",
                    "alert_subscription", "telegram_update", "knowledge_write");
        }
        try (Database again = Database.open(url)) {
            assertThat(Flyway.configure().dataSource(again.dataSource())
                    .locations(Database.migrationLocations(again.vendor())).load().validateWithResult()
                    .validationSuccessful).isTrue();
        } finally {
            TestPostgres.dropDatabase(url);
        }
    }

    /** Existing H2 databases keep validating: V1 moved folders (db/vendor/h2) with its content and checksum unchanged. */
    @Test
    void theH2FirstMigrationKeepsItsChecksum() throws Exception {
        try (Database h2 = Database.open("jdbc:h2:file:" + dir.resolve("checksum"))) {
            MigrationInfo v1 = Flyway.configure().dataSource(h2.dataSource())
                    .locations(Database.migrationLocations(h2.vendor())).load().info().applied()[0];
            assertThat(v1.getScript()).isEqualTo("V1__knowledge.sql");
            assertThat(v1.getChecksum()).isEqualTo(H2_V1_CHECKSUM);
        }
    }

    /** Flyway's checksum of V1 as first released (src/main/resources/db/migration/V1__knowledge.sql). */
    private static final int H2_V1_CHECKSUM = 16584538;

    private static List<String> applied(Database db) {
        List<String> versions = new ArrayList<>();
        for (MigrationInfo info : Flyway.configure().dataSource(db.dataSource())
                .locations(Database.migrationLocations(db.vendor())).load().info().applied()) {
            versions.add(info.getVersion().getVersion());
        }
        return versions;
    }

    private static List<String> tables(Database db) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
