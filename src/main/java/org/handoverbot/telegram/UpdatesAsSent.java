package org.handoverbot.telegram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Each polled update's JSON as Telegram wrote it, for its claim to keep (telegram_update.payload, the update
 * journal) until it is answered. Before, the intake wrote every update back to JSON with Jackson on the poll
 * thread, about a third of that thread's CPU; and the poll thread is what sets the pace at which a burst is taken
 * in. This interceptor reads the getUpdates answer once more as tokens only (no objects), cuts out each element
 * of "result" by its byte offsets and keys it by its update_id. An update missing here (an answer too long or not
 * readable) is written back as before ({@link StoredUpdates#json}).
 */
final class UpdatesAsSent implements Interceptor {

    /** Larger answers are left to the fallback: 100 updates of Telegram's are far below this. */
    private static final long MAX_ANSWER = 32L << 20;

    /** The last getUpdates answer's updates; replaced by the next answer (the intake takes them in between). */
    private volatile Map<Long, String> latest = Map.of();

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.isSuccessful() && chain.request().url().encodedPath().toLowerCase(Locale.ROOT).endsWith("/getupdates")) {
            latest = split(response.peekBody(MAX_ANSWER).bytes());
        }
        return response;
    }

    /** The update's JSON as Telegram sent it, or as Jackson writes it when this answer did not give it. */
    String json(Update update) {
        String sent = latest.get(update.getUpdateId().longValue());
        return sent != null ? StoredUpdates.keepable(sent) : StoredUpdates.json(update);
    }

    /** Each element of the answer's "result" by its update_id; empty when the answer does not read as one. */
    static Map<Long, String> split(byte[] answer) {
        Map<Long, String> updates = new HashMap<>();
        try (JsonParser parser = StoredUpdates.JSON.getFactory().createParser(answer)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Map.of();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("result".equals(field) && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        int start = (int) parser.currentTokenLocation().getByteOffset();
                        long updateId = updateIdOf(parser);
                        int end = (int) parser.currentTokenLocation().getByteOffset() + 1;
                        if (updateId >= 0 && start >= 0 && end > start) {
                            updates.put(updateId, new String(answer, start, end - start, StandardCharsets.UTF_8));
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return Map.of(); // the library reads the answer itself and says what is wrong with it
        }
        return updates;
    }

    /** Reads one update object to its end; its update_id, or -1. */
    private static long updateIdOf(JsonParser parser) throws IOException {
        long updateId = -1;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("update_id".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                updateId = parser.getLongValue();
            } else {
                parser.skipChildren();
            }
        }
        return updateId;
    }
}
