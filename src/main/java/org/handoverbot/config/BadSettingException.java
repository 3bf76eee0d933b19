package org.handoverbot.config;

/** A setting that can't be used; the message is the one line the user sees. */
public final class BadSettingException extends RuntimeException {
    public BadSettingException(String message) {
        super(message);
    }
}
