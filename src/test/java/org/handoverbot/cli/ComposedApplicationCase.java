package org.handoverbot.cli;

import java.nio.file.Path;
import java.util.Map;

import org.handoverbot.config.Settings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests of the composed application as `ask` and the bot start it: one {@link Application} per test class over
 * a fresh H2 file in {@link #dir} (migrated, seeds loaded), open to a second process (AUTO_SERVER) at {@link #url()}.
 */
abstract class ComposedApplicationCase {

    @TempDir
    static Path dir;
    static Application app;

    @BeforeAll
    static void start() {
        app = new Application(Settings.from(Map.of("HANDOVER_DB_URL", url())));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String url() {
        return "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    }
}
