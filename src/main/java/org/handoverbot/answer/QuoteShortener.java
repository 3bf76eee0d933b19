package org.handoverbot.answer;

/**
 * Shortens a quotation without rewording it: a verbatim prefix ending at a sentence boundary (or, failing that,
 * a clause boundary, then a word boundary), followed by an honest mark that words were left out.
 */
public final class QuoteShortener {

    public static final String OMISSION = " (…)";

    private static final String SENTENCE_ENDS = ".!?؟؛";
    private static final String CLAUSE_ENDS = "،,:";

    private QuoteShortener() {
    }

    /** The text itself when it fits max characters, else a verbatim prefix plus {@link #OMISSION}. */
    public static String shorten(String text, int max) {
        String quote = text.strip();
        if (quote.length() <= max) {
            return quote;
        }
        int room = max - OMISSION.length();
        // A whole sentence is worth more than a longer fragment, so it wins from a fifth of the room on.
        int cut = lastBoundary(quote, room, SENTENCE_ENDS, true);
        if (cut < room / 5) {
            cut = lastBoundary(quote, room, CLAUSE_ENDS, false);
            if (cut < room / 3) {
                cut = quote.lastIndexOf(' ', room);
            }
        }
        if (cut <= 0) {
            cut = room;
            if (Character.isHighSurrogate(quote.charAt(cut - 1))) {
                cut--;
            }
        }
        return quote.substring(0, cut).strip() + OMISSION;
    }

    /** End index (exclusive) just after the last boundary character within room; keeps sentence marks. */
    private static int lastBoundary(String text, int room, String marks, boolean keepMark) {
        for (int i = Math.min(room, text.length()) - 1; i > 0; i--) {
            if (marks.indexOf(text.charAt(i)) >= 0) {
                return keepMark ? i + 1 : i;
            }
        }
        return -1;
    }
}
