package org.handoverbot.alerts;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.handoverbot.knowledge.Database;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * A sender in a process of its own, for the test that kills one with SIGKILL mid-broadcast.
 * Arguments: the H2 URL, the Bot API base URL, the bot token, messages per second overall.
 * It prints "sending" once its sender runs, then works until it is killed.
 */
public final class SenderProcess {

    private SenderProcess() {
    }

    public static void main(String[] args) throws Exception {
        URI api = URI.create(args[1]);
        Database db = Database.open(args[0]);
        SenderSettings settings = SenderSettings.defaults()
                .withLimits(AlertLimits.telegram().scaledBy(Double.parseDouble(args[3]) / 30))
                .withTiming(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofMillis(20));
        AlertSender sender = new AlertSender(new AlertOutbox(db), new Subscriptions(db),
                eventId -> Optional.of(AlertKillTest.html(eventId)),
                new OkHttpTelegramClient(args[2], new TelegramUrl(api.getScheme(), api.getHost(), api.getPort(), false)),
                settings, Clock.systemUTC());
        sender.start();
        System.out.println("sending");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
