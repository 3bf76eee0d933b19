package org.handoverbot.telegram;

/**
 * Whom a message goes to, as Telegram's chat_id: a chat's number, or a channel's @name. Groups and channels
 * (negative ids, @names) share Telegram's 20-a-minute limit; private chats have 1 a second.
 */
public record Recipient(String chatId, boolean groupOrChannel) {

    public static Recipient chat(long chatId) {
        return new Recipient(Long.toString(chatId), chatId < 0);
    }

    /** A chat_id as stored (the alert outbox's recipient); channel: known to be the alert channel. */
    public static Recipient of(String chatId, boolean channel) {
        return new Recipient(chatId, channel || chatId.startsWith("@") || chatId.startsWith("-"));
    }
}
