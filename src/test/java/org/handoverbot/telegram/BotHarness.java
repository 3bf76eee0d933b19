package org.handoverbot.telegram;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.handoverbot.answer.Dialogue;
import org.handoverbot.config.Settings;
import org.handoverbot.knowledge.Database;
import org.handoverbot.telegram.fake.FakeBotApiServer;

/**
 * A bot on the real TelegramBots client, talking over HTTP to a fake Bot API server on 127.0.0.1, with a real
 * H2 database in a temporary folder. Restartable: a new bot on the same database and server.
 */
final class BotHarness implements AutoCloseable {

    final FakeBotApiServer server;
    final Database database;
    private final Path folder;
    private TelegramBot bot;

    BotHarness(Path folder) {
        this.folder = folder;
        this.server = FakeBotApiServer.start();
        this.database = Database.open(databaseUrl());
    }

    String databaseUrl() {
        return "jdbc:h2:file:" + folder.resolve("handover").toAbsolutePath();
    }

    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("TELEGRAM_BOT_TOKEN", server.token());
        env.put("TELEGRAM_API_URL", server.baseUri().toString());
        env.put("HANDOVER_DB_URL", databaseUrl());
        return env;
    }

    /**
     * Short waits, and limits that let tests send a burst to one chat: Telegram's limits ten times faster (10
     * replies a second to a chat) and floods only past 50 messages at once. The flood and limit tests set their own.
     */
    static TelegramOptions fastOptions() {
        return TelegramOptions.defaults().withPollTimeout(1)
                .withRetries(Duration.ofMillis(50), Duration.ofMillis(400), 3)
                .withSendLimits(SendLimits.telegram().scaledBy(10).withHeadroom(0.8))
                .withFloodLimits(new FloodLimits(50, Duration.ofMillis(100), Duration.ofSeconds(1)));
    }

    TelegramBot start(Dialogue dialogue) {
        return start(dialogue, fastOptions(), environment());
    }

    TelegramBot start(Dialogue dialogue, TelegramOptions options, Map<String, String> env) {
        bot = TelegramBot.start(Settings.from(env), dialogue, database, options);
        return bot;
    }

    TelegramBot start(Dialogue dialogue, TelegramOptions options, Map<String, String> env, BotExtras extras) {
        bot = TelegramBot.start(Settings.from(env), dialogue, database, options, extras);
        return bot;
    }

    void stopBot() {
        if (bot != null) {
            bot.close();
            bot = null;
        }
    }

    @Override
    public void close() {
        stopBot();
        database.close();
        server.close();
    }
}
