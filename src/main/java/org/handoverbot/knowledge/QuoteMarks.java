package org.handoverbot.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the stretches of a paragraph between quote marks, in every style Arabic newsrooms use: «…», “…”,
 * ”…“, ”…”, "…", and marks that do not balance. Curly marks are paired in order whatever their direction
 * (newsrooms type ” and “ either way round); an opening mark never closed runs to the end of the paragraph;
 * a closing mark never opened closes words that began after the last colon or "أن/إن" before it. Marks inside
 * «…» are the quote's own (a name quoted inside a quote). Whether a stretch is a quote or a name in marks is
 * decided by {@link QuoteVoices}.
 */
final class QuoteMarks {

    /** [open, close): open is the mark's index (or where unmarked words begin, minus one), close the closing mark's. */
    record Span(int open, int close) {
        boolean contains(int offset) {
            return offset > open && offset < close;
        }
    }

    private static final String CURLY = "“”„‟";

    private QuoteMarks() {
    }

    static List<Span> spans(String paragraph) {
        List<Span> spans = new ArrayList<>(guillemets(paragraph));
        spans.addAll(paired(paragraph, spans, c -> CURLY.indexOf(c) >= 0));
        spans.addAll(paired(paragraph, spans, c -> c == '"'));
        spans.addAll(singles(paragraph, spans));
        spans.sort(Comparator.comparingInt(Span::open));
        return spans;
    }

    private static List<Span> guillemets(String p) {
        List<Span> out = new ArrayList<>();
        int depth = 0;
        int open = -1;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '«') {
                if (depth == 0) {
                    open = i;
                }
                depth++;
            } else if (c == '»') {
                if (depth == 1) {
                    out.add(new Span(open, i));
                } else if (depth == 0) {
                    out.add(new Span(orphanStart(p, i, out), i));
                }
                depth = Math.max(0, depth - 1);
            }
        }
        if (depth > 0) {
            out.add(new Span(open, end(p)));
        }
        return out;
    }

    private static List<Span> paired(String p, List<Span> taken, java.util.function.IntPredicate mark) {
        List<Integer> marks = new ArrayList<>();
        for (int i = 0; i < p.length(); i++) {
            final int at = i;
            if (mark.test(p.charAt(i)) && taken.stream().noneMatch(s -> s.open() <= at && at <= s.close())) {
                marks.add(i);
            }
        }
        List<Span> out = new ArrayList<>();
        int from = 0;
        if (marks.size() % 2 == 1) {
            // one mark is alone: a closing one glued to the word before it, at the start; else the last opens
            int first = marks.get(0);
            boolean closes = first > 0 && !Character.isWhitespace(p.charAt(first - 1))
                    && Character.isLetter(p.charAt(first - 1)) && !startsWord(p, first);
            if (closes) {
                out.add(new Span(orphanStart(p, first, out), first));
                from = 1;
            } else {
                out.add(new Span(marks.get(marks.size() - 1), end(p)));
                marks = marks.subList(0, marks.size() - 1);
            }
        }
        for (int k = from; k + 1 < marks.size(); k += 2) {
            out.add(new Span(marks.get(k), marks.get(k + 1)));
        }
        return out;
    }

    private static final String SINGLE = "'‘’";

    /**
     * Single marks ('…', ‘…’), as some Egyptian and Maghrebi desks write quotes. Only whole pairs count: one that
     * opens a word after a space or a colon, closed by one glued to the end of a later word; a lone mark is an
     * apostrophe in a foreign name, never a quote.
     */
    private static List<Span> singles(String p, List<Span> taken) {
        List<Span> out = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < p.length(); i++) {
            final int at = i;
            if (SINGLE.indexOf(p.charAt(i)) < 0 || taken.stream().anyMatch(s -> s.open() <= at && at <= s.close())) {
                continue;
            }
            boolean opens = (i == 0 || Character.isWhitespace(p.charAt(i - 1)) || p.charAt(i - 1) == ':')
                    && startsWord(p, i);
            boolean closes = i > 0 && !Character.isWhitespace(p.charAt(i - 1))
                    && (i + 1 == p.length() || !Character.isLetter(p.charAt(i + 1)));
            if (open < 0 && opens) {
                open = i;
            } else if (open >= 0 && closes) {
                out.add(new Span(open, i));
                open = -1;
            }
        }
        return out;
    }

    /** Whether a letter follows the mark directly (it opens a word: "لـ”وكالة"). */
    private static boolean startsWord(String p, int i) {
        return i + 1 < p.length() && Character.isLetter(p.charAt(i + 1));
    }

    /** "أن/إن/بأنه" between spaces: compiled once, not per unbalanced mark. */
    private static final java.util.regex.Pattern THAT_WORD = java.util.regex.Pattern.compile("(^|\\s)(ب?[أإا]ن(ه|ها)?)\\s");

    /** Where words closed by a mark never opened began: after the last colon, else after أن/إن, before it. */
    private static int orphanStart(String p, int close, List<Span> before) {
        int floor = before.isEmpty() ? -1 : before.get(before.size() - 1).close();
        int colon = p.lastIndexOf(':', close);
        if (colon > floor) {
            return colon;
        }
        java.util.regex.Matcher m = THAT_WORD.matcher(p);
        int start = floor;
        while (m.find() && m.end() <= close) {
            if (m.end() - 1 > floor) {
                start = m.end() - 1;
                break;
            }
        }
        return start;
    }

    /** The paragraph's end, before trailing spaces: an unclosed quote runs to here. */
    private static int end(String p) {
        int e = p.length();
        while (e > 0 && Character.isWhitespace(p.charAt(e - 1))) {
            e--;
        }
        return e;
    }
}
