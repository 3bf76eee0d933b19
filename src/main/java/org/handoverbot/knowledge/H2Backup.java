package org.handoverbot.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Backups of an H2 database and restoring one, with H2's own means. A backup is H2's BACKUP TO (a zip of the
 * database file, consistent while the bot keeps writing: H2 copies the file with its space reuse paused); it is
 * then opened and read through once, so a backup that says "backed up" can be restored. A restore puts the
 * file of a backup in place of the database (the file it replaces is kept beside it, renamed), and writes the
 * record of what it holds ({@link H2Census}) so that the next start accepts it.
 */
public final class H2Backup {

    /** What a backup holds: its file, its size, the rows of each table. */
    public record Summary(Path file, long bytes, Map<String, Long> rows) {

        /** "12 articles, 40 events, …" for the tables an operator knows. */
        public String described() {
            return rows.getOrDefault("ARTICLE", 0L) + " article(s), " + rows.getOrDefault("EVENT", 0L) + " event(s), "
                    + rows.getOrDefault("SOURCE", 0L) + " source(s), " + rows.getOrDefault("QUOTE", 0L) + " quote(s), "
                    + rows.getOrDefault("ALERT_SUBSCRIPTION", 0L) + " subscription(s), "
                    + rows.getOrDefault("ALERT_OUTBOX", 0L) + " alert(s)";
        }
    }

    /** A backup that cannot be taken or a restore that cannot be done: one line saying why. */
    public static final class BackupException extends RuntimeException {
        public BackupException(String message) {
            super(message);
        }
    }

    private static final String NOT_H2 = "backup and restore work on the H2 file database; a PostgreSQL database"
            + " is backed up with its own tools (pg_dump, pg_restore)";
    private static final long MAX_DATABASE_BYTES = 64L * 1024 * 1024 * 1024;

    private H2Backup() {
    }

    /** Backs the database up to target (a .zip), also while the bot runs; the zip is checked by reading it. */
    public static Summary backup(Database database, Path target) {
        if (database.vendor() != Vendor.H2) {
            throw new BackupException(NOT_H2);
        }
        Path zip = target.toAbsolutePath().normalize();
        if (Files.isDirectory(zip)) {
            throw new BackupException(target + " is a folder; name the backup file, e.g. " + target.resolve("handover.zip"));
        }
        Path partial = zip.resolveSibling(zip.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            try (Connection c = database.connection();
                 PreparedStatement backup = c.prepareStatement("BACKUP TO ?")) {
                // Runs where the file is open: in the bot's process when it serves this one (AUTO_SERVER), so
                // the path is absolute.
                backup.setString(1, partial.toString());
                backup.execute();
            } catch (SQLException e) {
                throw new BackupException("cannot back up to " + target + " (" + H2Connections.firstLine(e.getMessage()) + ")");
            }
            Summary summary = verify(partial, zip);
            Files.move(partial, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return summary;
        } catch (IOException e) {
            throw new BackupException("cannot write the backup " + target + " (" + e.getMessage() + ")");
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // only a leftover partial file
            }
        }
    }

