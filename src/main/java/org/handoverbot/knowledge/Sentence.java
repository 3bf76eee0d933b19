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

    Sentence(int index, String text) {
        this.index = index;
        this.text = text;
        int depth = 0;
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
            boolean opens = raw.indexOf('«') >= 0;
            boolean inside = depth > 0 || opens;
            for (String word : ArabicText.words(raw)) {
                words.add(word);
                rawSpans.add(new int[] {start, i});
                quoted.add(inside);
            }
            depth += count(raw, '«') - count(raw, '»');
            depth = Math.max(depth, 0);
        }
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
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

    /** Splits an article into sentences: at line ends and at . ! ? ؟ outside «», never inside a quote. */
    static List<Sentence> split(String article) {
        List<Sentence> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < article.length(); i++) {
            char c = article.charAt(i);
            if (c == '«') {
                depth++;
            } else if (c == '»') {
                depth = Math.max(0, depth - 1);
            }
            boolean end = false;
            if (c == '\n' && depth == 0) {
                end = true;
            } else if (depth == 0 && (c == '.' || c == '!' || c == '?' || c == '؟')) {
                end = i + 1 >= article.length() || Character.isWhitespace(article.charAt(i + 1));
            }
            if (c == '\n' && depth > 0) {
                // A quote never runs over a blank line: a stray « must not swallow the article.
                int next = i + 1;
                while (next < article.length() && (article.charAt(next) == ' ' || article.charAt(next) == '\r')) {
                    next++;
                }
                if (next < article.length() && article.charAt(next) == '\n') {
                    depth = 0;
                    end = true;
                }
            }
            if (end) {
                add(out, article, start, c == '\n' ? i : i + 1);
                start = i + 1;
            }
        }
        add(out, article, start, article.length());
        return out;
    }

    private static void add(List<Sentence> out, String article, int start, int end) {
        String s = article.substring(start, end).strip();
        if (!s.isEmpty() && s.codePoints().anyMatch(Character::isLetter)) {
            out.add(new Sentence(out.size(), s));
        }
    }
}
