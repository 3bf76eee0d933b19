package org.handoverbot.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.handoverbot.text.ArabicText;
import org.handoverbot.text.Clitics;
import org.handoverbot.text.DataLine;
import org.handoverbot.text.WordLists;

/**
 * The role rules of models/frame-rules.txt: token patterns ("بعد BASE مباشره") and word lists, by rule name
 * ("relation.right_after", "kind.attack", "speaker.cue"), in file order. Words match with any clitic in front.
 * An alternative "@file[section]" is a word list of models/extraction/ shared with the article reader (title
 * words, verbs of saying, words that are no name), read from there rather than copied.
 * Immutable after loading; shared by every thread.
 */
public final class FrameRules {

    public static final String RESOURCE = "/models/frame-rules.txt";
    private static final Set<String> SLOTS = Set.of("BASE", "PERSON", "ORG", "DATE", "ORDINAL");

    /** One item of a pattern: a slot placeholder, or a word in any of its clitic forms. */
    record Item(String slot, Set<String> forms) {

        boolean matches(QuestionTokens.Token token) {
            return slot != null ? token.is(slot) : token.placeholder() == null && forms.contains(token.text());
        }
    }

    /** A rule's alternative: items to match in a row. */
    record Pattern(List<Item> items) {

        /** True when the pattern matches at token position i. */
        boolean matchesAt(List<QuestionTokens.Token> tokens, int i) {
            if (i + items.size() > tokens.size()) {
                return false;
            }
            for (int k = 0; k < items.size(); k++) {
                if (!items.get(k).matches(tokens.get(i + k))) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A named rule and its alternatives (rule names repeat: each line is one rule in file order). Rules built from
     * a word list have hundreds of one-word alternatives; the index keeps their words in one set (the rule's word
     * list), and the alternatives that can start at a token: those whose first word has the token's form, or, at
     * a name, date or ordinal, those that start with a slot. Those are tried in file order, with the same first
     * match as trying every alternative (a word item never matches a slot token, nor a slot item a word).
     */
    record Rule(String name, List<Pattern> patterns, OneWordIndex index, FirstItems starts) {

        Rule(String name, List<Pattern> patterns) {
            this(name, patterns, OneWordIndex.of(patterns), FirstItems.of(patterns));
        }

        /** The first position where any alternative matches, with the alternative; null when none does. */
        Match find(List<QuestionTokens.Token> tokens) {
            for (int i = 0; i < tokens.size(); i++) {
                QuestionTokens.Token token = tokens.get(i);
                List<Pattern> candidates = token.placeholder() != null ? starts.atSlot()
                        : starts.atWord().getOrDefault(token.text(), List.of());
                for (int c = 0; c < candidates.size(); c++) {
                    Pattern p = candidates.get(c);
                    if (p.matchesAt(tokens, i)) {
                        return new Match(this, p, i);
                    }
                }
            }
            return null;
        }
    }

    /** The forms of a rule's one-word alternatives, and its other alternatives in file order. */
    record OneWordIndex(Set<String> words, List<Pattern> others) {

        static OneWordIndex of(List<Pattern> patterns) {
            Set<String> words = new HashSet<>();
            List<Pattern> others = new ArrayList<>();
            for (Pattern p : patterns) {
                if (p.items().size() == 1 && p.items().get(0).slot() == null) {
                    words.addAll(p.items().get(0).forms());
                } else {
                    others.add(p);
                }
            }
            return new OneWordIndex(Set.copyOf(words), List.copyOf(others));
        }
    }

    /** A rule's alternatives by what their first item takes: by each form of a first word, and the slot-first ones. */
    record FirstItems(Map<String, List<Pattern>> atWord, List<Pattern> atSlot) {

        static FirstItems of(List<Pattern> patterns) {
            Map<String, List<Pattern>> atWord = new HashMap<>();
            List<Pattern> atSlot = new ArrayList<>();
            for (Pattern p : patterns) {
                Item first = p.items().get(0);
                if (first.slot() != null) {
                    atSlot.add(p);
                } else {
                    for (String form : first.forms()) {
                        List<Pattern> those = atWord.computeIfAbsent(form, k -> new ArrayList<>());
                        if (those.isEmpty() || those.get(those.size() - 1) != p) {
                            those.add(p);
                        }
                    }
                }
            }
            // A HashMap, not Map.copyOf: most tokens start no alternative of a rule, and a HashMap turns most such
            // look-ups away on the stored hash without comparing the words.
            Map<String, List<Pattern>> frozen = new HashMap<>();
            atWord.forEach((form, those) -> frozen.put(form, List.copyOf(those)));
            return new FirstItems(java.util.Collections.unmodifiableMap(frozen), List.copyOf(atSlot));
        }
    }

    record Match(Rule rule, Pattern pattern, int start) {

        int end() {
            return start + pattern.items().size();
        }
    }

    private final List<Rule> rules;
    private final Map<String, Set<String>> wordLists = new LinkedHashMap<>();

    FrameRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        for (Rule rule : this.rules) {
            wordLists.computeIfAbsent(rule.name(), k -> new HashSet<>()).addAll(rule.index().words());
        }
    }

    /** The rules the jar carries. */
    public static FrameRules load() {
        try (InputStream in = FrameRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("frame rules not found on the class path: " + RESOURCE);
            }
            return read(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the frame rules", e);
        }
    }

    static FrameRules read(InputStream in, String name) throws IOException {
        List<Rule> rules = new ArrayList<>();
        for (DataLine line : DataLine.read(in, name)) {
            int tab = line.text().indexOf('\t');
            if (tab < 0) {
                throw line.wrong("expected RULE<TAB>pattern");
            }
            List<Pattern> patterns = new ArrayList<>();
            for (String alternative : line.text().substring(tab + 1).split("\\|")) {
                java.util.regex.Matcher shared = SHARED_LIST.matcher(alternative.strip());
                if (shared.matches()) {
                    patterns.addAll(sharedList(shared.group(1), shared.group(2), line));
                    continue;
                }
                List<Item> items = new ArrayList<>();
                for (String part : alternative.strip().split("\\s+")) {
                    if (part.isEmpty()) {
                        continue;
                    }
                    if (SLOTS.contains(part)) {
                        items.add(new Item(part, Set.of()));
                    } else {
                        List<String> words = ArabicText.words(part);
                        if (words.size() != 1) {
                            throw line.wrong("not one word: " + part);
                        }
                        items.add(new Item(null, Set.copyOf(Clitics.forms(words.get(0)))));
                    }
                }
                if (!items.isEmpty()) {
                    patterns.add(new Pattern(List.copyOf(items)));
                }
            }
            rules.add(new Rule(line.text().substring(0, tab).strip().toLowerCase(Locale.ROOT), List.copyOf(patterns)));
        }
        return new FrameRules(rules);
    }

    /**
     * "@titles[rank]": a word list of models/extraction/ (text.WordLists) read where it lives, so the words the
     * questions and the articles share are written once: each word becomes a one-word alternative.
     */
    private static final java.util.regex.Pattern SHARED_LIST = java.util.regex.Pattern.compile("@([a-z-]+)\\[([a-z-]+)\\]");

    private static List<Pattern> sharedList(String file, String section, DataLine where) {
        List<Pattern> patterns = new ArrayList<>();
        for (String entry : WordLists.section(file, section)) {
            List<String> words = ArabicText.words(entry);
            if (words.size() != 1) {
                throw where.wrong("@" + file + "[" + section + "] has more than one word: " + entry);
            }
            patterns.add(new Pattern(List.of(new Item(null, Set.copyOf(Clitics.forms(words.get(0)))))));
        }
        return patterns;
    }

    /** The rules whose name starts with the prefix ("relation."), in file order. */
    List<Rule> startingWith(String prefix) {
        return rules.stream().filter(r -> r.name().startsWith(prefix)).toList();
    }

    /** Every one-word form of the rules of this name (with clitics); empty when there is none. */
    Set<String> words(String ruleName) {
        return wordLists.getOrDefault(ruleName, Set.of());
    }
}