    /**
     * Replaces the database named by jdbcUrl with the one in the backup. The bot and every command must be
     * stopped (the file must not be open). The replaced file stays beside it as NAME.mv.db.replaced-TIME.
     */
    public static Restored restore(String jdbcUrl, Path backup) {
        if (Vendor.ofUrl(jdbcUrl) != Vendor.H2) {
            throw new BackupException(NOT_H2);
        }
        Path dbFile = H2Url.databaseFile(jdbcUrl).orElseThrow(() ->
                new BackupException("restore needs a file database (jdbc:h2:file:…), not " + jdbcUrl));
        if (Files.exists(dbFile) && !H2Census.released(dbFile)) {
            throw new BackupException(dbFile + " is in use: stop the bot (and any ingest) first, then restore");
        }
        Path work = dbFile.resolveSibling(".restoring-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(work);
            Path restored = work.resolve(dbFile.getFileName());
            extract(backup, restored);
            int closed = closeQueuedAlerts(restored);
            Summary summary = read(restored, backup);
            long generation = generationOf(restored);
            Path kept = null;
            if (Files.exists(dbFile)) {
                kept = dbFile.resolveSibling(dbFile.getFileName() + ".replaced-"
                        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
                Files.move(dbFile, kept);
            }
            Files.move(restored, dbFile, StandardCopyOption.ATOMIC_MOVE);
            new H2Census(dbFile).write(new H2Census.Held(generation, generation, Files.size(dbFile), summary.rows()), true);
            return new Restored(summary, dbFile, kept, closed);
        } catch (IOException e) {
            throw new BackupException("cannot restore " + backup + " (" + e.getMessage() + ")");
        } finally {
            deleteTree(work);
        }
    }

    /**
     * A restore done: what the backup held, where it went, where the replaced file was kept (or null), and how
     * many alerts queued in the backup were closed unsent.
     */
    public record Restored(Summary summary, Path database, Path replacedKeptAs, int alertsClosed) {
    }

    /**
     * Alerts still queued in a backup may have gone out after it was taken: sending them again could tell a chat
     * twice, so, as with a row a dead process left "sending", they are closed as failed, outcome unknown, with
     * the reason kept (counted and shown in /queue). At most once, as everywhere in the outbox. The note starts
     * "outcome unknown" so that a backup older than V9 (no `ended` column yet) is counted the same once migrated.
     */
    static final String RESTORED = "outcome unknown: restored from a backup, and it may have been sent after the"
            + " backup was taken; not sent again so it cannot arrive twice";

    private static int closeQueuedAlerts(Path mvDb) {
        try (Connection c = DriverManager.getConnection(alone(mvDb), "sa", "")) {
            if (!H2Census.hasTable(c, "ALERT_OUTBOX")) {
                return 0;
            }
            String ended = H2Census.hasColumn(c, "ALERT_OUTBOX", "ENDED") ? " ended = 'unknown'," : "";
            try (PreparedStatement close = c.prepareStatement("UPDATE alert_outbox SET status = 'failed'," + ended
                    + " last_error = ?, claimed_by = NULL, lease_until = NULL WHERE status IN ('pending', 'sending')")) {
                close.setString(1, RESTORED);
                return close.executeUpdate();
            }
        } catch (SQLException e) {
            throw new BackupException(mvDb.getFileName() + " in the backup: " + H2Connections.firstLine(e.getMessage()));
        }
    }

    private static Summary verify(Path zip, Path named) throws IOException {
        Path work = Files.createTempDirectory(zip.getParent(), ".verify-");
        try {
            Path copy = work.resolve("check.mv.db");
            extract(zip, copy);
            Summary read = read(copy, named);
            return new Summary(named, Files.size(zip), read.rows());
        } finally {
            deleteTree(work);
        }
    }

    /** Opens a database file alone (not served, not created if missing) and reads every table through. */
    private static Summary read(Path mvDb, Path named) {
        try (Connection c = DriverManager.getConnection(alone(mvDb), "sa", "")) {
            return new Summary(named, Files.size(mvDb), H2Census.rows(c, true));
        } catch (SQLException | IOException e) {
            throw new BackupException(named + " does not hold a readable database ("
                    + H2Connections.firstLine(e.getMessage()) + ")");
        }
    }

    private static long generationOf(Path mvDb) {
        try (Connection c = DriverManager.getConnection(alone(mvDb), "sa", "")) {
            return H2Census.generation(c);
        } catch (SQLException e) {
            throw new BackupException(mvDb + ": " + H2Connections.firstLine(e.getMessage()));
        }
    }

    private static String alone(Path mvDb) {
        String name = mvDb.toAbsolutePath().toString().replaceFirst("\\.mv\\.db$", "");
        return "jdbc:h2:file:" + name + ";IFEXISTS=TRUE;WRITE_DELAY=0";
    }

    /** The one .mv.db entry of an H2 backup zip, written to target. */
    private static void extract(Path zip, Path target) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new BackupException(zip + ": no such backup file");
        }
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.isDirectory() || !entry.getName().endsWith(".mv.db")) {
                    continue;
                }
                if (found) {
                    throw new BackupException(zip + " holds more than one database file");
                }
                found = true;
                copyBounded(in, target, zip);
            }
        } catch (java.util.zip.ZipException e) {
            throw new BackupException(zip + " is not a backup zip (" + e.getMessage() + ")");
        }
        if (!found) {
            throw new BackupException(zip + " holds no database file (*.mv.db); is it a backup made by `backup`?");
        }
    }

    private static void copyBounded(InputStream in, Path target, Path zip) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > MAX_DATABASE_BYTES) {
                    throw new BackupException(zip + " unpacks to more than 64 GB; not a backup of this bot");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover in a temporary folder
                }
            });
        } catch (IOException ignored) {
            // a leftover in a temporary folder
        }
    }
}
