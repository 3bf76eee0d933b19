package org.handoverbot.answer;

import static org.handoverbot.text.ArabicMonths.EGYPT;
import static org.handoverbot.text.ArabicMonths.LEVANT;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;

/**
 * Dates as Arabic readers from Iraq to Egypt read them: weekday, day, the Levantine month name with the
 * Egyptian one in brackets, year ("الخميس 19 آذار (مارس) 2020"). Names come from the JDK's locale data;
 * digits stay Latin because the stores and the sources write them so.
 */
public final class ArabicDates {

    private ArabicDates() {
    }

    /** "الخميس 19 آذار (مارس) 2020". */
    public static String format(LocalDate date) {
        return weekday(date) + " " + date.getDayOfMonth() + " " + month(date.getMonth()) + " " + date.getYear();
    }

    /** "آذار (مارس) 2020". */
    public static String format(YearMonth month) {
        return month(month.getMonth()) + " " + month.getYear();
    }

    /** "آذار (مارس)"; a month whose two names agree is written once. */
    public static String month(Month month) {
        String levant = month.getDisplayName(TextStyle.FULL_STANDALONE, LEVANT);
        String egypt = month.getDisplayName(TextStyle.FULL_STANDALONE, EGYPT);
        return levant.equals(egypt) ? levant : levant + " (" + egypt + ")";
    }

    /** "آذار": the name alone, as people write it in a question. */
    public static String levantMonth(Month month) {
        return month.getDisplayName(TextStyle.FULL_STANDALONE, LEVANT);
    }

    /** "الخميس". */
    public static String weekday(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, LEVANT);
    }
}
