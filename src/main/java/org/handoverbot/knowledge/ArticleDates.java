package org.handoverbot.knowledge;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.handoverbot.text.ArabicMonths;
import org.handoverbot.text.ArabicText;

/**
 * Reads the day a sentence names, against the day the article was published: relative days
 * ("اليوم الخميس", "الثلاثاء الماضي", "أمس", and ahead of it "غداً الخميس", "بعد غدٍ الأحد", "الأحد المقبل") and
 * explicit dates ("26 آذار 2020", "19 مارس",
 * "التاسع عشر من الشهر الجاري"). Month and weekday names come from the JDK's Arabic locales (Levantine/Iraqi
 * آذار and Egyptian مارس), so there is no hand-kept table to drift; the words around them are models/extraction/days.txt. A day the text
 * does not give stays empty.
 */
final class ArticleDates {

    private static final Map<String, Month> MONTHS = new HashMap<>();
    private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();
    private static final int LONGEST_MONTH_NAME;

    static {
        int longest = 1;
        List<Locale> locales = List.of(ArabicMonths.LEVANT, ArabicMonths.EGYPT);
        for (ArabicMonths.Name name : ArabicMonths.names(locales)) {
            MONTHS.put(String.join(" ", name.words()), name.month());
            longest = Math.max(longest, name.words().size());
        }
        for (Locale locale : locales) {
            for (DayOfWeek d : DayOfWeek.values()) {
                WEEKDAYS.put(ArabicText.normalize(d.getDisplayName(TextStyle.FULL, locale)), d);
            }
        }
        LONGEST_MONTH_NAME = longest;
    }

    // Ordinal day words (التاسع عشر، الحادي والعشرين): a spelled-out number, not a calendar name, so no locale has it.
    private static final Map<String, Integer> ORDINAL_UNITS = Map.ofEntries(
            Map.entry("الاول", 1), Map.entry("الحادي", 1), Map.entry("الثاني", 2), Map.entry("الثالث", 3),
            Map.entry("الرابع", 4), Map.entry("الخامس", 5), Map.entry("السادس", 6), Map.entry("السابع", 7),
            Map.entry("الثامن", 8), Map.entry("التاسع", 9), Map.entry("العاشر", 10));

    private static final String DAYS = "days";
    private static final Lexicon TODAY = Lexicon.data(DAYS, "today");
    private static final Lexicon PAST = Lexicon.data(DAYS, "past");
    private static final Lexicon NEXT = Lexicon.data(DAYS, "next");
    private static final Lexicon CURRENT_MONTH = Lexicon.data(DAYS, "current-month");
    private static final Lexicon TOMORROW = Lexicon.data(DAYS, "tomorrow");
    private static final Lexicon AFTER = Lexicon.data(DAYS, "after");
    private static final Lexicon MORROW = Lexicon.data(DAYS, "morrow");
    private static final Lexicon YESTERDAY = Lexicon.data(DAYS, "yesterday");
    private static final Lexicon TODAY_LEAD = Lexicon.data(DAYS, "today-lead");
    private static final Lexicon FIRST = Lexicon.data(DAYS, "first");

    private ArticleDates() {
    }

    /**
     * A day found in the words, with where it was found. bare: a day said only against the day of speaking, with no
     * weekday or number to pin it ("غداً", "بعد غد"), or a weekday alone ("السبت", read as the last one): inside a
     * quotation it is the speaker's, not the report's; in a step to come a weekday alone is the coming one.
     */
    record Found(int start, int end, LocalDate date, String flag, boolean bare) {
        Found(int start, int end, LocalDate date) {
            this(start, end, date, null, false);
        }

        Found(int start, int end, LocalDate date, String flag) {
            this(start, end, date, flag, false);
        }
    }

    /** The flag of a date whose weekday, named beside it, is another day ("السبت 18 يناير 2026", a Sunday). */
    static final String WEEKDAY_DISAGREES = "weekday";

