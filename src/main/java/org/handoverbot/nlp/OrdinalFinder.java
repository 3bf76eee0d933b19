package org.handoverbot.nlp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a position in the timeline in normalised words: الأولى/أول = 1 … العاشرة = 10, "رقم 3" or
 * "رقم ثلاثة", and آخر/الأخيرة = {@link Entities#LAST}. Clitics (و ف ب ل, لل) in front are allowed.
 */
final class OrdinalFinder {

    /** An ordinal and the position of the word that says it (for "رقم 3", the number). */
    record Found(int ordinal, int position) {
    }

    private static final Map<String, Integer> ORDINALS = new HashMap<>();
    private static final Map<String, Integer> CARDINALS = new HashMap<>();
    private static final Map<String, Integer> NUMBER_WORD = Map.of("رقم", 0);
    private static final List<String> CLITICS = List.of("و", "ف", "ب", "ل", "ك", "وب", "فب", "ول");

    static {
        // Normalised forms: hamza folded (أول → اول), ى → ي (الأولى → الاولي), ة → ه (الثانية → الثانيه).
        String[] masculine = {"اول", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر"};
        for (int i = 0; i < masculine.length; i++) {
            String stem = masculine[i];
            for (String form : List.of(stem, "ال" + stem, stem + "ه", "ال" + stem + "ه")) {
                ORDINALS.put(form, i + 1);
            }
        }
        for (String form : List.of("اولي", "الاولي", "الاوله", "اوله")) {
            ORDINALS.put(form, 1);
        }
        for (String form : List.of("اخر", "الاخر", "اخير", "الاخير", "اخيره", "الاخيره", "اخرها", "اخرهم")) {
            ORDINALS.put(form, Entities.LAST);
        }
        String[][] cardinals = {
                {"واحد", "واحده"}, {"اثنين", "اثنان", "ثنين", "اثنتين"}, {"ثلاث", "ثلاثه", "تلاته", "ثلاثة"},
                {"اربع", "اربعه"}, {"خمس", "خمسه"}, {"ست", "سته"}, {"سبع", "سبعه"}, {"ثمان", "ثماني", "ثمانيه"},
                {"تسع", "تسعه"}, {"عشر", "عشره"}};
        for (int i = 0; i < cardinals.length; i++) {
            for (String form : cardinals[i]) {
                CARDINALS.put(form, i + 1);
            }
        }
    }

    /** The first ordinal in the words, skipping positions already taken by a date or a name; null if none. */
    Found find(List<String> words, boolean[] taken) {
        for (int i = 0; i < words.size(); i++) {
            if (taken[i]) {
                continue;
            }
            String word = words.get(i);
            Integer ordinal = ORDINAL_FORMS.get(word);
            if (ordinal != null) {
                return new Found(ordinal, i);
            }
            if (i + 1 < words.size() && !taken[i + 1] && NUMBER_WORD_FORMS.get(word) != null) {
                String next = words.get(i + 1);
                Integer number = DateFinder.number(next);
                if (number == null) {
                    number = CARDINALS.get(next);
                }
                if (number != null && number >= 1 && number <= 99) {
                    return new Found(number, i + 1);
                }
            }
        }
        return null;
    }

    /**
     * Every word {@link #lookup} finds something for, with what it finds: the table's own words, "لل" for their
     * "ال", and each clitic in front of them, each answered by lookup itself at load. Any other word it finds
     * nothing for, so a question's word is one look-up (lookup cut and joined strings for every clitic it starts with).
     */
    private static Map<String, Integer> withClitics(Map<String, Integer> table) {
        Map<String, Integer> forms = new HashMap<>();
        for (String word : table.keySet()) {
            List<String> candidates = new java.util.ArrayList<>(List.of(word));
            if (word.startsWith("ال")) {
                candidates.add("لل" + word.substring(2));
            }
            for (String clitic : CLITICS) {
                candidates.add(clitic + word);
            }
            for (String candidate : candidates) {
                Integer value = lookup(table, candidate);
                if (value != null) {
                    forms.put(candidate, value);
                }
            }
        }
        return Map.copyOf(forms);
    }

    private static final Map<String, Integer> ORDINAL_FORMS = withClitics(ORDINALS);
    private static final Map<String, Integer> NUMBER_WORD_FORMS = withClitics(NUMBER_WORD);

    /** The ordinal a word says, and whether it is "رقم", by the two ways (for the test that they agree). */
    static List<Integer> byBothWays(String word) {
        return java.util.Arrays.asList(ORDINAL_FORMS.get(word), lookup(ORDINALS, word),
                NUMBER_WORD_FORMS.get(word), lookup(NUMBER_WORD, word));
    }

    private static Integer lookup(Map<String, Integer> table, String word) {
        Integer value = table.get(word);
        if (value != null) {
            return value;
        }
        if (word.startsWith("لل")) {
            value = table.get("ال" + word.substring(2));
            if (value != null) {
                return value;
            }
        }
        for (String clitic : CLITICS) {
            if (word.length() > clitic.length() + 1 && word.startsWith(clitic)) {
                value = table.get(word.substring(clitic.length()));
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }
}
