package org.handoverbot.knowledge;

import java.util.Objects;
import java.util.Optional;

/**
 * Which database to open: a JDBC URL (H2 or PostgreSQL) and, when the URL does not carry them, the user and
 * password to log in with (HANDOVER_DB_USER, HANDOVER_DB_PASSWORD). toString never shows a password.
 */
public record DatabaseAddress(String url, Optional<String> user, Optional<String> password) {

    public DatabaseAddress {
        Objects.requireNonNull(url);
        user = Objects.requireNonNull(user);
        password = Objects.requireNonNull(password);
        if (Vendor.ofUrl(url) == null) {
            throw new IllegalArgumentException("not an H2 or PostgreSQL JDBC URL: " + masked(url));
        }
    }

    /** A URL alone, with the vendor's default login (H2: sa without a password). */
    public static DatabaseAddress of(String url) {
        return new DatabaseAddress(url, Optional.empty(), Optional.empty());
    }

    public Vendor vendor() {
        return Vendor.ofUrl(url);
    }

    /** The URL as it may be logged: a password in it (password=… or user:password@) replaced by ***. */
    public static String masked(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(//[^/:@]+:)[^@/]*@", "$1***@");
    }

    @Override
    public String toString() {
        return masked(url) + user.map(u -> " as " + u).orElse("") + (password.isPresent() ? " (password set)" : "");
    }
}
