package org.handoverbot.answer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

/**
 * Everything the bot says, by key: sentence frames with named slots, in one resource file per language
 * ({@code replies/ar.properties}), loaded once. Patterns are ICU MessageFormat, so number agreement is
 * CLDR's plural categories ({@code {count, plural, zero{…} one{…} two{…} few{…} many{…} other{…}}}) rather
 * than hand-written rules. Code picks a key and fills its slots; which blocks to show, and the rules of
 * faithfulness, stay in code.
 *
 * <p>Fails fast: an unknown key or a missing slot is a programming error, not something to say to a user.
 */
public final class ReplyCatalogue {

    /** Arabic with Latin digits, as the bot has always written dates and figures ("2020", not "٢٠٢٠"). */
    public static final ULocale ARABIC = new ULocale("ar@numbers=latn");

    private static final String RESOURCE = "/replies/ar.properties";

    private static final class Holder {
        static final ReplyCatalogue ARABIC_CATALOGUE = load(RESOURCE, ARABIC);
    }

    private final ULocale locale;
    private final Map<String, String> patterns;
    private final Map<String, MessageFormat> formats;

    private ReplyCatalogue(ULocale locale, Map<String, String> patterns) {
        this.locale = locale;
        this.patterns = Collections.unmodifiableMap(patterns);
        Map<String, MessageFormat> compiled = new LinkedHashMap<>();
        patterns.forEach((key, pattern) -> {
            try {
                compiled.put(key, new MessageFormat(pattern, locale));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("reply " + key + " has a bad pattern: " + e.getMessage(), e);
            }
        });
        this.formats = Collections.unmodifiableMap(compiled);
    }

    /** The Arabic catalogue, read once per JVM. */
    public static ReplyCatalogue arabic() {
        return Holder.ARABIC_CATALOGUE;
    }

    /** A catalogue from a UTF-8 properties resource (tests, a second language later). */
    public static ReplyCatalogue load(String resource, ULocale locale) {
        try (InputStream in = ReplyCatalogue.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("reply catalogue " + resource + " is not on the classpath");
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            Map<String, String> patterns = new LinkedHashMap<>();
            new TreeSet<>(properties.stringPropertyNames()).forEach(k -> patterns.put(k, properties.getProperty(k)));
            return new ReplyCatalogue(locale, patterns);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reply catalogue " + resource, e);
        }
    }

    /** A text with no slots. */
    public String text(String key) {
        return format(key, Map.of());
    }

    /** A text with its slots given as name, value, name, value… */
    public String format(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("slots come in name, value pairs: " + key);
        }
        Map<String, Object> slots = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            slots.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return format(key, slots);
    }

    /** A text with its named slots filled; every slot the pattern names must be given. */
    public String format(String key, Map<String, ?> slots) {
        MessageFormat format = formats.get(key);
        if (format == null) {
            throw new IllegalArgumentException("no reply with key " + key);
        }
        Set<String> wanted = format.getArgumentNames();
        for (String name : wanted) {
            if (!slots.containsKey(name) || slots.get(name) == null) {
                throw new IllegalArgumentException("reply " + key + " needs slot " + name);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> arguments = (Map<String, Object>) slots;
        return format.format(arguments);
    }

    public boolean has(String key) {
        return formats.containsKey(key);
    }

    /** Every key, sorted; for the test that each is used and each renders. */
    public Set<String> keys() {
        return patterns.keySet();
    }

    /** The slot names a key's pattern uses. */
    public Set<String> slotsOf(String key) {
        return Objects.requireNonNull(formats.get(key), key).getArgumentNames();
    }

    public String pattern(String key) {
        return patterns.get(key);
    }

    public ULocale locale() {
        return locale;
    }
}
