package org.handoverbot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.handoverbot.knowledge.Database;
import org.handoverbot.telegram.OutboundGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At most once down to the socket: a server refuses the first sendMessage (400, connection kept alive), then
 * reads the next one, to another chat, on that same connection and drops the connection without an answer
 * (Telegram may or may not have shown it). OkHttp's default would send it again on a new connection, since
 * the broken one was a reused one; the alerts client must not, and the sender closes the row with the
 * reason instead of retrying it.
 */
class AlertTelegramClientTest {

    @TempDir
    Path dir;

    @Test
    void aConnectionLostAfterTheRequestIsNeitherRepeatedByTheClientNorResentByTheSender() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger toChat2 = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"))) {
            Thread dropper = new Thread(() -> dropEveryRequest(server, requests, toChat2), "dropping-server");
            dropper.setDaemon(true);
            dropper.start();
            new Subscriptions(db).subscribe(1, Optional.empty());
            new Subscriptions(db).subscribe(2, Optional.empty());
            db.inTransaction(c -> {
                new AlertOutboxWriter(Optional.empty(), Clock.systemUTC())
                        .onNewEvents(c, List.of(Events.handover(1, "balad", LocalDate.of(2020, 3, 19))));
                return null;
            });
            // One request at a time, so both go over the same kept-alive connection.
            SenderSettings settings = AlertSenderTest.fastSettings().withMaxInFlight(1);
            AlertOutbox outbox = new AlertOutbox(db);
            URI api = URI.create("http://127.0.0.1:" + server.getLocalPort());
            try (OutboundGate telegram = OutboundGate.open("123456789:TEST-token_abcdefghijklmnopqrstuvwxyz", api,
                    AlertSenderTest.fastLimits(), settings.sendTimeout());
                 AlertSender sender = new AlertSender(outbox, new Subscriptions(db), eventId -> Optional.of("<b>تنبيه</b>"),
                         telegram, settings, Clock.systemUTC()).start()) {
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (outbox.status(0, 0).failed() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                Thread.sleep(300);
            }
            QueueStatus status = outbox.status(0, 5);
            assertThat(toChat2.get()).isEqualTo(1);
            assertThat(status.failed()).isEqualTo(1);
            assertThat(status.latestFailures().get(0).recipient()).isEqualTo("2");
            assertThat(status.latestFailures().get(0).lastError()).startsWith("outcome unknown: connection lost mid-request");
        }
    }

    /** Refuses every request with 400, except the second, after which it drops the connection unanswered. */
    private static void dropEveryRequest(ServerSocket server, AtomicInteger requests, AtomicInteger toChat2) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread connection = new Thread(() -> serve(socket, requests, toChat2), "dropping-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return; // closed at the end of the test
            }
        }
    }

    private static void serve(Socket socket, AtomicInteger requests, AtomicInteger toChat2) {
        try (socket) {
            InputStream in = socket.getInputStream();
            while (true) {
                String headers = readHeaders(in);
                if (headers.isEmpty()) {
                    return;
                }
                int length = 0;
                for (String line : headers.split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).strip());
                    }
                }
                String json = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                if (json.contains("\"chat_id\":\"2\"")) {
                    toChat2.incrementAndGet();
                }
                if (requests.incrementAndGet() == 2) {
                    return; // the request arrived whole; the answer never leaves
                }
                byte[] body = "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}"
                        .getBytes(StandardCharsets.UTF_8);
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
