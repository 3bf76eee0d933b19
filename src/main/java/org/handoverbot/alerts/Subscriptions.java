package org.handoverbot.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.handoverbot.answer.SubscriptionDesk;
import org.handoverbot.knowledge.Database;

/**
 * Who wants alerts, stored in the database so a restart loses nobody. A chat follows every base or a set of bases;
 * following every base replaces the single-base rows, since they would add nothing.
 * Each change runs in one transaction, so two quick requests from one chat cannot leave a mixed state.
 */
public final class Subscriptions implements SubscriptionDesk {

    static final String ALL_BASES = "*";

    private final Database database;

    /** Adds the (chat, base) row unless a concurrent request of the same chat just added it. */
    private final String insertOnce;

    public Subscriptions(Database database) {
        this.database = database;
        this.insertOnce = database.vendor().insertUnlessPresent("alert_subscription", List.of("chat_id", "base_id"), List.of());
    }

    @Override
    public Change subscribe(long chatId, Optional<String> baseId) {
        String base = baseId.map(String::strip).filter(b -> !b.isEmpty()).orElse(ALL_BASES);
        if (base.length() > 64) {
            throw new IllegalArgumentException("not a gazetteer id: " + base);
        }
        return database.inSyncedTransaction(c -> {
            List<String> before = basesOf(c, chatId);
            if (before.contains(ALL_BASES) || before.contains(base)) {
                return change(false, before);
            }
            if (base.equals(ALL_BASES)) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM alert_subscription WHERE chat_id = ?")) {
                    delete.setLong(1, chatId);
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement insert = c.prepareStatement(insertOnce)) {
                insert.setLong(1, chatId);
                insert.setString(2, base);
                insert.executeUpdate();
            }
            return change(true, basesOf(c, chatId));
        });
    }

    @Override
    public Change unsubscribe(long chatId) {
        return database.inSyncedTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM alert_subscription WHERE chat_id = ?")) {
                delete.setLong(1, chatId);
                return new Change(delete.executeUpdate() > 0, false, List.of());
            }
        });
    }

    /** What the chat follows now, as a Change that changed nothing. */
    public Change current(long chatId) {
        return database.inTransaction(c -> change(false, basesOf(c, chatId)));
    }

    /** Chats that follow every base or this base (null: only those that follow every base), each once. */
    static List<Long> following(Connection c, String baseId) throws SQLException {
        List<Long> chats = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT DISTINCT chat_id FROM alert_subscription WHERE base_id = ? OR base_id = ? ORDER BY chat_id")) {
            select.setString(1, ALL_BASES);
            select.setString(2, baseId == null ? ALL_BASES : baseId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    chats.add(rs.getLong(1));
                }
            }
        }
        return chats;
    }

    /** How many chats follow at least one base. */
    public int subscriberCount() {
        return database.inTransaction(c -> {
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(DISTINCT chat_id) FROM alert_subscription");
                 ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static List<String> basesOf(Connection c, long chatId) throws SQLException {
        List<String> bases = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT base_id FROM alert_subscription WHERE chat_id = ? ORDER BY created_at, base_id")) {
            select.setLong(1, chatId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    bases.add(rs.getString(1));
                }
            }
        }
        return bases;
    }

    private static Change change(boolean changed, List<String> bases) {
        return bases.contains(ALL_BASES) ? new Change(changed, true, List.of()) : new Change(changed, false, bases);
    }
}
