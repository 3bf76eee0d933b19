package org.handoverbot.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.handoverbot.text.ArabicText;

/**
 * One sentence of an article, verbatim, with its normalised words mapped back to the raw text so that any
 * span of words can be quoted exactly as the article wrote it.
 */
final class Sentence {

    private final int index;
    private final String text;
    private final List<String> words = new ArrayList<>();
    /** for each word: [start, end) of the whitespace-separated raw token it came from. */
    private final List<int[]> rawSpans = new ArrayList<>();
    /** for each word: whether it lies between « and ». */
    private final List<Boolean> quoted = new ArrayList<>();

    /** Between quote marks, relative to this sentence's text. */
    private final List<QuoteMarks.Span> spans;

    Sentence(int index, String text) {
        this(index, text, QuoteMarks.spans(text));
    }

    private Sentence(int index, String text, List<QuoteMarks.Span> spans) {
        this.index = index;
        this.text = text;
        this.spans = List.copyOf(spans);
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String raw = text.substring(start, i);
            boolean inside = false;
            for (QuoteMarks.Span sp : spans) {
                if (sp.open() < i && sp.close() > start) {
                    inside = true;
                }
            }
            for (String word : ArabicText.words(raw)) {
                words.add(word);
                rawSpans.add(new int[] {start, i});
                quoted.add(inside);
            }
        }
    }

    /** The stretches between quote marks in this sentence (quotes and names in marks alike). */
    List<QuoteMarks.Span> marked() {
        return spans;
    }

    int index() {
        return index;
    }

    String text() {
        return text;
    }

    List<String> words() {
        return words;
    }

    boolean isQuoted(int word) {
        return quoted.get(word);
    }

    /** The raw text from word {@code from} to word {@code to} (exclusive), as written. */
    String raw(int from, int to) {
        if (from >= to) {
            return "";
        }
        return text.substring(rawSpans.get(from)[0], rawSpans.get(to - 1)[1]);
    }

    /** Where in the sentence text the word's raw token starts. */
    int offset(int word) {
        return rawSpans.get(word)[0];
    }

    /** The raw token the word sits in (with any punctuation glued to it). */
    String rawToken(int word) {
        int[] span = rawSpans.get(word);
        return text.substring(span[0], span[1]);
    }

    /** The first word at or after {@code from} for which the test holds. */
    Optional<Integer> find(int from, java.util.function.Predicate<String> test) {
        for (int i = Math.max(0, from); i < words.size(); i++) {
            if (test.test(words.get(i))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Whether a word in [from, to) passes the test. */
    boolean has(int from, int to, java.util.function.Predicate<String> test) {
        for (int i = Math.max(0, from); i < Math.min(to, words.size()); i++) {
            if (test.test(words.get(i))) {
                return true;
            }
        }
        return false;
    }

    boolean has(java.util.function.Predicate<String> test) {
        return find(0, test).isPresent();
    }

    /**
     * Splits an article into sentences: at line ends and at . ! ? ؟ outside quote marks (any style, see
     * {@link QuoteMarks}); a quote never runs past its paragraph, so a stray mark cannot swallow the article.
     */
    static List<Sentence> split(String article) {
        List<Sentence> out = new ArrayList<>();
        for (String paragraph : article.split("\n")) {
            List<QuoteMarks.Span> spans = QuoteMarks.spans(paragraph);
            int start = 0;
            for (int i = 0; i < paragraph.length(); i++) {
                char c = paragraph.charAt(i);
                final int at = i;
                boolean inside = spans.stream().anyMatch(sp -> at > sp.open() && at < sp.close());
                if (!inside && (c == '.' || c == '!' || c == '?' || c == '؟')
                        && (i + 1 >= paragraph.length() || Character.isWhitespace(paragraph.charAt(i + 1)))) {
                    add(out, paragraph, start, i + 1, spans);
                    start = i + 1;
                }
            }
            add(out, paragraph, start, paragraph.length(), spans);
        }
        return out;
    }

    private static void add(List<Sentence> out, String paragraph, int start, int end, List<QuoteMarks.Span> spans) {
        String raw = paragraph.substring(start, end);
        String s = raw.strip();
        if (s.isEmpty() || s.codePoints().noneMatch(Character::isLetter)) {
            return;
        }
        int shift = start + raw.indexOf(s);
        List<QuoteMarks.Span> mine = new ArrayList<>();
        for (QuoteMarks.Span sp : spans) {
            if (sp.open() >= shift - 1 && sp.close() <= shift + s.length()) {
                mine.add(new QuoteMarks.Span(sp.open() - shift, sp.close() - shift));
            }
        }
        out.add(new Sentence(out.size(), s, mine));
    }
}
