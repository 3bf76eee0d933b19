package org.handoverbot.nlp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.handoverbot.text.ArabicText;

/**
 * Reads a question once: normalised words (OpenNLP's tokenizer inside {@link ArabicText}), the entities they name,
 * and the words the intent classifier sees, where each name, month, year and ordinal is replaced by a placeholder
 * (BASE, PERSON, ORG, PROVINCE, DATE, YEAR, ORDINAL, NUM). Placeholders let "متى سلموا بسماية؟" be classified like
 * the "متى سلموا القائم؟" the model was trained on. Training and answering both read questions here, so the
 * model always sees the same kind of tokens. Immutable; shared by every thread.
 */
public final class QuestionTokens {

    /** Longer messages are cut: no question is this long, and the cut keeps hostile input cheap. */
    static final int MAX_CHARS = 1_000;
    /** The classifier reads at most this many words. */
    static final int MAX_WORDS = 60;

    private final Gazetteer gazetteer;
    private final DateFinder dates = new DateFinder();
    private final OrdinalFinder ordinals = new OrdinalFinder();

    /** What one question says, read. */
    public record Read(List<String> words, Entities entities, String[] classifierTokens) {
    }

    public QuestionTokens(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public Read read(String text) {
        String input = text == null ? "" : text;
        if (input.length() > MAX_CHARS) {
            input = input.substring(0, MAX_CHARS);
        }
        List<String> words = ArabicText.words(input);
        String[] placeholders = new String[words.size()];
        boolean[] taken = new boolean[words.size()];

        Set<String> bases = new LinkedHashSet<>();
        Set<String> people = new LinkedHashSet<>();
        Set<String> organisations = new LinkedHashSet<>();
        for (Mention mention : gazetteer.findInWords(words)) {
            String placeholder = switch (mention.entry().kind()) {
                case BASE -> {
                    bases.add(mention.entry().id());
                    yield "BASE";
                }
                case PERSON -> {
                    people.add(mention.entry().id());
                    yield "PERSON";
                }
                case ORGANISATION -> {
                    organisations.add(mention.entry().id());
                    yield "ORG";
                }
                case PROVINCE -> "PROVINCE";
            };
            mark(placeholders, taken, mention.start(), mention.end(), placeholder);
        }

        DateMention date = dates.numericDate(ArabicText.normalize(input));
        DateFinder.Found found = dates.find(words);
        if (found != null && !anyTaken(taken, found.start(), found.end())) {
            mark(placeholders, taken, found.start(), found.end(), found.date().month() == null ? "YEAR" : "DATE");
            if (date == null) {
                date = found.date();
            }
        }

        OrdinalFinder.Found ordinal = ordinals.find(words, taken);
        if (ordinal != null) {
            placeholders[ordinal.position()] = "ORDINAL";
            taken[ordinal.position()] = true;
        }

        Entities entities = new Entities(List.copyOf(bases), List.copyOf(people), List.copyOf(organisations), date,
                ordinal == null ? null : ordinal.ordinal());
        return new Read(words, entities, classifierTokens(words, placeholders, taken));
    }

    /** True for the placeholder tokens: upper-case Latin never survives normalisation, which lower-cases. */
    public static boolean isPlaceholder(String token) {
        if (token.isEmpty()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    private static void mark(String[] placeholders, boolean[] taken, int start, int end, String placeholder) {
        for (int i = start; i < end; i++) {
            taken[i] = true;
        }
        placeholders[start] = placeholder;
    }

    private static boolean anyTaken(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            if (taken[i]) {
                return true;
            }
        }
        return false;
    }

    private static String[] classifierTokens(List<String> words, String[] placeholders, boolean[] taken) {
        List<String> tokens = new ArrayList<>(Math.min(words.size(), MAX_WORDS));
        for (int i = 0; i < words.size() && tokens.size() < MAX_WORDS; i++) {
            if (placeholders[i] != null) {
                tokens.add(placeholders[i]);
            } else if (!taken[i]) {
                String word = words.get(i);
                tokens.add(Character.isDigit(word.charAt(0)) ? "NUM" : word);
            }
        }
        return tokens.toArray(String[]::new);
    }
}
