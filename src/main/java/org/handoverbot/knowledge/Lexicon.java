package org.handoverbot.knowledge;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.handoverbot.text.ArabicText;

/**
 * A set of Arabic words written naturally and matched in normalised form whatever clitic the text puts in
 * front (وأضاف، فالخطوة، للانسحاب، بالكامل).
 */
final class Lexicon implements Predicate<String> {

    private static final List<String> CLITICS = List.of("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك");

    private final Set<String> forms = new HashSet<>();
    private final Set<String> bare = new HashSet<>();

    private Lexicon(String... words) {
        for (String word : words) {
            String w = ArabicText.normalize(word);
            forms.add(w);
            bare.add(w);
            for (String c : CLITICS) {
                forms.add(c + w);
            }
            if (w.startsWith("ال") && w.length() > 3) {
                forms.add("لل" + w.substring(2));
                forms.add("ولل" + w.substring(2));
                forms.add("فلل" + w.substring(2));
            }
        }
    }

    static Lexicon of(String... words) {
        return new Lexicon(words);
    }

    /** Whether the word is one of the set as written, with no clitic in front. */
    boolean isBare(String normalisedWord) {
        return bare.contains(normalisedWord);
    }

    @Override
    public boolean test(String normalisedWord) {
        return forms.contains(normalisedWord);
    }
}
