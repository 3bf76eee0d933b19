package org.handoverbot.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Word lists kept as data (models/extraction/NAME.txt on the class path, read by {@link WordList}): one word
 * a line, written as newsrooms write it, grouped under [section] headings, "#" for comments. A new outlet's wording is a line
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

    /** Every word of the file, sections in file order (a list without headings, such as place-words.txt). */
    public static List<String> words(String name) {
        return ALL_WORDS.computeIfAbsent(name, n -> {
            List<String> all = new ArrayList<>();
            for (List<String> section : sections(n).values()) {
                all.addAll(section);
            }
            return List.copyOf(all);
        });
    }

    private static final Map<String, List<String>> ALL_WORDS = new ConcurrentHashMap<>();

    /** The file through {@link WordList} (one parser for every list), split at its [section] headings. */
    private static Map<String, List<String>> read(String name) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        String current = "";
        for (String entry : WordList.load(FOLDER + name + ".txt")) {
            if (entry.startsWith("[") && entry.endsWith("]")) {
                current = entry.substring(1, entry.length() - 1).strip();
                sections.computeIfAbsent(current, k -> new ArrayList<>());
            } else {
                sections.computeIfAbsent(current, k -> new ArrayList<>()).add(entry);
            }
        }
        sections.replaceAll((k, v) -> List.copyOf(v));
        return java.util.Collections.unmodifiableMap(sections); // file order kept, for words()
    }
}
