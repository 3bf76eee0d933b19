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
    private final Map<String, GazetteerEntry> byId = new HashMap<>();
    /** first word (with any clitic) → aliases starting with it, longest first. */
    private final Map<String, List<Alias>> byFirstWord = new HashMap<>();

    private record Alias(GazetteerEntry entry, List<String> words) {
    }

    public Gazetteer(List<GazetteerEntry> entries) {
        this.entries = List.copyOf(entries);
        for (GazetteerEntry entry : this.entries) {
            if (byId.put(entry.id(), entry) != null) {
                throw new IllegalArgumentException("duplicate gazetteer id: " + entry.id());
            }
            for (String alias : entry.aliases()) {
                List<String> words = ArabicText.words(alias);
                if (words.isEmpty()) {
                    continue;
                }
                for (String first : Clitics.forms(words.get(0))) {
                    byFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(new Alias(entry, words));
                }
            }
        }
        byFirstWord.values().forEach(list -> list.sort(Comparator.comparingInt((Alias a) -> a.words().size()).reversed()));
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
        return new Gazetteer(entries);
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
            if (i + n <= words.size() && words.subList(i + 1, i + n).equals(alias.words().subList(1, n))) {
                return alias;
            }
        }
        return null;
    }
}
