package org.handoverbot.knowledge;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * What a vendor does around each commit and at close so that what is reported done is on disk and a later
 * start can tell whether the database still holds it. H2 needs it ({@link H2Census}); a server database that
 * is durable by itself needs {@link #NONE}.
 */
interface CommitGuard {

    /** Inside the transaction, just before its commit; returns a token for {@link #afterCommit}. */
    long beforeCommit(Connection transaction) throws SQLException;

    /** After the commit, before the caller reports it done; sync: make it survive a power cut too. */
    void afterCommit(Connection connection, long token, boolean sync) throws SQLException;

    /** Before the connections close (the last chance to record what the database holds). */
    void beforeClose(DataSource dataSource);

    /** The database's file when it is embedded in this process (H2 on a file); empty for a server or memory. */
    default java.util.Optional<java.nio.file.Path> localFile() {
        return java.util.Optional.empty();
    }

    /** After migrations ran on open: they changed rows without a commit through {@link Database}. */
    default void migrated(Database database) {
    }

    CommitGuard NONE = new CommitGuard() {
        @Override
        public long beforeCommit(Connection transaction) {
            return 0;
        }

        @Override
        public void afterCommit(Connection connection, long token, boolean sync) {
        }

        @Override
        public void beforeClose(DataSource dataSource) {
        }
    };
}
