package org.handoverbot.alerts;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The TelegramBots client the alert sender talks through, on an OkHttp client of its own, because at most
 * once needs two things a general client does not give: OkHttp must never repeat a request by itself
 * (retryOnConnectionFailure(true), its default, re-sends a POST when a pooled connection breaks, and the
 * first may already have been shown), and it must never queue one (a queued request leaves late and bunches
 * up with the next; the dispatcher takes one more than the sender ever has in flight). Its threads are
 * daemons and {@link #close()} ends them, so the JVM can exit.
 */
public final class AlertTelegramClient implements AutoCloseable {

    private final OkHttpClient http;
    private final TelegramClient client;

    private AlertTelegramClient(OkHttpClient http, TelegramClient client) {
        this.http = http;
        this.client = client;
    }

    /** apiUrl: TELEGRAM_API_URL (https://api.telegram.org, or a local Bot API server, without a path). */
    public static AlertTelegramClient open(String token, URI apiUrl, SenderSettings settings) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "alert-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        Dispatcher dispatcher = new Dispatcher(threads);
        dispatcher.setMaxRequests(settings.maxInFlight() + 1);
        dispatcher.setMaxRequestsPerHost(settings.maxInFlight() + 1);
        OkHttpClient http = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(settings.maxInFlight() + 1, 5, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(settings.sendTimeout())
                .writeTimeout(settings.sendTimeout())
                .retryOnConnectionFailure(false)
                .build();
        boolean https = "https".equals(apiUrl.getScheme());
        int port = apiUrl.getPort() != -1 ? apiUrl.getPort() : https ? 443 : 80;
        TelegramUrl url = new TelegramUrl(apiUrl.getScheme(), apiUrl.getHost(), port, false);
        return new AlertTelegramClient(http, new OkHttpTelegramClient(http, token, url));
    }

    public TelegramClient client() {
        return client;
    }

    /** Cancels what is still in flight and lets the threads go; call after the sender is closed. */
    @Override
    public void close() {
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
