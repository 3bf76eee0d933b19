package org.handoverbot.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.handoverbot.text.ArabicText;
import org.handoverbot.text.Clitics;

/**
 * The names the bot knows (models/gazetteer.json), matched over normalised words whatever clitics the first
 * word carries (وبالقائم، للقائم، فالقيارة). One data file serves article extraction and question understanding.
 * Immutable after loading, so one instance is shared by every thread.
 */
public final class Gazetteer {

    public static final String RESOURCE = "/models/gazetteer.json";

    private final List<GazetteerEntry> entries;
    private final java.util.Set<String> notNames;
    private final Map<String, GazetteerEntry> byId = new HashMap<>();
    /** first word (with any clitic) → aliases starting with it, longest first. */
    private final Map<String, List<Alias>> byFirstWord = new HashMap<>();

    private record Alias(GazetteerEntry entry, List<String> words) {
    }

    public Gazetteer(List<GazetteerEntry> entries) {
        this(entries, java.util.Set.of());
    }

    /**
     * notNames: normalised words that a toggled article would turn into a name although they are common words
     * ("البلد" is "the country", not Balad); models/gazetteer.json lists them.
     */
    public Gazetteer(List<GazetteerEntry> entries, java.util.Set<String> notNames) {
        this.notNames = java.util.Set.copyOf(notNames);
        this.entries = List.copyOf(entries);
        for (GazetteerEntry entry : this.entries) {
            if (byId.put(entry.id(), entry) != null) {
                throw new IllegalArgumentException("duplicate gazetteer id: " + entry.id());
            }
            for (String alias : entry.aliases()) {
                for (List<String> words : variants(alias)) {
                    for (String first : Clitics.forms(words.get(0))) {
                        byFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(new Alias(entry, words));
                    }
                }
            }
        }
        byFirstWord.values().forEach(list -> list.sort(Comparator.comparingInt((Alias a) -> a.words().size()).reversed()));
    }

    /**
     * An alias as written and with the article toggled on its first word ("كي وان" and "الكي وان", "التاجي" and
     * "تاجي"), so people may write either; Latin aliases and very short words are left as they are.
     */
    /** The normalised word lists an alias is matched as: as written, and with its article toggled (not-names left out). */
    public List<List<String>> variants(String alias) {
        List<List<String>> variants = new ArrayList<>();
        for (List<String> words : withAndWithoutArticle(ArabicText.words(alias))) {
            if (variants.isEmpty() || !(words.size() == 1 && notNames.contains(words.get(0)))) {
                variants.add(words);
            }
        }
        return variants;
    }

    static List<List<String>> withAndWithoutArticle(List<String> words) {
        if (words.isEmpty()) {
            return List.of();
        }
        String first = words.get(0);
        if (!Character.isLetter(first.charAt(0)) || first.charAt(0) < 0x0600) {
            return List.of(words);
        }
        String toggled = first.startsWith("ال") ? first.substring(2) : "ال" + first;
        if (toggled.length() < 2) {
            return List.of(words);
        }
        List<String> other = new ArrayList<>(words);
        other.set(0, toggled);
        return List.of(words, List.copyOf(other));
    }

    /** The gazetteer the jar carries. */
    public static Gazetteer load() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("gazetteer not found on the class path: " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gazetteer", e);
        }
    }

    public static Gazetteer read(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        List<GazetteerEntry> entries = new ArrayList<>();
        for (JsonNode node : root.path("entries")) {
            List<String> aliases = new ArrayList<>();
            node.path("aliases").forEach(a -> aliases.add(a.asText()));
            aliases.add(node.path("name").asText());
            entries.add(new GazetteerEntry(
                    node.path("id").asText(),
                    EntityKind.valueOf(node.path("kind").asText().toUpperCase(Locale.ROOT)),
                    node.path("name").asText(),
                    node.path("english").asText(null),
                    aliases,
                    node.path("province").asText(null),
                    node.path("title").asText(null)));
        }
        java.util.Set<String> notNames = new java.util.HashSet<>();
        root.path("not_names").forEach(n -> notNames.add(ArabicText.normalize(n.asText())));
        return new Gazetteer(entries, notNames);
    }

    public List<GazetteerEntry> entries() {
        return entries;
    }

    public Optional<GazetteerEntry> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<GazetteerEntry> ofKind(EntityKind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }

    /** Every name in the text, longest match first, left to right, not overlapping. */
    public List<Mention> find(String text) {
        return findInWords(ArabicText.words(text));
    }

    /** Every name in already normalised words (see {@link ArabicText#words}). */
    public List<Mention> findInWords(List<String> words) {
        List<Mention> found = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Alias match = longestAt(words, i);
            if (match == null) {
                i++;
            } else {
                found.add(new Mention(match.entry(), i, i + match.words().size()));
                i += match.words().size();
            }
        }
        return found;
    }

    private Alias longestAt(List<String> words, int i) {
        List<Alias> candidates = byFirstWord.get(words.get(i));
        if (candidates == null) {
            return null;
        }
        for (Alias alias : candidates) {
            int n = alias.words().size();
            if (i + n <= words.size() && restMatches(words, i, alias.words())) {
                return alias;
            }
        }
        return null;
    }

    /** The alias's words after its first are the words after position i (compared in place, no sub-lists). */
    private static boolean restMatches(List<String> words, int i, List<String> alias) {
        for (int k = 1; k < alias.size(); k++) {
            if (!words.get(i + k).equals(alias.get(k))) {
                return false;
            }
        }
        return true;
    }
}
