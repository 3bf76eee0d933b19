package org.handoverbot.answer;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.regex.Pattern;

import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.GazetteerEntry;
import org.handoverbot.text.ArabicText;
import org.handoverbot.text.WordLists;

/**
 * How replies name bases, parties and people: the Arabic forms of the gazetteer, never its Latin ids, so a
 * reply stays Arabic whatever the store's records use as keys.
 */
public final class Names {

    private static final Pattern ARABIC = Pattern.compile("\\p{IsArabic}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final ReplyCatalogue SAY = ReplyCatalogue.arabic();
    /** Words that already say what kind of place a name is: the one list (models/extraction/place-words.txt). */
    private static final Set<String> PLACE_WORDS = WordLists.words("place-words").stream()
            .map(ArabicText::normalize).collect(Collectors.toUnmodifiableSet());

    private final Gazetteer gazetteer;
    /** The label of every name the gazetteer knows, made once: nearly every reply names a base so, often twice. */
    private final java.util.Map<String, String> labels;

    public Names(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        for (GazetteerEntry entry : gazetteer.entries()) {
            labels.putIfAbsent(entry.id(), label(entry.id()));
        }
        this.labels = java.util.Map.copyOf(labels);
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** "القائم". */
    public String base(String baseId) {
        return name(baseId).orElseGet(() -> SAY.text("dialogue.name.unnamed_place"));
    }

    /** "قاعدة القائم", "موقع الصقور في الموصل", "قاعدة فكتوري (مطار بغداد)". */
    public String baseLabel(String baseId) {
        String known = baseId == null ? null : labels.get(baseId);
        return known != null ? known : label(baseId);
    }

    private String label(String baseId) {
        String name = base(baseId);
        String first = SPACES.split(name, 2)[0];
        return PLACE_WORDS.contains(ArabicText.normalize(first)) || baseId == null ? name
                : SAY.format("dialogue.name.base", "name", name);
    }

    /** "محافظة الأنبار", when the gazetteer knows the province. */
    public Optional<String> province(String baseId) {
        return gazetteer.byId(baseId == null ? "" : baseId).map(GazetteerEntry::province)
                .filter(p -> p != null && !p.isBlank()).map(p -> SAY.format("dialogue.name.province", "name", p));
    }

    /** A party or person by its Arabic name; empty when only a Latin key is known. */
    public Optional<String> name(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        Optional<String> known = gazetteer.byId(id).map(GazetteerEntry::name);
        if (known.isPresent()) {
            return known;
        }
        return isArabic(id) ? Optional.of(id) : Optional.empty();
    }

    /** "اللواء تحسين الخفاجي، المتحدث الرسمي لقيادة العمليات المشتركة". */
    public Optional<String> personWithTitle(String personId) {
        return gazetteer.byId(personId == null ? "" : personId).map(e ->
                e.title() == null || e.title().isBlank() ? e.name()
                        : SAY.format("event.speaker_with_title", "name", e.name(), "title", e.title()));
    }

    public static boolean isArabic(String text) {
        return text != null && ARABIC.matcher(text).find();
    }
}
