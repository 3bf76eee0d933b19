package org.handoverbot.telegram;

import java.util.Optional;

import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/**
 * An update as Telegram's JSON, to keep with its claim until it is answered (telegram_update.payload) and to
 * read back at the next start: the same mapping the long-polling library reads Telegram's answers with.
 */
final class StoredUpdates {

    /** The column's size (V13); a longer update is not kept, only Telegram could deliver it again. */
    static final int MAX_CHARS = 200_000;

    /**
     * Telegram's JSON as the bot reads and writes it: fields a newer Bot API adds are skipped. Long polling reads
     * with it and the sending client writes every request and reads every answer with it, so it runs once per update
     * and once per message: Blackbird binds the Bot API's getters and setters through generated lambdas instead of
     * reflective calls (about a sixth of a chat worker's CPU in the 1,000-user burst was Jackson's reflection).
     */
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .registerModule(new BlackbirdModule());

    private StoredUpdates() {
    }

    /** The update's JSON, or null when it cannot be written or is too long to keep. */
    static String json(Update update) {
        try {
            return keepable(JSON.writeValueAsString(update));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Telegram's JSON of an update as it came (the webhook's body), or null when too long to keep. */
    static String keepable(String json) {
        return json.length() <= MAX_CHARS ? json : null;
    }

    /** The update kept as JSON, or empty when it no longer reads (a library upgrade changed the shape). */
    static Optional<Update> update(String json) {
        try {
            return Optional.of(JSON.readValue(json, Update.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
