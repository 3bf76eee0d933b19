package org.handoverbot.knowledge;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of what an H2 database file held, kept beside it (NAME.census next to NAME.mv.db) and in it (the
 * store_generation row, V8), so that a start can tell a file that was cut, emptied or rolled back from one
 * that is whole. H2 alone cannot: a file cut in half may open silently with an older state.
 * <ul>
 *   <li>Every commit through {@link Database#inTransaction} counts one generation up, in the database, as its
 *       last write (the row lock is held only from there to the commit, so no cycle of waits can form); after
 *       the commit H2 is told to sync the file to the device (CHECKPOINT SYNC: H2 never fsyncs a commit by
 *       itself), and the generation is written here. A database found behind this file's generation lost
 *       commits that were reported done.</li>
 *   <li>A clean close (this process was the one holding the file) also writes the row count of every table
 *       and the file's size: a start finding the same generation must find the same rows and at least that
 *       size.</li>
 * </ul>
 * The file is replaced atomically; two processes writing it at once (the bot and an `ingest`) can only leave
 * a lower generation than the database's, which is never mistaken for damage.
 */
final class H2Census implements CommitGuard {

    private static final Logger LOG = LoggerFactory.getLogger(H2Census.class);
    static final String SUFFIX = ".census";
    private static final String WAY_OUT = " Nothing was run on it. Restore the latest backup: handover-bot restore"
            + " BACKUP.zip (README, \"Backups\").";

    /** What the file says: the newest generation known committed, and what a clean close saw. */
    record Held(long generation, long closedGeneration, long closedSize, Map<String, Long> rows) {

        static final long NONE = -1;

        boolean closedCleanly() {
            return closedGeneration != NONE;
        }
    }

    private final Path databaseFile;
    private final Path file;
    private long written = -1;
    private long sizeBeforeOpen = -1;
    private final Object syncing = new Object();
    private long syncedUpTo = -1;
    private final java.util.concurrent.atomic.AtomicLong committedUpTo = new java.util.concurrent.atomic.AtomicLong(-1);
    private Held atClose;

    private final boolean sync;

    H2Census(Path databaseFile) {
        this(databaseFile, true);
    }

    /** sync: have H2 force the file to the device after a synced commit (off when the URL chose lazy writes). */
    H2Census(Path databaseFile, boolean sync) {
        this.databaseFile = databaseFile;
        this.sync = sync;
        this.file = sidecar(databaseFile);
    }

    static Path sidecar(Path databaseFile) {
        String name = databaseFile.getFileName().toString().replaceFirst("\\.mv\\.db$", "");
        return databaseFile.resolveSibling(name + SUFFIX);
    }

    Path file() {
        return file;
    }

    Path databaseFile() {
        return databaseFile;
    }

    @Override
    public Optional<Path> localFile() {
        return Optional.of(databaseFile);
    }

    // ---- checks at open -------------------------------------------------------------------------------------

    /** Before H2 touches the file: an empty file, or a file gone that the record says held commits. */
    void checkFile() {
        Optional<Held> held = read();
        if (Files.exists(databaseFile)) {
            long size = size(databaseFile);
            if (size == 0) {
                throw damaged("the database file " + databaseFile + " is empty (0 bytes): it is damaged.");
            }
            sizeBeforeOpen = size;
        } else if (held.isPresent() && held.get().generation() > 0) {
            throw new DamagedDatabaseException("the database file " + databaseFile + " is gone, but " + file
                    + " records " + held.get().generation() + " commits in it. Nothing was run. Restore the latest"
                    + " backup (handover-bot restore BACKUP.zip), or delete " + file + " to start an empty database.");
        }
    }

    /**
     * With H2 open on the file, before any migration: every table read through (H2 checks each page it reads),
     * then the generation and, after a clean close with nothing committed since, every table's rows compared
     * (fewer rows than recorded is a loss; more can be bookkeeping written outside a transaction of ours).
     */
    void checkContents(Connection c) {
        Optional<Held> held = read();
        try {
            Map<String, Long> rows = rows(c, true);
            long generation = generation(c);
            if (held.isEmpty()) {
                return;
            }
            Held was = held.get();
            if (generation < was.generation()) {
                throw damaged("the database file " + databaseFile + " has lost commits reported done: it is at"
                        + " commit " + generation + " of the " + was.generation() + " recorded in " + file + ".");
            }
            if (was.closedCleanly() && generation == was.closedGeneration()) {
                if (sizeBeforeOpen >= 0 && sizeBeforeOpen < was.closedSize()) {
                    throw damaged("the database file " + databaseFile + " is shorter than when it was last closed ("
                            + sizeBeforeOpen + " bytes, was " + was.closedSize() + "): it was cut or damaged.");
                }
                List<String> lost = new ArrayList<>();
                was.rows().forEach((table, count) -> {
                    long now = rows.getOrDefault(table, 0L);
                    if (now < count) {
                        lost.add(table.toLowerCase(java.util.Locale.ROOT) + " " + now + " of " + count);
                    }
                });
                if (!lost.isEmpty()) {
                    throw damaged("the database file " + databaseFile + " does not hold the rows it held when last"
                            + " closed (" + String.join(", ", lost) + ").");
                }
            }
        } catch (SQLException e) {
            throw H2Connections.damagedOrFailed(databaseFile, e);
        }
    }

    private DamagedDatabaseException damaged(String what) {
        return new DamagedDatabaseException(what + WAY_OUT);
    }

    /** The generation counted in the database; 0 before the V8 migration created its row. */
    static long generation(Connection c) throws SQLException {
        if (!hasTable(c, "STORE_GENERATION")) {
            return 0;
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT generation FROM store_generation WHERE id = 1")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Every table's row count. readThrough: count by reading every row (RAND() keeps H2 from answering from
     * its metadata), so a page that cannot be read fails here rather than later in an answer.
     */
    static Map<String, Long> rows(Connection c, boolean readThrough) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        for (String table : tables(c)) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + table + "\""
                         + (readThrough ? " WHERE RAND() >= 0" : ""))) {
                rs.next();
                rows.put(table, rs.getLong(1));
            }
        }
        return rows;
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            s.setString(1, table);
            s.setString(2, column);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    static boolean hasTable(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ?")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    // ---- around each commit ---------------------------------------------------------------------------------

    /** A transaction that changed nothing (H2: no transaction id yet) is not counted and needs no sync. */
    static final long NOTHING_CHANGED = -1;

    @Override
    public long beforeCommit(Connection transaction) throws SQLException {
        try (Statement s = transaction.createStatement();
             ResultSet rs = s.executeQuery("SELECT TRANSACTION_ID()")) {
            if (!rs.next() || rs.getObject(1) == null) {
                return NOTHING_CHANGED;
            }
        }
        return countUp(transaction);
    }

    /** A migration changes rows without a commit of ours: count one up, so the counts of the last close no longer apply. */
    @Override
    public void migrated(Database database) {
        database.inTransaction(c -> countUp(c));
    }

    static long countUp(Connection transaction) throws SQLException {
        try (Statement s = transaction.createStatement()) {
            s.executeUpdate("UPDATE store_generation SET generation = generation + 1 WHERE id = 1");
            try (ResultSet rs = s.executeQuery("SELECT generation FROM store_generation WHERE id = 1")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void afterCommit(Connection connection, long generation, boolean sync) throws SQLException {
        if (generation == NOTHING_CHANGED) {
            return;
        }
        committedUpTo.accumulateAndGet(generation, Math::max);
        if (sync && this.sync) {
            syncUpTo(connection, generation);
        }
        recordCommit(generation);
    }

    /**
     * Has H2 force the file to the device (CHECKPOINT SYNC; H2 never fsyncs a commit by itself). One sync covers
     * every commit before it, so threads that waited for another's sync to finish need none of their own.
     */
    private void syncUpTo(Connection connection, long generation) throws SQLException {
        synchronized (syncing) {
            if (syncedUpTo >= generation) {
                return;
            }
            long covers = committedUpTo.get();
            try (Statement s = connection.createStatement()) {
                s.execute("CHECKPOINT SYNC");
            }
            syncedUpTo = Math.max(covers, generation);
        }
    }

    /** A commit reported done: the file learns its generation (never a lower one from this process). */
    synchronized void recordCommit(long generation) {
        if (generation <= written) {
            return;
        }
        written = generation;
        write(new Held(generation, Held.NONE, 0, Map.of()), false);
    }

    // ---- at close -------------------------------------------------------------------------------------------

    @Override
    public void beforeClose(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT generation FROM store_generation WHERE id = 1 FOR UPDATE")) {
                rs.next();
                long generation = rs.getLong(1);
                atClose = new Held(generation, generation, 0, rows(c, false));
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("cannot count the rows at close ({}); the next start checks the generation only", e.getMessage());
            atClose = null;
        }
    }

    /**
     * After the connections closed: if this process held the file and H2 has let it go (no other process was
     * still served through AUTO_SERVER), the record of a clean close: generation, rows and size.
     */
    void afterClose() {
        Held counted = atClose;
        if (counted == null || !Files.exists(databaseFile) || !released(databaseFile)) {
            return;
        }
        synchronized (this) {
            if (written > counted.generation()) {
                return;
            }
            write(new Held(counted.generation(), counted.generation(), size(databaseFile), counted.rows()), true);
        }
    }

    /** Whether no one (in this JVM or another) holds the file open. */
    static boolean released(Path databaseFile) {
        try (FileChannel channel = FileChannel.open(databaseFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    // ---- the file -------------------------------------------------------------------------------------------

    Optional<Held> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = new StringReader(Files.readString(file, StandardCharsets.UTF_8))) {
            p.load(in);
            long generation = Long.parseLong(p.getProperty("generation", "0").strip());
            long closed = Long.parseLong(p.getProperty("closed.generation", "-1").strip());
            long size = Long.parseLong(p.getProperty("closed.size", "0").strip());
            Map<String, Long> rows = new TreeMap<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("rows.")) {
                    rows.put(key.substring("rows.".length()), Long.parseLong(p.getProperty(key).strip()));
                }
            }
            return Optional.of(new Held(generation, closed, size, rows));
        } catch (IOException | NumberFormatException e) {
            throw new DamagedDatabaseException(file + " (the record of what " + databaseFile.getFileName()
                    + " held) cannot be read (" + e.getMessage() + "). Nothing was run. Check the file system;"
                    + " if the database itself is whole, delete " + file + " and start again.");
        }
    }

    /** Writes the record (after a restore: what the restored file holds, closed cleanly). */
    synchronized void write(Held held, boolean sync) {
        StringBuilder text = new StringBuilder()
                .append("# handover-bot: what ").append(databaseFile.getFileName())
                .append(" held. Read at every start to tell a damaged file; see README, \"Backups\".\n")
                .append("generation=").append(held.generation()).append('\n');
        if (held.closedCleanly()) {
            text.append("closed.generation=").append(held.closedGeneration()).append('\n')
                    .append("closed.size=").append(held.closedSize()).append('\n');
            held.rows().forEach((table, count) -> text.append("rows.").append(table).append('=').append(count).append('\n'));
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            if (sync) {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            written = Math.max(written, held.generation());
        } catch (IOException e) {
            // The commit is on disk; only the means to notice its later loss is weaker. Not a failed commit.
            LOG.warn("cannot write {} ({}); a later loss of this commit may go unnoticed", file, e.toString());
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }
}
