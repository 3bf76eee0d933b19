package org.handoverbot.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Word lists kept as data (models/extraction/NAME.txt on the class path): one word or phrase a line, written
 * as newsrooms write it, grouped under [section] headings, "#" for comments. A new outlet's wording is a line
 * here, not code. Clitic forms are added by whoever matches them ({@link Clitics}). Loaded once, immutable.
 */
public final class WordLists {

    public static final String FOLDER = "/models/extraction/";

    private static final Map<String, Map<String, List<String>>> LOADED = new ConcurrentHashMap<>();

    private WordLists() {
    }

    /** Every section of the file, in file order; words before any heading are in section "". */
    public static Map<String, List<String>> sections(String name) {
        return LOADED.computeIfAbsent(name, WordLists::read);
    }

    /** One section; fails fast when the file or the section is missing, since the rules cannot run without it. */
    public static List<String> section(String name, String section) {
        List<String> words = sections(name).get(section);
        if (words == null) {
            throw new IllegalStateException("no [" + section + "] in " + FOLDER + name + ".txt");
        }
        return words;
    }

    private static Map<String, List<String>> read(String name) {
        String resource = FOLDER + name + ".txt";
        try (InputStream in = WordLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("word list not found on the class path: " + resource);
            }
            Map<String, List<String>> sections = new LinkedHashMap<>();
            String current = "";
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String s = line.strip();
                int comment = s.indexOf('#');
                if (comment >= 0) {
                    s = s.substring(0, comment).strip();
                }
                if (s.isEmpty()) {
                    continue;
                }
                if (s.startsWith("[") && s.endsWith("]")) {
                    current = s.substring(1, s.length() - 1).strip();
                    sections.computeIfAbsent(current, k -> new ArrayList<>());
                    continue;
                }
                sections.computeIfAbsent(current, k -> new ArrayList<>()).add(s);
            }
            sections.replaceAll((k, v) -> List.copyOf(v));
            return Map.copyOf(sections);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
