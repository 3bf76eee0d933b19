package org.handoverbot.knowledge;

/** The database failed; the message says how, for one line of output at the edge. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
