package org.handoverbot.knowledge;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

import org.handoverbot.text.ArabicText;
import org.handoverbot.text.Clitics;
import org.handoverbot.text.WordLists;

/**
 * A set of Arabic words written naturally and matched in normalised form whatever clitic the text puts in
 * front (وأضاف، فالخطوة، للانسحاب، بالكامل).
 */
final class Lexicon implements Predicate<String> {

    private final Set<String> forms = new HashSet<>();
    private final Set<String> bare = new HashSet<>();

    private Lexicon(String... words) {
        for (String word : words) {
            String w = ArabicText.normalize(word);
            bare.add(w);
            forms.addAll(Clitics.forms(w));
        }
    }

    static Lexicon of(String... words) {
        return new Lexicon(words);
    }

    /** A section of a data file under models/extraction/ (see {@link WordLists}). */
    static Lexicon data(String file, String section) {
        return new Lexicon(WordLists.section(file, section).toArray(String[]::new));
    }

    /** Several sections of one data file as one set. */
    static Lexicon data(String file, String... sections) {
        java.util.List<String> words = new java.util.ArrayList<>();
        for (String section : sections) {
            words.addAll(WordLists.section(file, section));
        }
        return new Lexicon(words.toArray(String[]::new));
    }

    /**
     * Whether the word is one of the set with at most a conjunction in front ("وأمس", "فسلّم"): a verb or an adverb,
     * which a preposition would turn into something else ("لتسلّم" is "to take over", "لامس" is "touched").
     */
    boolean isConjoined(String normalisedWord) {
        return bare.contains(normalisedWord) || normalisedWord.length() > 2
                && org.handoverbot.text.Clitics.startsWithConjunction(normalisedWord)
                && bare.contains(normalisedWord.substring(1));
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
