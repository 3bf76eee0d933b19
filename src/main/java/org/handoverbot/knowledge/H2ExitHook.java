package org.handoverbot.knowledge;

import java.lang.reflect.Field;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * H2 closes every open database from its own JVM shutdown hook. JVM hooks run in no set order, so on SIGTERM
 * H2 closed the database while the alert sender was still handing back its claims. DB_CLOSE_ON_EXIT=FALSE
 * would switch that hook off, but H2 refuses it beside AUTO_SERVER=TRUE (which `ingest` beside the bot needs):
 * so the hook is taken out here, once, and the composition root closes the database itself, last.
 * Nothing is lost where no one closes: every commit is already written (WRITE_DELAY=0).
 */
final class H2ExitHook {

    private static final Logger LOG = LoggerFactory.getLogger(H2ExitHook.class);
    private static boolean removed;

    private H2ExitHook() {
    }

    /** Call after a database has opened (H2 registers its hook with the first one). */
    static synchronized void remove() {
        if (removed) {
            return;
        }
        try {
            Class<?> closer = Class.forName("org.h2.engine.OnExitDatabaseCloser");
            Field instance = closer.getDeclaredField("INSTANCE");
            instance.setAccessible(true);
            Runtime.getRuntime().removeShutdownHook((Thread) instance.get(null));
            removed = true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Another H2 version: its hook stays, and a SIGTERM may close the database before the senders.
            LOG.warn("cannot take out H2's own exit hook ({}); shutdown may close the database early", e.toString());
            removed = true;
        }
    }
}
