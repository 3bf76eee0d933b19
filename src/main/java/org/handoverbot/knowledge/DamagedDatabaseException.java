package org.handoverbot.knowledge;

/**
 * The database is damaged or has lost rows it once held: nothing may run on it (no migration, no write).
 * The message is one line naming the file, what is wrong and the way out (restore from a backup).
 */
public final class DamagedDatabaseException extends StoreException {

    public DamagedDatabaseException(String message) {
        super(message, null);
    }
}
