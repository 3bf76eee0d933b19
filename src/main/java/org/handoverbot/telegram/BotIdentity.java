package org.handoverbot.telegram;

/** Who the bot is on Telegram (getMe): its user id and @username, needed to see when a group addresses it. */
record BotIdentity(long id, String username) {
}
