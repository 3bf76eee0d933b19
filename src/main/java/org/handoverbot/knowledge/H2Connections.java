package org.handoverbot.knowledge;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * H2's side of {@link Database}: its own small connection pool over the file (AUTO_SERVER=TRUE in the URL lets
 * a second process use the file while the bot holds it). H2-only settings and checks belong here: commits
 * written through ({@link H2Url}), the file checked for damage and lost rows before Flyway may touch it
 * ({@link H2Census}), H2's own exit hook out of the way of the composition root's ordered close
 * ({@link H2ExitHook}).
 */
final class H2Connections {

    static final String DEFAULT_USER = "sa";

    private H2Connections() {
    }

    static Database open(DatabaseAddress address, Database.Opened opened) {
        H2Url url = H2Url.parse(address.url());
        Optional<H2Census> census = url.file().map(file -> new H2Census(file, url.writeThrough()));
        census.ifPresent(H2Census::checkFile);
        JdbcConnectionPool pool = JdbcConnectionPool.create(url.url(), address.user().orElse(DEFAULT_USER),
                address.password().orElse(""));
        pool.setMaxConnections(32);
        try {
            try (Connection c = pool.getConnection()) {
                H2ExitHook.remove();
                if (census.isPresent()) {
                    census.get().checkContents(c);
                }
            } catch (SQLException e) {
                throw damagedOrFailed(url.file().orElse(Path.of(DatabaseAddress.masked(address.url()))), e);
            }
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        if (census.isEmpty()) {
            return opened.of(pool, Vendor.H2, pool::dispose);
        }
        H2Census guard = census.get();
        return opened.of(pool, Vendor.H2, () -> {
            pool.dispose();
            guard.afterClose();
        }, guard);
    }

    /**
     * H2's complaint about a file it cannot read as a database is damage (one line, the way out); anything else
     * (in use, no permission) is a plain store failure with H2's first line.
     */
    static StoreException damagedOrFailed(Path file, SQLException e) {
        String first = firstLine(e.getMessage());
        int code = e.getErrorCode();
        if (code == ErrorCode.FILE_CORRUPTED_1 || code == ErrorCode.IO_EXCEPTION_1 || code == ErrorCode.IO_EXCEPTION_2
                || code == ErrorCode.FILE_VERSION_ERROR_1 || first.toLowerCase(Locale.ROOT).contains("corrupt")
                || mvStoreFailure(e)) {
            return new DamagedDatabaseException("the database file " + file + " is damaged (H2: " + withoutPath(first)
                    + "). Nothing was run on it. Restore the latest backup: handover-bot restore BACKUP.zip"
                    + " (README, \"Backups\").");
        }
        return new StoreException("cannot open the database " + file + " (" + first + ")", e);
    }

    private static boolean mvStoreFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().startsWith("org.h2.mvstore.")) {
                return true;
            }
        }
        return false;
    }

    private static String withoutPath(String message) {
        return message.replaceAll(" \\[\\d+-\\d+]$", "").replaceAll(": \"[^\"]*\"", "");
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
