package org.handoverbot.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;

/** One Bot API request the fake server received: lower-case method name, its parameters, when (System.nanoTime). */
public record ApiCall(String method, JsonNode params, long atNanos) {

    /** The chat_id parameter as a number, or 0 when the call names no chat (or names a channel by @name). */
    public long chatId() {
        JsonNode chat = params.path("chat_id");
        return chat.canConvertToLong() ? chat.asLong() : chat.isTextual() && chat.asText().matches("-?\\d+") ? Long.parseLong(chat.asText()) : 0L;
    }
}
