package org.handoverbot.telegram;

/**
 * The bot cannot start on Telegram (the token is refused, the webhook port is taken...). The message is one
 * line for the operator, never containing the token; the command line prints it and exits non-zero.
 */
public final class TelegramStartException extends RuntimeException {

    public TelegramStartException(String message) {
        super(message, null, false, false);
    }
}
