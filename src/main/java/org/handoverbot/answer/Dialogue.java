package org.handoverbot.answer;

/**
 * The bot's side of a conversation. Telegram, the terminal chat and `ask` all go through it, so every
 * front end gives the same answers. Each chat (chatId) keeps its own context; implementations are thread-safe.
 */
public interface Dialogue {

    /** A text message from the user. Never throws for any text: bad input gets a polite reply. */
    Reply onText(long chatId, String text);

    /** A button the user pressed (callback data); old or unknown data gets a polite reply. */
    Reply onButton(long chatId, String callbackData);

    /** A command such as "start", "help", "timeline", "source", "subscribe", with its argument text (may be empty). */
    Reply onCommand(long chatId, String command, String argument);
}
