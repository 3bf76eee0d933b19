package org.handoverbot.text;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The month names Arabic writers use, taken from the JDK's locale data rather than a hand-kept table:
 * Iraqi/Levantine (ar-IQ: آذار، تشرين الأول), Egyptian/Gulf (ar-EG: مارس، أكتوبر), Moroccan (ar-MA: غشت) and
 * Algerian (ar-DZ: أفريل). Articles and questions read months from the same list.
 */
public final class ArabicMonths {

    public static final Locale LEVANT = Locale.forLanguageTag("ar-IQ");
    public static final Locale EGYPT = Locale.forLanguageTag("ar-EG");
    public static final Locale MOROCCO = Locale.forLanguageTag("ar-MA");
    public static final Locale ALGERIA = Locale.forLanguageTag("ar-DZ");

    /** A month and one of its names, as normalised words (see {@link ArabicText#words}). */
    public record Name(Month month, List<String> words) {
    }

    private ArabicMonths() {
    }

    /** Every name (full and standalone) of every month in the locales, in locale then month order, each once. */
    public static List<Name> names(List<Locale> locales) {
        List<Name> names = new ArrayList<>();
        for (Locale locale : locales) {
            for (Month month : Month.values()) {
                for (TextStyle style : List.of(TextStyle.FULL, TextStyle.FULL_STANDALONE)) {
                    List<String> words = ArabicText.words(month.getDisplayName(style, locale));
                    Name name = new Name(month, words);
                    if (!words.isEmpty() && !names.contains(name)) {
                        names.add(name);
                    }
                }
            }
        }
        return List.copyOf(names);
    }
}
