package org.handoverbot.knowledge;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * An H2 JDBC URL as the bot uses it: the settings it needs added where the operator has not set them, and the
 * database file it names (none for in-memory and server URLs).
 * <ul>
 *   <li>WRITE_DELAY=0: H2 writes a commit to its file when it commits, not up to 500 ms later; without it a
 *       kill -9 right after "stored" lost up to half of 100 reported articles.</li>
 *   <li>The async: file system for a plain file URL: with commits written by the committing thread, a thread
 *       interrupted while it commits (a reply cut short at shutdown) would close H2's FileChannel
 *       (ClosedByInterruptException) and with it the database for every other thread; H2's asynchronous
 *       channel finishes the write and keeps the interrupt for later.</li>
 *   <li>QUERY_CACHE_SIZE=64: see {@link #QUERY_CACHE_SIZE}.</li>
 * </ul>
 * An operator who sets WRITE_DELAY to more than 0 chooses H2's lazy writes (faster, a crash loses the last
 * moments): then commits are not synced either ({@link #writeThrough()} false).
 * DB_CLOSE_ON_EXIT=FALSE is what the composition root needs too (its own ordered close, database last), but
 * H2 refuses it beside AUTO_SERVER=TRUE; {@link H2ExitHook} takes H2's exit hook out instead.
 */
record H2Url(String url, Optional<Path> file, boolean writeThrough) {

    static final String PREFIX = "jdbc:h2:";

    /**
     * Statements each connection keeps parsed. H2 keeps 8; one ingest transaction cycles through more than that
     * (look-ups, inserts, links), so every statement was parsed again each event: about a sixth of the CPU of a
     * large records file.
     */
    static final int QUERY_CACHE_SIZE = 64;

    /**
     * How long a transaction waits for a row another one holds, in ms (H2: 1,000). Every writing transaction
     * counts the census generation up in one row just before its commit, and a commit is a file write: on a
     * loaded machine one commit can take longer than a second, and the writers queued behind it failed with a
     * lock timeout (four alert senders claiming at once did).
     */
    static final int LOCK_TIMEOUT_MS = 10_000;

    static H2Url parse(String jdbcUrl) {
        if (!jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an H2 URL: " + jdbcUrl);
        }
        String url = uninterruptible(jdbcUrl);
        if (!hasSetting(url, "WRITE_DELAY")) {
            url = url + ";WRITE_DELAY=0";
        }
        if (!hasSetting(url, "LOCK_TIMEOUT")) {
            url = url + ";LOCK_TIMEOUT=" + LOCK_TIMEOUT_MS;
        }
        if (!hasSetting(url, "QUERY_CACHE_SIZE")) {
            url = url + ";QUERY_CACHE_SIZE=" + QUERY_CACHE_SIZE;
        }
        return new H2Url(url, databaseFile(jdbcUrl), url.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=0;")
                || url.toUpperCase(Locale.ROOT).endsWith(";WRITE_DELAY=0"));
    }

    /** jdbc:h2:file:PATH or jdbc:h2:PATH as jdbc:h2:async:PATH (the same file, read and written uninterruptibly). */
    static String uninterruptible(String jdbcUrl) {
        String rest = jdbcUrl.substring(PREFIX.length());
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:")) {
            return PREFIX + "async:" + rest.substring("file:".length());
        }
        if (lower.startsWith("./") || lower.startsWith("/") || lower.startsWith("~") || lower.startsWith("../")) {
            return PREFIX + "async:" + rest;
        }
        return jdbcUrl;
    }

    static boolean hasSetting(String url, String name) {
        String upper = url.toUpperCase(Locale.ROOT);
        return upper.contains(";" + name + "=");
    }

    /** The .mv.db file of a file URL (jdbc:h2:file:PATH, jdbc:h2:PATH, ~ for home); empty for mem: and tcp:. */
    static Optional<Path> databaseFile(String jdbcUrl) {
        String rest = jdbcUrl.substring(PREFIX.length());
        int semicolon = rest.indexOf(';');
        String name = semicolon < 0 ? rest : rest.substring(0, semicolon);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:")
                || lower.startsWith("zip:") || lower.startsWith("nio") || lower.startsWith("split:")) {
            return Optional.empty();
        }
        for (String scheme : new String[] {"async:", "file:"}) {
            if (name.toLowerCase(Locale.ROOT).startsWith(scheme)) {
                name = name.substring(scheme.length());
            }
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name + ".mv.db").toAbsolutePath().normalize());
    }
}
