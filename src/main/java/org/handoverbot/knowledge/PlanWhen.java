package org.handoverbot.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * The time a planned step is set for when its report names no day ("الأسبوع المقبل", "خلال أيلول المقبل", "خلال
 * الأيام القليلة المقبلة", "قريباً"), found in the words of the plan as stored (the event's summary, the article's
 * own words) and given back as written: answers show it beside the report's date rather than turn it into a day.
 * The words are models/extraction/days.txt ([next], [next-plural], [ahead-head], [time-noun], [soon]; month names from the JDK as in ArticleDates).
 */
public final class PlanWhen {

    private static final String DAYS = "days";
    private static final Lexicon AHEAD_END = Lexicon.data(DAYS, "next", "next-plural");
    private static final Lexicon AHEAD_HEAD = Lexicon.data(DAYS, "ahead-head");
    private static final Lexicon SOON = Lexicon.data(DAYS, "soon");
    private static final Lexicon TIME_NOUN = Lexicon.data(DAYS, "time-noun");
    /** How far before its last word such a time may start ("خلال الأيام القليلة المقبلة"). */
    private static final int LONGEST = 4;

    private PlanWhen() {
    }

    /** The first time still to come that the words name without a day, as written; empty when they name none. */
    public static Optional<String> in(String words) {
        if (words == null || words.isBlank()) {
            return Optional.empty();
        }
        for (Sentence s : Sentence.split(words)) {
            List<String> w = s.words();
            for (int k = 0; k < w.size(); k++) {
                if (SOON.test(w.get(k))) {
                    return Optional.of(ArticleSpeakers.clean(s.raw(k, k + 1)));
                }
                if (k == 0 || !AHEAD_END.isBare(w.get(k)) || ArticleSpeakers.endsClause(s.rawToken(k - 1))) {
                    continue;
                }
                int start = k - 1;
                boolean time = false;
                for (int j = k - 1; j >= Math.max(0, k - LONGEST) && !ArticleSpeakers.endsClause(s.rawToken(j)); j--) {
                    time |= TIME_NOUN.test(w.get(j)) || ArticleDates.monthAt(w, j) != null;
                    if (AHEAD_HEAD.test(w.get(j))) {
                        start = j;
                    }
                }
                // "الخطوة المقبلة" is the next step, not a time
                if (time) {
                    return Optional.of(ArticleSpeakers.clean(s.raw(start, k + 1)));
                }
            }
        }
        return Optional.empty();
    }
}
