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
            Integer ordinal = lookup(ORDINALS, word);
            if (ordinal != null) {
                return new Found(ordinal, i);
            }
            if (i + 1 < words.size() && !taken[i + 1] && lookup(NUMBER_WORD, word) != null) {
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
