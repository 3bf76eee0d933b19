package org.handoverbot.telegram;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for the bot's own executors: daemons (a stuck one must not keep the JVM up after close), named so a
 * thread dump or a profile says what each is for.
 */
final class DaemonThreads {

    private DaemonThreads() {
    }

    /** One thread, or several all named the same ("telegram-poll"). */
    static ThreadFactory named(String name) {
        return runnable -> daemon(runnable, name);
    }

    /** A pool's threads, numbered from 1 ("telegram-chat-1", "telegram-chat-2", …). */
    static ThreadFactory numbered(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> daemon(runnable, prefix + n.incrementAndGet());
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
