package org.handoverbot.knowledge;

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

    /** Flyway's name for it, which {vendor} in a migration location stands for (db/vendor/h2, db/vendor/postgresql). */
    public String flywayName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
