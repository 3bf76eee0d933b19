package org.handoverbot.telegram;

/**
 * The bot stopped on its own because Telegram refused what it cannot do without (the token, revoked while it
 * ran): one line for the operator, never containing the token; the command line prints it and exits non-zero.
 */
public final class TelegramStoppedException extends RuntimeException {

    public TelegramStoppedException(String message) {
        super(message, null, false, false);
    }
}
