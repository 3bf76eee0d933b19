package org.handoverbot.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import opennlp.tools.tokenize.SimpleTokenizer;
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
        List<String> words = new ArrayList<>();
        for (String token : SimpleTokenizer.INSTANCE.tokenize(normalized)) {
            if (Character.isLetterOrDigit(token.codePointAt(0))) {
                words.add(token);
            }
        }
        return words;
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
