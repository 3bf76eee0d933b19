package org.handoverbot.telegram;

import java.io.IOException;

import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A reply's sendMessage, sent as any other through the TelegramBots client, whose answer is only checked: the reply
 * path never reads the Message Telegram sends back (the text again, its entities, the keyboard), and TelegramBots
 * reads it with its own reflective mapper through builders, about a third of the sending threads' CPU in the
 * 1,000-user burst. An answer with "ok": true completes the send with no Message (null); any other answer is read
 * by SendMessage itself, so a refusal fails exactly as before (error code, description, retry_after).
 */
final class ReplyMessage extends SendMessage {

    ReplyMessage(long chatId, String text) {
        super(Long.toString(chatId), text);
    }

    @Override
    public Message deserializeResponse(String answer) throws TelegramApiRequestException {
        if (isOk(answer)) {
            return null;
        }
        return super.deserializeResponse(answer);
    }

    /** True when the answer's top-level "ok" is true; reads only up to it, skipping whatever comes before. */
    static boolean isOk(String answer) {
        try (JsonParser parser = StoredUpdates.JSON.getFactory().createParser(answer)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("ok".equals(field)) {
                    return value == JsonToken.VALUE_TRUE;
                }
                parser.skipChildren();
            }
            return false;
        } catch (IOException | RuntimeException unreadable) {
            return false; // SendMessage reads it and says what is wrong
        }
    }
}
