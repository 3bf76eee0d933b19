package org.handoverbot.knowledge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The database products the bot runs on. H2 is the embedded default (one operator, one machine); PostgreSQL
 * is for several instances sharing one database. Code whose SQL differs between them switches on this (an
 * exhaustive switch, so a new vendor cannot be forgotten); everything else is written once in portable SQL.
 */
public enum Vendor {
    H2("jdbc:h2:"),
    POSTGRESQL("jdbc:postgresql:");

    private final String urlPrefix;

    Vendor(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    /** The vendor a JDBC URL names, or null when it names neither. */
    public static Vendor ofUrl(String jdbcUrl) {
        for (Vendor vendor : values()) {
            if (jdbcUrl.regionMatches(true, 0, vendor.urlPrefix, 0, vendor.urlPrefix.length())) {
                return vendor;
            }
        }
        return null;
    }

    public String urlPrefix() {
        return urlPrefix;
    }

    /**
     * An INSERT that adds nothing (and fails on nothing) when a row with the same key exists already; how many
     * rows it added (0 or 1) is what executeUpdate returns on PostgreSQL, and 1 either way on H2.
     */
    public String insertUnlessPresent(String table, List<String> keyColumns, List<String> otherColumns) {
        List<String> columns = concat(keyColumns, otherColumns);
        return switch (this) {
            case H2 -> merge(table, columns, columns);
            case POSTGRESQL -> insert(table, columns) + " ON CONFLICT (" + String.join(", ", keyColumns) + ") DO NOTHING";
        };
    }

    /** An INSERT that replaces the other columns of the row with the same key when there is one (an upsert). */
    public String insertOrReplace(String table, List<String> keyColumns, List<String> otherColumns) {
        List<String> columns = concat(keyColumns, otherColumns);
        return switch (this) {
            case H2 -> merge(table, columns, keyColumns);
            case POSTGRESQL -> insert(table, columns) + " ON CONFLICT (" + String.join(", ", keyColumns) + ") DO UPDATE SET "
                    + String.join(", ", otherColumns.stream().map(c -> c + " = EXCLUDED." + c).toList());
        };
    }

    /** H2's MERGE: updates the row the {@code keys} columns match, else inserts one. */
    private static String merge(String table, List<String> columns, List<String> keys) {
        return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", keys)
                + ") VALUES (" + marks(columns.size()) + ")";
    }

    private static String insert(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + marks(columns.size()) + ")";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** Flyway's name for it, which {vendor} in a migration location stands for (db/vendor/h2, db/vendor/postgresql). */
    public String flywayName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
