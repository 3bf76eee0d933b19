package org.handoverbot.alerts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.handoverbot.knowledge.Database;
import org.handoverbot.telegram.OutboundGate;
import org.handoverbot.telegram.SendLimits;
import org.handoverbot.telegram.fake.FakeBotApiServer;

/**
 * A sender in a process of its own, for the test that kills one with SIGKILL mid-broadcast.
 * Arguments: the H2 URL, the Bot API base URL, the bot token, messages per second overall.
 * One request in flight at a time, so the test knows exactly what was sent when it kills the process.
 * It prints "sending" once its sender runs, then works until it is killed.
 */
public final class SenderProcess {

    private SenderProcess() {
    }

    /**
     * Starts one in a JVM of its own on the database at {@code dbUrl}, sending to the fake server, and returns
     * once it says "sending" (its start-up log read past); the caller kills it.
     */
    static Process start(String dbUrl, FakeBotApiServer server, int perSecond) throws IOException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SenderProcess.class.getName(),
                dbUrl, server.baseUri().toString(), server.token(), String.valueOf(perSecond))
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("sending")) {
                // the child's start-up log
            }
            return child;
        } catch (IOException | RuntimeException e) {
            child.destroyForcibly();
            throw e;
        }
    }

    public static void main(String[] args) throws Exception {
        URI api = URI.create(args[1]);
        Database db = Database.open(args[0]);
        SenderSettings settings = SenderSettings.defaults()
                .withTiming(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofMillis(20))
                .withMaxInFlight(1);
        AlertSender sender = new AlertSender(new AlertOutbox(db), new Subscriptions(db),
                eventId -> Optional.of(AlertKillTest.html(eventId)),
                OutboundGate.open(args[2], api, SendLimits.telegram().withAlertShare(1).scaledBy(Double.parseDouble(args[3]) / 30),
                        settings.sendTimeout()),
                settings, Clock.systemUTC());
        sender.start();
        System.out.println("sending");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
