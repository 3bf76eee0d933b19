package org.handoverbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Databases already in use keep starting after an upgrade. Flyway refuses a database whose history misses a
 * migration numbered below its newest applied one, so a migration added later must be numbered above every
 * released one (V8_1, added after V11 had shipped, once stopped every existing database from starting).
 * src/test/resources/db/released-migrations.txt lists what the last release shipped.
 */
class MigrationHistoryTest {

    @TempDir
    Path dir;

    @Test
    void everyMigrationAddedSinceTheLastReleaseIsNumberedAboveAllItShipped() throws Exception {
        List<String> released = released();
        MigrationVersion newestReleased = released.stream().map(MigrationHistoryTest::version)
                .max(MigrationVersion::compareTo).orElseThrow();
        List<String> current = current();
        assertThat(current).as("the released migrations are still there, unchanged in name").containsAll(released);
        for (String added : current) {
            if (!released.contains(added)) {
                assertThat(version(added)).as(added + " is numbered above the newest released migration")
                        .isGreaterThan(newestReleased);
            }
        }
    }

    @Test
    void anH2DatabaseMadeByTheLastReleaseStartsAndGetsTheNewMigrationsWithItsRowsKept() throws Exception {
        Path releasedScripts = dir.resolve("released");
        for (String script : released()) {
            if (script.startsWith("db/migration/") || script.startsWith("db/vendor/h2/")) {
                Path copy = releasedScripts.resolve(Path.of(script).getFileName());
                Files.createDirectories(copy.getParent());
                try (InputStream in = MigrationHistoryTest.class.getResourceAsStream("/" + script)) {
                    Files.copy(in, copy);
                }
            }
        }
        String url = "jdbc:h2:file:" + dir.resolve("in-use");
        Flyway.configure().dataSource(url, "sa", "").locations("filesystem:" + releasedScripts).load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO alert_subscription (chat_id, base_id) VALUES (7, 'al-qaim')");
        }

        try (Database upgraded = Database.open(url)) {
            MigrationInfo[] applied = Flyway.configure().dataSource(upgraded.dataSource())
                    .locations(Database.migrationLocations(upgraded.vendor())).load().info().applied();
            assertThat(Arrays.stream(applied).map(MigrationInfo::getScript).toList())
                    .as("every current migration applied").containsAll(current().stream()
                            .filter(s -> !s.startsWith("db/vendor/postgresql/"))
                            .map(s -> Path.of(s).getFileName().toString()).toList());
            try (Connection c = upgraded.connection(); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM alert_subscription WHERE chat_id = 7")) {
                rows.next();
                assertThat(rows.getInt(1)).as("the subscription made before the upgrade").isEqualTo(1);
            }
        }
    }

    private static List<String> released() throws IOException {
        try (InputStream in = MigrationHistoryTest.class.getResourceAsStream("/db/released-migrations.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    /** The migration scripts the build ships, as resource paths (db/migration/…, db/vendor/VENDOR/…). */
    private static List<String> current() throws IOException, URISyntaxException {
        Path root = Path.of(MigrationHistoryTest.class.getResource("/db/migration").toURI()).getParent();
        List<String> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.getFileName().toString().matches("V[0-9_]+__.*\\.sql"))
                    .forEach(f -> scripts.add("db/" + root.relativize(f).toString().replace('\\', '/')));
        }
        return scripts;
    }

    private static MigrationVersion version(String script) {
        String name = Path.of(script).getFileName().toString();
        return MigrationVersion.fromVersion(name.substring(1, name.indexOf("__")).replace('_', '.'));
    }
}
