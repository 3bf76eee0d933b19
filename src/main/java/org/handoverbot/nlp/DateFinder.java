package org.handoverbot.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.handoverbot.text.ArabicMonths;

/**
 * Finds the first date a question names in its normalised words: a year (2020, ٢٠٢٠), a month by name with or
 * without year and day ("نيسان 2020", "19 آذار", "بأبريل"), or a numeric date (19/3/2020, 2020-03-19).
 * Month names come from the JDK's locale data: Iraqi/Levantine (ar-IQ: نيسان), Egyptian/Gulf (ar-EG: أبريل),
 * Moroccan and Algerian (ar-MA: غشت, ar-DZ: أفريل). Stateless after construction, so shared by all threads.
 */
final class DateFinder {

    private static final List<Locale> MONTH_LOCALES = List.of(
            ArabicMonths.LEVANT, ArabicMonths.EGYPT, ArabicMonths.MOROCCO, ArabicMonths.ALGERIA);
    private static final List<String> CLITICS = List.of("", "و", "ف", "ب", "ل", "وب", "فب", "وفي");
    // Short month names that are also common words (اب = father, ماي = water): only taken next to a number.
    private static final int AMBIGUOUS_LENGTH = 3;
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2100;
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?<![0-9])(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})(?![0-9])");
    private static final Pattern YEAR_MONTH_DAY = Pattern.compile("(?<![0-9])(\\d{4})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})(?![0-9])");

    private record MonthName(int month, List<String> words) {
    }

    /** A date and the word positions [start, end) it covers. */
    record Found(DateMention date, int start, int end) {
    }

    /** first word of a month name (with any clitic) → names starting with it, longest first. */
    private final Map<String, List<MonthName>> byFirstWord = new HashMap<>();

    DateFinder() {
        for (ArabicMonths.Name name : ArabicMonths.names(MONTH_LOCALES)) {
            for (String clitic : CLITICS) {
                byFirstWord.computeIfAbsent(clitic + name.words().get(0), k -> new ArrayList<>())
                        .add(new MonthName(name.month().getValue(), name.words()));
            }
        }
        byFirstWord.values().forEach(list -> list.sort(
                Comparator.comparingInt((MonthName m) -> m.words().size()).reversed()));
    }

    /** A numeric date written with separators, looked for in the normalised text. */
    DateMention numericDate(String normalizedText) {
        if (!hasDigit(normalizedText)) {
            return null; // both patterns need digits; most questions have none, and a regex search is not free
        }
        Matcher dmy = DAY_MONTH_YEAR.matcher(normalizedText);
        if (dmy.find()) {
            DateMention date = valid(Integer.parseInt(dmy.group(3)), Integer.parseInt(dmy.group(2)),
                    Integer.parseInt(dmy.group(1)));
            if (date != null) {
                return date;
            }
        }
        Matcher ymd = YEAR_MONTH_DAY.matcher(normalizedText);
        if (ymd.find()) {
            return valid(Integer.parseInt(ymd.group(1)), Integer.parseInt(ymd.group(2)), Integer.parseInt(ymd.group(3)));
        }
        return null;
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    /** The first month name or year in the words; null when there is none. */
    Found find(List<String> words) {
        return find(words, 0);
    }

    /** The first month name or year at or after word position from; null when there is none. */
    Found find(List<String> words, int from) {
        for (int i = from; i < words.size(); i++) {
            Found found = monthAt(words, i);
            if (found == null) {
                found = yearAt(words, i);
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private Found monthAt(List<String> words, int i) {
        List<MonthName> candidates = byFirstWord.get(words.get(i));
        if (candidates == null) {
            return null;
        }
        for (MonthName name : candidates) {
            int n = name.words().size();
            if (i + n > words.size() || !words.subList(i + 1, i + n).equals(name.words().subList(1, n))) {
                continue;
            }
            int start = i;
            int end = i + n;
            Integer day = null;
            Integer year = null;
            if (start > 0) {
                Integer number = number(words.get(start - 1));
                if (number != null && number >= 1 && number <= 31) {
                    day = number;
                    start--;
                }
            }
            if (end < words.size()) {
                Integer number = number(words.get(end));
                if (number != null && number >= MIN_YEAR && number <= MAX_YEAR) {
                    year = number;
                    end++;
                }
            }
            boolean ambiguous = n == 1 && name.words().get(0).length() <= AMBIGUOUS_LENGTH;
            if (ambiguous && day == null && year == null) {
                continue;
            }
            return new Found(new DateMention(year, name.month(), day), start, end);
        }
        return null;
    }

    private static Found yearAt(List<String> words, int i) {
        Integer number = number(words.get(i));
        if (number != null && words.get(i).length() == 4 && number >= MIN_YEAR && number <= MAX_YEAR) {
            return new Found(new DateMention(number, null, null), i, i + 1);
        }
        return null;
    }

    static Integer number(String word) {
        if (word.isEmpty() || word.length() > 4) {
            return null;
        }
        for (int k = 0; k < word.length(); k++) {
            if (word.charAt(k) < '0' || word.charAt(k) > '9') {
                return null;
            }
        }
        return Integer.parseInt(word);
    }

    private static DateMention valid(int year, int month, int day) {
        if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        return new DateMention(year, month, day);
    }
}
