package org.handoverbot.telegram;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Lets a waiting long poll end at once on shutdown without the polling library taking it for a failure (it would
 * log an error with a stack trace and go into back-off): each call runs as an inner call that stop() cancels,
 * and the library's call then gets Telegram's ordinary empty answer.
 */
final class StoppableCalls implements Interceptor {

    private static final String NO_UPDATES = "{\"ok\":true,\"result\":[]}";

    private final OkHttpClient inner;
    private final Set<Call> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    StoppableCalls(OkHttpClient inner) {
        this.inner = inner;
    }

    /** A client whose calls go through this interceptor. */
    OkHttpClient outer() {
        return inner.newBuilder().addInterceptor(this).build();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (stopping) {
            return noUpdates(chain);
        }
        Call call = inner.newCall(chain.request());
        running.add(call);
        try {
            return call.execute();
        } catch (IOException e) {
            if (stopping) {
                return noUpdates(chain);
            }
            throw e;
        } finally {
            running.remove(call);
        }
    }

    void stop() {
        stopping = true;
        running.forEach(Call::cancel);
    }

    private static Response noUpdates(Chain chain) {
        return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
                .body(ResponseBody.create(NO_UPDATES, MediaType.get("application/json"))).build();
    }
}
