package org.handoverbot.telegram;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.handoverbot.cli.Application;
import org.handoverbot.config.Settings;
import org.handoverbot.telegram.fake.FakeBotApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end tests of the whole bot as it runs, one per test class: the fake Bot API server, the composed
 * {@link Application} over a fresh H2 file in {@link #folder}, and the bot on the real TelegramBots client. A
 * subclass's @BeforeAll composes {@link #app} from {@link #startServer()} and starts {@link #bot}; all three
 * are closed after its last test.
 */
abstract class WholeBotCase {

    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path folder;

    static FakeBotApiServer server;
    static Application app;
    static TelegramBot bot;

    /** Starts the fake server; the settings point the bot at it and the knowledge at a fresh H2 file. */
    static Settings startServer() {
        server = FakeBotApiServer.start();
        return Settings.from(Map.of("TELEGRAM_BOT_TOKEN", server.token(), "TELEGRAM_API_URL", server.baseUri().toString(),
                "HANDOVER_DB_URL", "jdbc:h2:file:" + folder.resolve("handover").toAbsolutePath()));
    }

    @AfterAll
    static void stop() {
        bot.close();
        app.close();
        server.close();
    }
}
