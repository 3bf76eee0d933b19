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

    /**
     * What one question says, read: its words, entities, the classifier's tokens, and the slot tokens the frame
     * rules read (each name, date or ordinal one token with its placeholder; other words as they are).
     */
    public record Read(List<String> words, Entities entities, String[] classifierTokens, List<Token> tokens) {

        public Read(List<String> words, Entities entities, String[] classifierTokens) {
            this(words, entities, classifierTokens, List.of());
        }
    }

    /**
     * One token for the frame rules: a word (placeholder null), or a name (placeholder BASE/PERSON/ORG/PROVINCE,
     * id its gazetteer id), a date (DATE or YEAR, with date) or an ordinal (ORDINAL); start/end are word positions.
     */
    public record Token(String text, String placeholder, String id, DateMention date, int start, int end) {

        public boolean is(String kind) {
            return kind.equals(placeholder) || ("DATE".equals(kind) && "YEAR".equals(placeholder));
        }
    }

    public QuestionTokens(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public Read read(String text) {
        String input = text == null ? "" : text;
        if (input.length() > MAX_CHARS) {
            input = input.substring(0, MAX_CHARS);
        }
        String normalized = ArabicText.normalize(input);
        List<String> words = ArabicText.wordsOfNormalized(normalized);
        String[] placeholders = new String[words.size()];
        boolean[] taken = new boolean[words.size()];

        String[] ids = new String[words.size()];
        DateMention[] dateAt = new DateMention[words.size()];
        int[] ends = new int[words.size()];
        // made when a name of that kind is found: most questions name one base and no one
        Set<String> bases = null;
        Set<String> people = null;
        Set<String> organisations = null;
        for (Mention mention : gazetteer.findInWords(words)) {
            String placeholder = switch (mention.entry().kind()) {
                case BASE -> {
                    bases = added(bases, mention.entry().id());
                    yield "BASE";
                }
                case PERSON -> {
                    people = added(people, mention.entry().id());
                    yield "PERSON";
                }
                case ORGANISATION -> {
                    organisations = added(organisations, mention.entry().id());
                    yield "ORG";
                }
                case PROVINCE -> "PROVINCE";
            };
            mark(placeholders, taken, mention.start(), mention.end(), placeholder);
            ids[mention.start()] = mention.entry().id();
            ends[mention.start()] = mention.end();
        }

        DateMention date = dates.numericDate(normalized);
        int from = 0;
        boolean first = true;
        for (DateFinder.Found found = dates.find(words, from); found != null; found = dates.find(words, from)) {
            from = found.end();
            if (anyTaken(taken, found.start(), found.end())) {
                continue;
            }
            mark(placeholders, taken, found.start(), found.end(), found.date().month() == null ? "YEAR" : "DATE");
            dateAt[found.start()] = found.date();
            ends[found.start()] = found.end();
            if (date == null && first) {
                date = found.date();
            }
            first = false;
        }

        OrdinalFinder.Found ordinal = ordinals.find(words, taken);
        if (ordinal != null) {
            placeholders[ordinal.position()] = "ORDINAL";
            taken[ordinal.position()] = true;
        }

        Entities entities = new Entities(listOf(bases), listOf(people), listOf(organisations), date,
                ordinal == null ? null : ordinal.ordinal());
        return new Read(words, entities, classifierTokens(words, placeholders, taken),
                slotTokens(words, placeholders, taken, ids, dateAt, ends));
    }

    private static List<Token> slotTokens(List<String> words, String[] placeholders, boolean[] taken, String[] ids,
                                          DateMention[] dateAt, int[] ends) {
        List<Token> tokens = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            if (placeholders[i] != null) {
                int end = Math.max(ends[i], i + 1);
                // one word is its own text (String.join would copy it)
                String text = end == i + 1 ? words.get(i) : String.join(" ", words.subList(i, end));
                tokens.add(new Token(text, placeholders[i], ids[i], dateAt[i], i, end));
            } else if (!taken[i]) {
                tokens.add(new Token(words.get(i), null, null, null, i, i + 1));
            }
        }
        return tokens;
    }

    private static Set<String> added(Set<String> ids, String id) {
        Set<String> to = ids == null ? new LinkedHashSet<>() : ids;
        to.add(id);
        return to;
    }

    private static List<String> listOf(Set<String> ids) {
        return ids == null ? List.of() : List.copyOf(ids);
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
