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

    /** The word without its article ("المسوول" → "مسوول"), or the word itself when it has none. */
    public static String withoutArticle(String normalisedWord) {
        return normalisedWord.startsWith("ال") && normalisedWord.length() > 3 ? normalisedWord.substring(2) : normalisedWord;
    }

    /**
     * A name as written, then, when one of و ف ب ل is glued to its front ("لقيادة العمليات المشتركة"), the name
     * behind it: the readings a caller tries against the names it knows.
     */
    public static List<String> readings(String written) {
        String n = written.strip();
        return n.matches("^[لوبف][^\\s].*") ? List.of(n, n.substring(1)) : List.of(n);
    }

    /** "لـاللواء": a bare preposition the text glued before a definite name is the text's, not the name's. */
    public static String withoutDetachedLam(String written) {
        String n = written.strip();
        return n.startsWith("لـ") ? n.substring(2).strip() : n;
    }

    /** "لـ" before a name: "للواء تحسين الخفاجي" for a name with ال, "لـكاغينز" otherwise. */
    public static String withLam(String name) {
        String n = name.strip();
        if (!n.startsWith("ال")) {
            return "لـ" + n;
        }
        // ل + ال → لل ("للخفاجي"); before a word that starts with ل the article's lam goes ("للواء", not "لللواء")
        String word = n.substring(2);
        return (word.startsWith("ل") ? "ل" : "لل") + word;
    }

    /**
     * The name behind a glued "ل" ("بيان للتحالف", "لوزارة الدفاع"): "لل" is ل + ال, so "للتحالف" → "التحالف",
     * "لوزارة" → "وزارة"; a name without one is itself. What {@link #withLam} glues, undone.
     */
    public static String withoutLam(String written) {
        return written.startsWith("لل") ? "ال" + written.substring(2)
                : written.startsWith("ل") ? written.substring(1) : written;
    }

    /**
     * "بياناً عبر تويتر" after a preposition: the head noun in the genitive ("بيان عبر تويتر"), its accusative
     * alif (with or without tanween) dropped when what remains is one of the nouns given.
     */
    public static String withoutAccusativeAlif(String phrase, java.util.Collection<String> nouns) {
        String p = phrase.strip();
        String head = p.split("\\s", 2)[0];
        for (String ending : List.of("اً", "ا")) {
            String noun = head.substring(0, Math.max(0, head.length() - ending.length()));
            if (head.endsWith(ending) && nouns.contains(noun)) {
                return noun + p.substring(head.length());
            }
        }
        return p;
    }

    /** و or ف glued to the front of a word ("ومصدر"، "فاللجنة"): the conjunctions, not part of the word. */
    private static final String CONJUNCTIONS = "وف";

    /** Whether the word opens with a glued و or ف (and has more after it). */
    public static boolean startsWithConjunction(String word) {
        return word.length() > 1 && CONJUNCTIONS.indexOf(word.charAt(0)) >= 0;
    }

    /** Whether word is head with و or ف glued to its front ("ومصدر" for "مصدر"). */
    public static boolean isConjoined(String word, String head) {
        return word.length() == head.length() + 1 && word.endsWith(head) && startsWithConjunction(word);
    }
}
