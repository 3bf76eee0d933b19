package org.handoverbot.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.handoverbot.knowledge.DatabaseAddress;
import org.handoverbot.knowledge.Vendor;

/**
 * Settings from the environment, checked once at start. A bad value ends in one clear line
 * ({@link BadSettingException}), never a stack trace. The token is never printed by anything here.
 */
public record Settings(Optional<String> botToken, URI telegramApiUrl, Optional<String> alertChannel,
                       Set<Long> adminIds, String databaseUrl, Optional<URI> webhookUrl, int webhookPort,
                       Optional<String> webhookSecret, Optional<String> databaseUser,
                       Optional<String> databasePassword) {

    public static final String DEFAULT_API_URL = "https://api.telegram.org";
    public static final String DEFAULT_DB_URL = "jdbc:h2:file:./data/handover;AUTO_SERVER=TRUE";

    public static Settings fromEnvironment() {
        return from(System.getenv());
    }

    public static Settings from(Map<String, String> env) {
        Optional<String> token = value(env, "TELEGRAM_BOT_TOKEN");
        token.ifPresent(t -> {
            if (!t.matches("\\d+:[A-Za-z0-9_-]{20,}")) {
                throw new BadSettingException("TELEGRAM_BOT_TOKEN does not look like a bot token (digits, a colon, then at least 20 letters, digits, _ or -); ask @BotFather for one");
            }
        });
        URI apiUrl = uri(env, "TELEGRAM_API_URL").orElse(URI.create(DEFAULT_API_URL));
        Optional<String> channel = value(env, "TELEGRAM_ALERT_CHANNEL");
        channel.ifPresent(c -> {
            if (!c.matches("@[A-Za-z][A-Za-z0-9_]{3,}|-?\\d+")) {
                throw new BadSettingException("TELEGRAM_ALERT_CHANNEL must be a channel's @name or its numeric id, not '" + c + "'");
            }
        });
        String db = value(env, "HANDOVER_DB_URL").orElse(DEFAULT_DB_URL);
        if (Vendor.ofUrl(db) == null) {
            throw new BadSettingException("HANDOVER_DB_URL must be an H2 (jdbc:h2:…) or PostgreSQL (jdbc:postgresql://host/db) JDBC URL, not '"
                    + DatabaseAddress.masked(db) + "'");
        }
        Optional<URI> webhook = uri(env, "TELEGRAM_WEBHOOK_URL");
        webhook.ifPresent(w -> {
            if (!"https".equals(w.getScheme())) {
                throw new BadSettingException("TELEGRAM_WEBHOOK_URL must be an https:// address (Telegram only calls HTTPS webhooks)");
            }
        });
        int port = value(env, "TELEGRAM_WEBHOOK_PORT").map(p -> number(p, "TELEGRAM_WEBHOOK_PORT")).orElse(8443L).intValue();
        if (port < 1 || port > 65535) {
            throw new BadSettingException("TELEGRAM_WEBHOOK_PORT must be a port number from 1 to 65535, not " + port);
        }
        Optional<String> secret = value(env, "TELEGRAM_WEBHOOK_SECRET");
        secret.ifPresent(s -> {
            if (!s.matches("[A-Za-z0-9_-]{1,256}")) {
                throw new BadSettingException("TELEGRAM_WEBHOOK_SECRET must be 1 to 256 letters, digits, _ or - (Telegram's rule)");
            }
        });
        if (webhook.isPresent() && secret.isEmpty()) {
            throw new BadSettingException("TELEGRAM_WEBHOOK_URL is set but TELEGRAM_WEBHOOK_SECRET is not: a webhook without a secret would take updates from anyone");
        }
        return new Settings(token, apiUrl, channel, admins(env), db, webhook, port, secret,
                value(env, "HANDOVER_DB_USER"), Optional.ofNullable(env.get("HANDOVER_DB_PASSWORD")).filter(p -> !p.isEmpty()));
    }

    /** The database to open: HANDOVER_DB_URL with HANDOVER_DB_USER / HANDOVER_DB_PASSWORD when set. */
    public DatabaseAddress database() {
        return new DatabaseAddress(databaseUrl, databaseUser, databasePassword);
    }

    private static Set<Long> admins(Map<String, String> env) {
        List<Long> ids = new ArrayList<>();
        value(env, "TELEGRAM_ADMIN_IDS").ifPresent(list -> {
            for (String part : list.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    ids.add(number(part, "TELEGRAM_ADMIN_IDS"));
                }
            }
        });
        return Set.copyOf(ids);
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Optional<URI> uri(Map<String, String> env, String name) {
        return value(env, name).map(v -> {
            try {
                URI uri = new URI(v);
                if (uri.getScheme() == null || uri.getHost() == null
                        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                    throw new BadSettingException(name + " must be an http:// or https:// address, not '" + v + "'");
                }
                return uri;
            } catch (java.net.URISyntaxException e) {
                throw new BadSettingException(name + " is not a valid address: '" + v + "'");
            }
        });
    }

    private static long number(String text, String name) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new BadSettingException(name + " must be numbers (Telegram ids), not '" + text + "'");
        }
    }

    /** toString without the token, the webhook secret or the database password, for logs. */
    @Override
    public String toString() {
        return "Settings[telegram=" + (botToken.isPresent() ? "token set" : "no token") + ", api=" + telegramApiUrl
                + ", alertChannel=" + alertChannel.orElse("-") + ", admins=" + adminIds.size()
                + ", db=" + database() + ", webhook=" + webhookUrl.map(URI::toString).orElse("-") + "]";
    }
}
