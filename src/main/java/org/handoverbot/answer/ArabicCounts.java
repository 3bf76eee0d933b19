package org.handoverbot.answer;

/**
 * Numbers with counted nouns, from the catalogue's count.* patterns: the agreement (قاعدة واحدة، قاعدتين،
 * 3 قواعد، 11 قاعدة، 100 قاعدة) is CLDR's Arabic plural categories, not code. Only the dual changes with the
 * noun's role in the sentence, so the caller says which role it fills.
 */
public final class ArabicCounts {

    /** The noun's case where it shows: the dual is "قاعدتان" as a subject or alone, "قاعدتين" after a verb, a noun or a preposition. */
    public enum Case {
        /** Subject, predicate, a count standing alone or in brackets: "(قاعدتان)". */
        NOMINATIVE("nominative"),
        /** Object, after a noun or a preposition: "تسجّل مصادري تسليم قاعدتين", "بيومين". */
        OBLIQUE("oblique");

        private final String slot;

        Case(String slot) {
            this.slot = slot;
        }

        public String slot() {
            return slot;
        }
    }

    private static final ReplyCatalogue CATALOGUE = ReplyCatalogue.arabic();

    private ArabicCounts() {
    }

    public static String bases(long n, Case role) {
        return CATALOGUE.format("count.bases", "count", n, "case", role.slot());
    }

    public static String days(long n, Case role) {
        return CATALOGUE.format("count.days", "count", n, "case", role.slot());
    }

    public static String months(long n, Case role) {
        return CATALOGUE.format("count.months", "count", n, "case", role.slot());
    }

    public static String years(long n, Case role) {
        return CATALOGUE.format("count.years", "count", n, "case", role.slot());
    }

    public static String soldiers(long n, Case role) {
        return CATALOGUE.format("count.soldiers", "count", n, "case", role.slot());
    }

    /** Feminine, as bases are counted: "الثالثة", "الحادية عشرة" (CLDR's spelled-out ordinals). */
    public static String ordinal(int n) {
        return CATALOGUE.ordinal(n, true);
    }
}
