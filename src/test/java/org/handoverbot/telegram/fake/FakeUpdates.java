package org.handoverbot.telegram.fake;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Updates as Telegram sends them (the JSON of the Bot API, without update_id: the server numbers them when they
 * are enqueued). In a private chat the chat id is the user's id, as on Telegram.
 */
public final class FakeUpdates {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final AtomicInteger MESSAGE_IDS = new AtomicInteger(1);

    private FakeUpdates() {
    }

    /** A text message in a private chat; a leading /command gets its bot_command entity like on Telegram. */
    public static ObjectNode text(long chatId, String text) {
        return JSON.objectNode().set("message", message(privateChat(chatId), user(chatId), text));
    }

    public static ObjectNode sticker(long chatId) {
        ObjectNode message = message(privateChat(chatId), user(chatId), null);
        ObjectNode sticker = message.putObject("sticker");
        sticker.put("file_id", "CAACAgIAAxkBAAEB").put("file_unique_id", "AgADsticker").put("type", "regular")
                .put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false).put("emoji", "👍");
        return JSON.objectNode().set("message", message);
    }

    public static ObjectNode photo(long chatId, String caption) {
        ObjectNode message = message(privateChat(chatId), user(chatId), null);
        message.putArray("photo").addObject().put("file_id", "AgACAgIAAxkBphoto").put("file_unique_id", "AQADphoto")
                .put("width", 90).put("height", 90).put("file_size", 1200);
        if (caption != null) {
            message.put("caption", caption);
        }
        return JSON.objectNode().set("message", message);
    }

    public static ObjectNode voice(long chatId) {
        ObjectNode message = message(privateChat(chatId), user(chatId), null);
        message.putObject("voice").put("file_id", "AwACAgIAAxkBvoice").put("file_unique_id", "AgADvoice")
                .put("duration", 3).put("mime_type", "audio/ogg");
        return JSON.objectNode().set("message", message);
    }

    /** The user edited an earlier message of theirs. */
    public static ObjectNode editedText(long chatId, String text) {
        ObjectNode message = message(privateChat(chatId), user(chatId), text);
        message.put("edit_date", Instant.now().getEpochSecond());
        return JSON.objectNode().set("edited_message", message);
    }

    /** The user pressed an inline button under the bot's message messageId. */
    public static ObjectNode callback(long chatId, int messageId, String data) {
        ObjectNode botMessage = JSON.objectNode();
        botMessage.put("message_id", messageId).put("date", Instant.now().getEpochSecond()).put("text", "…");
        botMessage.set("chat", privateChat(chatId));
        botMessage.set("from", FakeBotApiServer.botUser());
        ObjectNode query = JSON.objectNode();
        query.put("id", "cb" + MESSAGE_IDS.incrementAndGet());
        query.set("from", user(chatId));
        query.set("message", botMessage);
        query.put("chat_instance", "ci" + chatId);
        query.put("data", data);
        return JSON.objectNode().set("callback_query", query);
    }

    /** A post in a channel the bot administers (channel ids are negative, -100...). */
    public static ObjectNode channelPost(long channelId, String text) {
        ObjectNode chat = JSON.objectNode().put("id", channelId).put("type", "channel").put("title", "قناة");
        return JSON.objectNode().set("channel_post", message(chat, null, text));
    }

    /** A text message by userId in a group; mention the bot (@username) or use /command@username to address it. */
    public static ObjectNode groupText(long groupId, long userId, String text) {
        ObjectNode chat = JSON.objectNode().put("id", groupId).put("type", "supergroup").put("title", "مجموعة");
        ObjectNode message = message(chat, user(userId), text);
        String mention = "@" + FakeBotApiServer.BOT_USERNAME;
        int at = text.indexOf(mention);
        if (at >= 0 && !text.startsWith("/")) {
            message.withArray("entities").addObject().put("type", "mention").put("offset", at).put("length", mention.length());
        }
        return JSON.objectNode().set("message", message);
    }

    /** A text message by userId in a group, replying to the bot's message botMessageId. */
    public static ObjectNode groupReplyToBot(long groupId, long userId, int botMessageId, String text) {
        ObjectNode update = groupText(groupId, userId, text);
        ObjectNode repliedTo = ((ObjectNode) update.get("message")).putObject("reply_to_message");
        repliedTo.put("message_id", botMessageId).put("date", Instant.now().getEpochSecond()).put("text", "…");
        repliedTo.set("from", FakeBotApiServer.botUser());
        repliedTo.set("chat", update.get("message").get("chat").deepCopy());
        return update;
    }

    /** What userId typed after the bot's @name in any chat (inline mode). */
    public static ObjectNode inlineQuery(long userId, String query) {
        ObjectNode inline = JSON.objectNode();
        inline.put("id", "iq" + userId + "-" + MESSAGE_IDS.incrementAndGet());
        inline.set("from", user(userId));
        inline.put("query", query).put("offset", "").put("chat_type", "sender");
        return JSON.objectNode().set("inline_query", inline);
    }

    /** userId chose an inline result, which Telegram posted (sent only with /setinlinefeedback on). */
    public static ObjectNode chosenInlineResult(long userId, String resultId, String query) {
        ObjectNode chosen = JSON.objectNode();
        chosen.put("result_id", resultId);
        chosen.set("from", user(userId));
        chosen.put("query", query).put("inline_message_id", "im" + MESSAGE_IDS.incrementAndGet());
        return JSON.objectNode().set("chosen_inline_result", chosen);
    }

    /**
     * The bot's own membership changed in a chat (my_chat_member): e.g. "kicked" (blocked in a private chat,
     * removed from a group), "left", "member" (added or unblocked). A positive chatId is a private chat, where
     * the user did it; a negative one a group, where userId did.
     */
    public static ObjectNode myChatMember(long chatId, long userId, String oldStatus, String newStatus) {
        ObjectNode chat = chatId > 0 ? privateChat(chatId)
                : JSON.objectNode().put("id", chatId).put("type", "supergroup").put("title", "مجموعة");
        ObjectNode change = JSON.objectNode();
        change.set("chat", chat);
        change.set("from", user(userId));
        change.put("date", Instant.now().getEpochSecond());
        change.set("old_chat_member", member(oldStatus));
        change.set("new_chat_member", member(newStatus));
        return JSON.objectNode().set("my_chat_member", change);
    }

    private static ObjectNode member(String status) {
        ObjectNode member = JSON.objectNode();
        member.set("user", FakeBotApiServer.botUser());
        member.put("status", status);
        if ("kicked".equals(status)) {
            member.put("until_date", 0);
        }
        return member;
    }

    private static ObjectNode message(ObjectNode chat, ObjectNode from, String text) {
        ObjectNode message = JSON.objectNode();
        message.put("message_id", MESSAGE_IDS.incrementAndGet());
        if (from != null) {
            message.set("from", from);
        }
        message.set("chat", chat);
        message.put("date", Instant.now().getEpochSecond());
        if (text != null) {
            message.put("text", text);
            if (text.startsWith("/")) {
                int end = text.indexOf(' ');
                message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0)
                        .put("length", end < 0 ? text.length() : end);
            }
        }
        return message;
    }

    private static ObjectNode privateChat(long chatId) {
        return JSON.objectNode().put("id", chatId).put("type", "private").put("first_name", "مستخدم");
    }

    private static ObjectNode user(long userId) {
        return JSON.objectNode().put("id", userId).put("is_bot", false).put("first_name", "مستخدم")
                .put("language_code", "ar");
    }
}
