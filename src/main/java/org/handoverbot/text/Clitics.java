package org.handoverbot.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The forms a normalised word takes when the text glues conjunctions and prepositions to its front
 * (والقائم، فالقيارة، بالكامل، للانسحاب). Names and keyword sets both match on these, so they share one list.
 * Stateless and thread-safe.
 */
public final class Clitics {

    // Prefixes a word may carry: conjunctions, prepositions, and their combinations.
    private static final List<String> PREFIXES = List.of("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك");

    private Clitics() {
    }

    /** The word itself, then the word behind each prefix; for an ال-word also لل/ولل/فلل (ل + ال is written لل). */
    public static List<String> forms(String normalisedWord) {
        List<String> forms = new ArrayList<>();
        forms.add(normalisedWord);
        for (String prefix : PREFIXES) {
            forms.add(prefix + normalisedWord);
        }
        if (normalisedWord.startsWith("ال") && normalisedWord.length() > 3) {
            String bare = normalisedWord.substring(2);
            forms.add("لل" + bare);
            forms.add("ولل" + bare);
            forms.add("فلل" + bare);
        }
        return forms;
    }
}