    /** The first day the sentence names; empty when it names none (or names one that cannot be). */
    static Optional<LocalDate> first(List<String> words, LocalDate published) {
        List<Found> all = all(words, published);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0).date());
    }

    static List<Found> all(List<String> words, LocalDate published) {
        List<Found> found = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Found f = explicit(words, i, published);
            if (f != null && f.date() != null) {
                // "اليوم السبت 18 يناير 2026": the weekday beside the date must be the date's own
                DayOfWeek named = i > 0 ? weekday(words.get(i - 1)) : null;
                if (named == null && i > 1 && words.get(i - 1).equals("الموافق")) {
                    named = weekday(words.get(i - 2));
                }
                if (named != null && named != f.date().getDayOfWeek()) {
                    f = new Found(f.start(), f.end(), f.date(), WEEKDAY_DISAGREES);
                }
            }
            if (f == null) {
                f = relative(words, i, published);
            }
            if (f == null) {
                i++;
            } else {
                if (f.date() != null) {
                    found.add(f);
                }
                i = Math.max(f.end(), i + 1);
            }
        }
        return found;
    }

    private static Found relative(List<String> words, int i, LocalDate published) {
        String w = words.get(i);
        // "غداً الخميس", "بعد غدٍ الأحد": one or two days after publication; a weekday beside it must be that day's
        int ahead = TOMORROW.isConjoined(w) ? 1
                : AFTER.isConjoined(w) && i + 1 < words.size() && MORROW.isBare(words.get(i + 1)) ? 2 : 0;
        if (ahead > 0) {
            int end = i + ahead;
            LocalDate date = published.plusDays(ahead);
            DayOfWeek named = end < words.size() ? weekday(words.get(end)) : null;
            if (named != null) {
                end++;
                date = named == date.getDayOfWeek() ? date : null;
            }
            return new Found(i, end, date, null, named == null);
        }
        // "في وقت سابق من اليوم"، "صباح اليوم": a bare "اليوم" after a word of the day's time is the day of
        // publication; after a name ("عراق اليوم") it is part of the name, and "اليوم الخميس" is read at its weekday
        if (TODAY.isBare(w) && i > 0 && TODAY_LEAD.isConjoined(words.get(i - 1))
                && (i + 1 >= words.size() || weekday(words.get(i + 1)) == null)) {
            return new Found(i, i + 1, published);
        }
        if (YESTERDAY.isConjoined(w)) {
            boolean dayBefore = i > 0 && FIRST.isBare(words.get(i - 1));
            return new Found(i, i + 1, published.minusDays(dayBefore ? 2 : 1));
        }
        DayOfWeek day = weekday(w);
        if (day == null) {
            return null;
        }
        boolean today = i > 0 && TODAY.test(words.get(i - 1));
        String after = i + 1 < words.size() ? words.get(i + 1) : "";
        LocalDate date;
        if (PAST.test(after)) {
            date = published.with(TemporalAdjusters.previous(day));
        } else if (NEXT.test(after)) {
            date = published.with(TemporalAdjusters.next(day));
        } else if (today) {
            // "اليوم الخميس" in an article of a Wednesday is a contradiction: better unknown than wrong.
            date = published.getDayOfWeek() == day ? published : null;
            if (date == null) {
                return new Found(i, i + 1, null);
            }
        } else {
            // a bare weekday in news means the latest one, at most a week back
            date = published.with(TemporalAdjusters.previousOrSame(day));
        }
        boolean bare = !today && !PAST.test(after) && !NEXT.test(after);
        return new Found(today ? i - 1 : i, PAST.test(after) || NEXT.test(after) ? i + 2 : i + 1, date, null, bare);
    }

    private static DayOfWeek weekday(String w) {
        DayOfWeek d = WEEKDAYS.get(w);
        if (d == null && (w.startsWith("و") || w.startsWith("ب"))) {
            d = WEEKDAYS.get(w.substring(1));
        }
        return d;
    }

    private static Found explicit(List<String> words, int i, LocalDate published) {
        Integer day = null;
        int next = i;
        String w = words.get(i);
        if (w.matches("\\d{1,2}")) {
            day = Integer.parseInt(w);
            next = i + 1;
        } else {
            int[] ordinal = ordinalDay(words, i);
            if (ordinal != null) {
                day = ordinal[0];
                next = ordinal[1];
            }
        }
        if (day == null) {
            return null;
        }
        if (next < words.size() && (words.get(next).equals("من"))) {
            next++;
            if (next < words.size() && (words.get(next).equals("شهر"))) {
                next++;
            }
        }
        Month month = null;
        int year = published.getYear();
        // "16/1/2026" (the slashes are dropped as punctuation): day, month, year as numbers
        if (w.matches("\\d{1,2}") && next + 1 < words.size() && words.get(next).matches("\\d{1,2}")
                && words.get(next + 1).matches("\\d{4}")) {
            try {
                return new Found(i, next + 2, LocalDate.of(Integer.parseInt(words.get(next + 1)),
                        Integer.parseInt(words.get(next)), day));
            } catch (DateTimeException e) {
                return new Found(i, next + 2, null);
            }
        }
        if (next + 1 < words.size() && (words.get(next).equals("الشهر") || words.get(next).equals("هذا"))
                && (CURRENT_MONTH.test(words.get(next + 1)) || words.get(next + 1).equals("الشهر"))) {
            month = published.getMonth();
            next += 2;
        } else if (next + 1 < words.size() && words.get(next).equals("الشهر") && PAST.test(words.get(next + 1))) {
            LocalDate previous = published.minusMonths(1);
            month = previous.getMonth();
            year = previous.getYear();
            next += 2;
        } else {
            int[] m = monthAt(words, next);
            if (m == null) {
                return null;
            }
            month = Month.of(m[0]);
            next = m[1];
            if (next < words.size() && words.get(next).matches("\\d{4}")) {
                year = Integer.parseInt(words.get(next));
                next++;
            } else {
                // "23 آب" in an article of April without a year: news tells the past, so last August,
                // unless the text says "المقبل" (a day within the coming month may be a plan: kept as written)
                boolean ahead = next < words.size() && NEXT.test(words.get(next));
                if (next < words.size() && (PAST.test(words.get(next)) || ahead)) {
                    next++;
                }
                try {
                    if (!ahead && LocalDate.of(year, month, day).isAfter(published.plusMonths(1))) {
                        year--;
                    } else if (ahead && LocalDate.of(year, month, day).isBefore(published)) {
                        year++;     // "15 كانون الثاني المقبل" in an article of December: the coming January
                    }
                } catch (DateTimeException e) {
                    return new Found(i, next, null);
                }
            }
        }
        try {
            return new Found(i, next, LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return new Found(i, next, null);
        }
    }

    /** [month number, index after the name] for a month name at i, "آذار/مارس" pairs included. */
    static int[] monthAt(List<String> words, int i) {
        for (int n = LONGEST_MONTH_NAME; n >= 1; n--) {
            if (i + n > words.size()) {
                continue;
            }
            Month m = MONTHS.get(String.join(" ", words.subList(i, i + n)));
            if (m != null) {
                int end = i + n;
                // "آذار مارس" (the slash is dropped as punctuation): the second name says the same month
                for (int k = LONGEST_MONTH_NAME; k >= 1; k--) {
                    if (end + k <= words.size() && MONTHS.get(String.join(" ", words.subList(end, end + k))) == m) {
                        end += k;
                        break;
                    }
                }
                return new int[] {m.getValue(), end};
            }
        }
        return null;
    }

    /** [day, index after] for a spelled-out ordinal day at i (التاسع عشر، العشرين، الحادي والثلاثين). */
    private static int[] ordinalDay(List<String> words, int i) {
        String w = words.get(i);
        if (w.equals("العشرين")) {
            return new int[] {20, i + 1};
        }
        if (w.equals("الثلاثين")) {
            return new int[] {30, i + 1};
        }
        Integer unit = ORDINAL_UNITS.get(w);
        if (unit == null) {
            return null;
        }
        String after = i + 1 < words.size() ? words.get(i + 1) : "";
        if (after.equals("عشر") && unit < 10) {
            return new int[] {10 + unit, i + 2};
        }
        if (after.equals("والعشرين") && unit < 10) {
            return new int[] {20 + unit, i + 2};
        }
        if (after.equals("والثلاثين") && unit == 1) {
            return new int[] {31, i + 2};
        }
        if (w.equals("الحادي")) {
            return null;
        }
        return new int[] {unit, i + 1};
    }
}
