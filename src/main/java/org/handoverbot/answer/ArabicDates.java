package org.handoverbot.answer;

import static org.handoverbot.text.ArabicMonths.EGYPT;
import static org.handoverbot.text.ArabicMonths.LEVANT;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.IslamicCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * Dates as Arabic readers from Iraq to Egypt read them: weekday, day, the Levantine month name with the
 * Egyptian one in brackets, year ("الخميس 19 آذار (مارس) 2020"), and on request the Hijri date beside it in the
 * Umm al-Qura calendar, said so ("الموافق 24 رجب 1441 هـ (تقويم أم القرى)"). Gregorian names come from the JDK's
 * locale data, Hijri ones and the calendar from ICU (CLDR); the order of the parts is the catalogue's date.*;
 * digits stay Latin because the stores and the sources write them so.
 */
public final class ArabicDates {

    private static final ReplyCatalogue SAY = ReplyCatalogue.arabic();
    private static final ULocale ARABIC = new ULocale("ar");
    // Month names of the Islamic calendar (محرم … ذو الحجة), read once.
    private static final String[] HIJRI_MONTHS = new DateFormatSymbols(IslamicCalendar.class, ARABIC)
            .getMonths(DateFormatSymbols.FORMAT, DateFormatSymbols.WIDE);

    private static final Map<LocalDate, String> WRITTEN = new ConcurrentHashMap<>();

    private ArabicDates() {
    }

    /** "الخميس 19 آذار (مارس) 2020". Replies write the same few dates over and over: each is composed once. */
    public static String format(LocalDate date) {
        if (WRITTEN.size() > 4096) {
            WRITTEN.clear();
        }
        return WRITTEN.computeIfAbsent(date, ArabicDates::compose);
    }

    private static String compose(LocalDate date) {
        return SAY.format("date.day", "weekday", weekday(date), "day", Integer.toString(date.getDayOfMonth()),
                "month", month(date.getMonth()), "year", Integer.toString(date.getYear()));
    }

    /** "آذار (مارس) 2020". */
    public static String format(YearMonth month) {
        return SAY.format("date.month_year", "month", month(month.getMonth()), "year", Integer.toString(month.getYear()));
    }

    /** "آذار (مارس)"; a month whose two names agree is written once. */
    public static String month(Month month) {
        String levant = month.getDisplayName(TextStyle.FULL_STANDALONE, LEVANT);
        String egypt = month.getDisplayName(TextStyle.FULL_STANDALONE, EGYPT);
        return levant.equals(egypt) ? levant : SAY.format("date.month_pair", "levant", levant, "egypt", egypt);
    }

    /** "آذار": the name alone, as people write it in a question. */
    public static String levantMonth(Month month) {
        return month.getDisplayName(TextStyle.FULL_STANDALONE, LEVANT);
    }

    /** "الخميس". */
    public static String weekday(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, LEVANT);
    }

    /** "الخميس 19 آذار (مارس) 2020، الموافق 24 رجب 1441 هـ (تقويم أم القرى)": for a question that asks for the Hijri date. */
    public static String withHijri(LocalDate date) {
        return SAY.format("date.with_hijri", "gregorian", format(date), "hijri", hijri(date));
    }

    /** "الموافق 24 رجب 1441 هـ (تقويم أم القرى)". */
    public static String hijri(LocalDate date) {
        HijriDate h = hijriOf(date);
        return SAY.format("date.hijri", "day", Integer.toString(h.day()), "month", HIJRI_MONTHS[h.month() - 1],
                "year", Integer.toString(h.year()));
    }

    /** A Hijri date: day, month 1..12, year AH. */
    public record HijriDate(int day, int month, int year) {
    }

    /** The Umm al-Qura date of a Gregorian day (ICU's tables for 1300–1600 AH; ICU's civil reckoning outside them). */
    public static HijriDate hijriOf(LocalDate date) {
        Calendar gregorian = Calendar.getInstance(TimeZone.GMT_ZONE, ULocale.ROOT);
        gregorian.clear();
        gregorian.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth(), 12, 0);
        IslamicCalendar islamic = new IslamicCalendar(TimeZone.GMT_ZONE, ARABIC);
        islamic.setCalculationType(IslamicCalendar.CalculationType.ISLAMIC_UMALQURA);
        islamic.setTimeInMillis(gregorian.getTimeInMillis());
        return new HijriDate(islamic.get(Calendar.DAY_OF_MONTH), islamic.get(Calendar.MONTH) + 1,
                islamic.get(Calendar.EXTENDED_YEAR));
    }
}
