package org.handoverbot.telegram;

/**
 * Who the bot is on Telegram (getMe): its user id and @username, needed to see when a group addresses it, and
 * whether inline mode is switched on for it (@BotFather /setinline).
 */
record BotIdentity(long id, String username, boolean inlineQueries) {
}
