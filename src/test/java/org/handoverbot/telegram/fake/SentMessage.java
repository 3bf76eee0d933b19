package org.handoverbot.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A message the bot got into a chat (sendMessage) or changed (editMessageText), as the fake server accepted it.
 * chat is the chat_id as sent (a number, or an @channel name); text is the raw text, still with its HTML markup.
 * replyMarkup is the JSON the bot sent (missing node when none). atNanos is System.nanoTime() on arrival.
 */
public record SentMessage(String chat, int messageId, String method, String text, String parseMode,
                          JsonNode replyMarkup, long atNanos) {

    /** Callback data of every inline button, row by row. */
    public java.util.List<String> buttonData() {
        java.util.List<String> data = new java.util.ArrayList<>();
        replyMarkup.path("inline_keyboard").forEach(row -> row.forEach(b -> data.add(b.path("callback_data").asText())));
        return data;
    }

    /** Labels of every inline button, row by row. */
    public java.util.List<String> buttonLabels() {
        java.util.List<String> labels = new java.util.ArrayList<>();
        replyMarkup.path("inline_keyboard").forEach(row -> row.forEach(b -> labels.add(b.path("text").asText())));
        return labels;
    }

    /** The text as a user sees it: tags dropped, entities decoded. */
    public String visibleText() {
        return "HTML".equalsIgnoreCase(parseMode) ? TelegramHtml.visibleText(text) : text;
    }
}
