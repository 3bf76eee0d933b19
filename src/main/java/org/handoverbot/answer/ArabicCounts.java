package org.handoverbot.answer;

/**
 * Numbers with counted nouns as Arabic grammar wants them (قاعدة، قاعدتان، 3 قواعد، 11 قاعدة), and the
 * feminine ordinals the sources use for bases ("القاعدة الثالثة").
 */
public final class ArabicCounts {

    private static final String[] ORDINALS = {"الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة",
            "السابعة", "الثامنة", "التاسعة", "العاشرة"};

    private ArabicCounts() {
    }

    /** n with its noun: one form alone, the dual, the plural for 3..10, the singular (accusative) from 11. */
    public static String count(long n, String one, String two, String few, String many) {
        if (n == 1) {
            return one;
        }
        if (n == 2) {
            return two;
        }
        if (n >= 3 && n <= 10) {
            return n + " " + few;
        }
        return n + " " + many;
    }

    public static String bases(long n) {
        return n == 0 ? "أي قاعدة" : count(n, "قاعدة واحدة", "قاعدتان", "قواعد", "قاعدة");
    }

    public static String days(long n) {
        return count(n, "يوم واحد", "يومان", "أيام", "يوماً");
    }

    public static String months(long n) {
        return count(n, "شهر واحد", "شهران", "أشهر", "شهراً");
    }

    public static String years(long n) {
        return count(n, "سنة واحدة", "سنتان", "سنوات", "سنة");
    }

    /** "الثالثة"; beyond the tenth, "رقم 11". */
    public static String ordinal(int n) {
        return n >= 1 && n <= ORDINALS.length ? ORDINALS[n - 1] : "رقم " + n;
    }
}
