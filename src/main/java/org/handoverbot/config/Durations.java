package org.handoverbot.config;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as operators write them in settings ("24h", "90m", "30s", "2d") and as the bot writes them back. */
public final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})\\s*([smhd])");
    private static final Map<String, Duration> UNITS = Map.of("s", Duration.ofSeconds(1), "m", Duration.ofMinutes(1),
            "h", Duration.ofHours(1), "d", Duration.ofDays(1));

    private Durations() {
    }

    /** A positive duration: a whole number with s, m, h or d, or ISO-8601 (PT24H); a bad one is a BadSettingException. */
    public static Duration parse(String name, String text) {
        String value = text.strip().toLowerCase(java.util.Locale.ROOT);
        Duration duration = null;
        Matcher simple = SIMPLE.matcher(value);
        if (simple.matches()) {
            duration = UNITS.get(simple.group(2)).multipliedBy(Long.parseLong(simple.group(1)));
        } else if (value.startsWith("p")) {
            try {
                duration = Duration.parse(value.toUpperCase(java.util.Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                duration = null;
            }
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new BadSettingException(name + " must be a positive duration such as 24h, 90m, 30s or 2d, not '" + text + "'");
        }
        return duration;
    }

    /** The largest whole unit: "24h", "90m", "45s". */
    public static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds > 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds > 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds > 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds > 0 ? seconds + "s" : duration.toMillis() + "ms";
    }
}
