package org.handoverbot.telegram;

import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * OkHttp clients whose threads never keep the JVM alive, and a way to end them: the library's defaults leave
 * non-daemon dispatcher threads and an unfinished long poll behind, and the process would not exit.
 */
final class HttpClients {

    private HttpClients() {
    }

    static OkHttpClient create(String name, Duration readTimeout, int maxParallel) {
        return builder(name, readTimeout, maxParallel).retryOnConnectionFailure(true).build();
    }

    /**
     * For sends: OkHttp never repeats a request by itself (a POST re-sent after its pooled connection broke may be
     * shown twice) and never queues one (the dispatcher runs maxParallel at once; callers stay below it). Idle
     * connections are kept only 2 s: OkHttp checks a pooled connection before reuse only after 10 s idle, and
     * without its own retry a connection that died meanwhile (an outage begins) costs the message on it, which
     * may or may not have arrived. A broadcast or a busy bot reuses its connections well within 2 s.
     */
    static OkHttpClient createForSends(String name, Duration readTimeout, int maxParallel) {
        return builder(name, readTimeout, maxParallel).writeTimeout(readTimeout)
                .connectionPool(new okhttp3.ConnectionPool(maxParallel, 2, TimeUnit.SECONDS))
                .retryOnConnectionFailure(false).build();
    }

    private static OkHttpClient.Builder builder(String name, Duration readTimeout, int maxParallel) {
        ThreadPoolExecutor threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), DaemonThreads.numbered(name + "-http-"));
        Dispatcher dispatcher = new Dispatcher(threads);
        dispatcher.setMaxRequests(maxParallel);
        dispatcher.setMaxRequestsPerHost(maxParallel);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new okhttp3.ConnectionPool(Math.max(5, maxParallel), 5, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(readTimeout)
                .writeTimeout(Duration.ofSeconds(30));
    }

    /** Cancels calls in flight (including a waiting long poll) and lets the threads go. */
    static void shutdown(OkHttpClient client) {
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
