package org.handoverbot.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * Cuts text into pieces that each measure at most a limit, preferring to cut between paragraphs, then after a
 * sentence, then between words, and only as a last resort inside a word (never inside a surrogate pair).
 * The pieces joined give back the text exactly, so nothing is lost or reworded by a split.
 */
final class TextPieces {

    // Each level cuts after its delimiter, so the delimiter stays with the piece before it.
    private static final List<Pattern> LEVELS = List.of(
            Pattern.compile("(?<=\\n)"),
            Pattern.compile("(?<=[.!?؟؛…»])(?=\\s)|(?<=[.!?؟؛…]\\s)"),
            Pattern.compile("(?<=\\s)(?=\\S)"));

    private TextPieces() {
    }

    /** Pieces of text whose measure (e.g. escaped length) is at most max each. */
    static List<String> split(String text, int max, ToIntFunction<String> measure) {
        if (max < 2) {
            throw new IllegalArgumentException("limit too small: " + max);
        }
        List<String> out = new ArrayList<>();
        split(text, max, measure, 0, out);
        return out;
    }

    private static void split(String text, int max, ToIntFunction<String> measure, int level, List<String> out) {
        if (measure.applyAsInt(text) <= max) {
            if (!text.isEmpty()) {
                out.add(text);
            }
            return;
        }
        if (level == LEVELS.size()) {
            byCodePoints(text, max, measure, out);
            return;
        }
        StringBuilder current = new StringBuilder();
        for (String part : LEVELS.get(level).split(text)) {
            if (measure.applyAsInt(current + part) <= max) {
                current.append(part);
                continue;
            }
            if (current.length() > 0) {
                out.add(current.toString());
                current.setLength(0);
            }
            if (measure.applyAsInt(part) <= max) {
                current.append(part);
            } else {
                split(part, max, measure, level + 1, out);
            }
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
    }

    private static void byCodePoints(String text, int max, ToIntFunction<String> measure, List<String> out) {
        StringBuilder current = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (current.length() > 0 && measure.applyAsInt(current + ch) > max) {
                out.add(current.toString());
                current.setLength(0);
            }
            current.append(ch);
        });
        if (current.length() > 0) {
            out.add(current.toString());
        }
    }
}
