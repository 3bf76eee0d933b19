package org.handoverbot.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.StringUtil;
import org.apache.lucene.analysis.ar.ArabicNormalizer;

/**
 * Folds the spelling noise of written Arabic (hamza forms, ة/ه, ى/ي, tatweel, diacritics, Persian letters,
 * Arabic-Indic digits) so that one word has one form, for matching names and classifying questions.
 * Stateless and thread-safe.
 */
public final class ArabicText {

    private static final ArabicNormalizer LUCENE = new ArabicNormalizer();

    private ArabicText() {
    }

    /** Normalised text: letters folded, marks removed, Latin lower-cased, digits made ASCII, spaces collapsed. */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char[] chars = foldBeforeLucene(text);
        int length = LUCENE.normalize(chars, chars.length);
        return collapseSpaces(chars, length);
    }

    /** Tokens of the normalised text; punctuation (، ؟ « » …) becomes separate tokens. */
    public static List<String> tokens(String text) {
        return List.of(SimpleTokenizer.INSTANCE.tokenize(normalize(text)));
    }

    /** Tokens of the normalised text with punctuation dropped: the words only. */
    public static List<String> words(String text) {
        return wordsOfNormalized(normalize(text));
    }

    /** {@link #words} of what {@link #normalize} gave, for a caller that needs the normalised text too. */
    public static List<String> wordsOfNormalized(String normalized) {
        // SimpleTokenizer's tokens, read in one pass (its rule: a token is a run of letters, a run of digits, or a
        // run of one repeated other character; whitespace parts them), and only the words made into strings
        // instead of every token's span and string. ArabicTextTest compares it with the tokenizer.
        List<String> words = new ArrayList<>();
        int kind = WHITESPACE;
        int start = -1;
        char previous = 0;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            int now = kindOf(c);
            if (kind == WHITESPACE) {
                if (now != WHITESPACE) {
                    start = i;
                }
            } else if (now != kind || (now == OTHER && c != previous)) {
                addWord(normalized, start, i, words);
                start = i;
            }
            kind = now;
            previous = c;
        }
        if (kind != WHITESPACE) {
            addWord(normalized, start, normalized.length(), words);
        }
        return words;
    }

    private static final int WHITESPACE = 0;
    private static final int ALPHABETIC = 1;
    private static final int NUMERIC = 2;
    private static final int OTHER = 3;

    /** SimpleTokenizer's character classes, tested in its order (the commonest characters first, by range). */
    private static int kindOf(char c) {
        if ((c >= '\u0620' && c <= '\u064a') || (c >= 'a' && c <= 'z')) {
            return ALPHABETIC; // Arabic letters (Lo, and tatweel Lm) and Latin lower case: alphabetic, no space
        }
        if (c == ' ') {
            return WHITESPACE;
        }
        if (StringUtil.isWhitespace(c)) {
            return WHITESPACE;
        }
        if (Character.isAlphabetic(c)) {
            return ALPHABETIC;
        }
        return Character.isDigit(c) ? NUMERIC : OTHER;
    }

    /** The token from start to end, when its first code point (within the token) is a letter or digit. */
    private static void addWord(String text, int start, int end, List<String> words) {
        char first = text.charAt(start);
        int codePoint = Character.isHighSurrogate(first) && start + 1 < end && Character.isLowSurrogate(text.charAt(start + 1))
                ? Character.toCodePoint(first, text.charAt(start + 1)) : first;
        if (Character.isLetterOrDigit(codePoint)) {
            words.add(text.substring(start, end));
        }
    }

    // Lucene leaves these alone (see shared reference arabic-nlp.md), so they are folded first.
    private static char[] foldBeforeLucene(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        char[] chars = lower.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = fold(chars[i]);
        }
        return chars;
    }

    private static char fold(char c) {
        if (c >= '\u0660' && c <= '\u0669') {
            return (char) ('0' + (c - '\u0660'));
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return (char) ('0' + (c - '\u06F0'));
        }
        return switch (c) {
            case 'گ' -> 'ق';       // Iraqi گال is قال ("said"), اگدر is اقدر
            case 'ک' -> 'ك';
            case 'چ' -> 'ك';       // Iraqi چم is كم, حچى is حكى
            case 'ی', 'ې' -> 'ي';
            case 'ؤ' -> 'و';
            case 'ئ' -> 'ي';
            case 'ٱ' -> 'ا';
            case 'ڤ' -> 'ف';
            case 'پ' -> 'ب';
            case '\u200c', '\u200d', '\u200e', '\u200f', '\u00a0' -> ' ';
            case '٪' -> '%';
            case '٫' -> '.';
            case '٬' -> ',';
            default -> c;
        };
    }

    /** Collapses in place (the text only shrinks), then makes the one string. */
    private static String collapseSpaces(char[] chars, int length) {
        int out = 0;
        boolean space = false;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (Character.isWhitespace(c)) {
                space = out > 0;
                continue;
            }
            if (space) {
                chars[out++] = ' ';
                space = false;
            }
            chars[out++] = c;
        }
        return new String(chars, 0, out);
    }
}
