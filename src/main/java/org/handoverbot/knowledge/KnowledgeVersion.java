package org.handoverbot.knowledge;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The knowledge's version number (one row, migration V6). Every transaction that writes knowledge (events,
 * sources, quotes, figures, links) calls {@link #bump} inside itself: the new number becomes visible exactly
 * when the write commits, so a reader that sees it also sees all of the write. Bumping also takes the one
 * knowledge write lock, so two writers never interleave.
 */
public final class KnowledgeVersion {

    private static final String BUMP =
            "UPDATE knowledge_write SET version = version + 1, last_write = CURRENT_TIMESTAMP WHERE id = 1";
    private static final String READ = "SELECT version FROM knowledge_write WHERE id = 1";

    private KnowledgeVersion() {
    }

    /** Raises the version inside the caller's transaction (and holds the knowledge write lock until it ends). */
    public static void bump(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BUMP)) {
            if (ps.executeUpdate() != 1) {
                throw new SQLException("the knowledge_write row is missing (migration V2)");
            }
        }
    }

    /** The version committed now (one indexed one-row read). */
    public static long read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(READ); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the knowledge_write row is missing (migration V2)");
            }
            return rs.getLong(1);
        }
    }
}
