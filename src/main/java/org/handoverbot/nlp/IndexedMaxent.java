package org.handoverbot.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * The intent model evaluated without making its feature strings. OpenNLP's {@link GISModel#eval(String[])} wants
 * every feature as a fresh string ("w=متى", "c=^مت", ~100 a question) and hashes each into its predicate map:
 * that was most of classifying. Here the predicate table is indexed once per model by what
 * {@link WordNGramFeatures} and {@link CharNGramFeatures} would write: word features by the token itself (the
 * bigram by its two tokens), a character n-gram by its chars packed into a long. A question's tokens then find
 * the same predicates with no string made, in the order the generators list them, and the sums, exponentials and
 * division are GISModel's, in its order, so the probabilities are the same doubles (IntentModelTest compares
 * them with OpenNLP's categoriser on every training and held-out question).
 * Only for the model this project trains: a GIS model with the word generator then the character generator.
 */
final class IndexedMaxent {

    private static final String FIRST = "first=";
    private static final String LAST = "last=";
    private static final String WORD = "w=";
    private static final String BIGRAM = "b=";
    private static final String BIGRAM_JOIN = "_";
    private static final String EMPTY = "empty";
    private static final String CHARS = "c=";
    private static final int MIN_GRAM = 2;
    private static final int MAX_GRAM = 4;

    /** What the word generator can ask about one token: predicates by number, -1 for none. */
    private static final class Word {
        int first = -1;
        int last = -1;
        int word = -1;
        /** The bigram's predicate by the token that follows this one. */
        Map<String, Integer> next;
        /** The predicates of the token's character n-grams, in the generator's order (those the model has). */
        int[] grams;
    }

    // Every predicate's parameters in one flat array, a predicate being where its entry starts: at p its count n,
    // then n pairs of outcome (a small whole number, exact as a double) and parameter, in its context's order. A
    // feature's sum reads one place of one array instead of a context object and its two arrays.
    private final double[] table;
    private final Map<String, Word> words;
    private final int empty;
    /** By n-gram length minus {@link #MIN_GRAM}. */
    private final PackedGrams[] grams = new PackedGrams[MAX_GRAM - MIN_GRAM + 1];
    private final int outcomes;
    /** UniformPrior's log prior, computed as it computes it. */
    private final double logPrior;

    private IndexedMaxent(Map<String, Context> predicates, int outcomes) {
        this.outcomes = outcomes;
        this.logPrior = StrictMath.log(1.0 / outcomes);
        Map<Context, Integer> numbers = new java.util.IdentityHashMap<>();
        List<Context> contexts = new ArrayList<>();
        int size = 0;
        for (Context context : predicates.values()) {
            if (!numbers.containsKey(context)) {
                numbers.put(context, size);
                contexts.add(context);
                size += 1 + 2 * context.getOutcomes().length;
            }
        }
        this.table = new double[size];
        for (Context context : contexts) {
            int at = numbers.get(context);
            int[] outcomesOf = context.getOutcomes();
            double[] parametersOf = context.getParameters();
            table[at] = outcomesOf.length;
            for (int j = 0; j < outcomesOf.length; j++) {
                table[at + 1 + 2 * j] = outcomesOf[j];
                table[at + 2 + 2 * j] = parametersOf[j];
            }
        }
        Map<String, Word> byToken = new HashMap<>();
        Map<Integer, Map<Long, Integer>> packed = new HashMap<>();
        int emptyContext = -1;
        for (Map.Entry<String, Context> predicate : predicates.entrySet()) {
            String name = predicate.getKey();
            int context = numbers.get(predicate.getValue());
            if (name.equals(EMPTY)) {
                emptyContext = context;
            } else if (name.startsWith(FIRST)) {
                word(byToken, name.substring(FIRST.length())).first = context;
            } else if (name.startsWith(LAST)) {
                word(byToken, name.substring(LAST.length())).last = context;
            } else if (name.startsWith(WORD)) {
                word(byToken, name.substring(WORD.length())).word = context;
            } else if (name.startsWith(BIGRAM)) {
                // "b=" + a + "_" + b: a token holding "_" makes the split ambiguous, so every split is indexed;
                // a pair of tokens finds the context exactly when its joined string is this name.
                String pair = name.substring(BIGRAM.length());
                for (int at = pair.indexOf(BIGRAM_JOIN); at >= 0; at = pair.indexOf(BIGRAM_JOIN, at + 1)) {
                    Word left = word(byToken, pair.substring(0, at));
                    if (left.next == null) {
                        left.next = new HashMap<>();
                    }
                    left.next.put(pair.substring(at + BIGRAM_JOIN.length()), context);
                }
            } else if (name.startsWith(CHARS)) {
                int n = name.length() - CHARS.length();
                if (n >= MIN_GRAM && n <= MAX_GRAM) {
                    packed.computeIfAbsent(n, k -> new HashMap<>()).put(pack(name, CHARS.length(), n), context);
                }
            }
            // any other name is none the generators write: never looked up, so never found
        }
        this.words = byToken;
        this.empty = emptyContext;
        for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
            grams[n - MIN_GRAM] = new PackedGrams(packed.getOrDefault(n, Map.of()));
        }
        // The model's own words (those of its word predicates) have their n-grams' predicates listed once here:
        // a question's known word then adds them without packing and probing.
        for (Map.Entry<String, Word> word : byToken.entrySet()) {
            word.getValue().grams = gramsOf(word.getKey());
        }
    }

    private int[] gramsOf(String token) {
        int[] found = new int[3 * (token.length() + 2)];
        int count = 0;
        int marked = token.length() + 2;
        for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
            for (int start = 0; start + n <= marked; start++) {
                int predicate = grams[n - MIN_GRAM].get(packAt(token, start, n));
                if (predicate >= 0) {
                    found[count++] = predicate;
                }
            }
        }
        return java.util.Arrays.copyOf(found, count);
    }

    private static Word word(Map<String, Word> words, String token) {
        return words.computeIfAbsent(token, t -> new Word());
    }

    /**
     * The index of the model's maxent part, when the model is what this project trains (a {@link GISModel}, the
     * word generator then the character generator); else empty and the classifier asks OpenNLP with strings.
     */
    static Optional<IndexedMaxent> of(DoccatModel model) {
        FeatureGenerator[] generators = model.getFactory().getFeatureGenerators();
        if (generators.length != 2 || generators[0].getClass() != WordNGramFeatures.class
                || generators[1].getClass() != CharNGramFeatures.class
                || model.getMaxentModel().getClass() != GISModel.class) {
            return Optional.empty();
        }
        AbstractModel maxent = (AbstractModel) model.getMaxentModel();
        @SuppressWarnings("unchecked")
        Map<String, Context> predicates = (Map<String, Context>) maxent.getDataStructures()[1];
        return Optional.of(new IndexedMaxent(predicates, maxent.getNumOutcomes()));
    }

    /** The probability of each outcome for the tokens: {@code GISModel.eval} of the generators' features. */
    double[] eval(String[] tokens) {
        double[] sums = new double[outcomes];
        // UniformPrior.logPrior
        for (int o = 0; o < outcomes; o++) {
            sums[o] = logPrior;
        }
        // ArrayMath.sumFeatures over the features in WordNGramFeatures' then CharNGramFeatures' order (a
        // feature the model lacks adds nothing there either); its value is 1, and x * 1.0 is x
        if (tokens.length == 0) {
            add(sums, empty);
        } else {
            Word[] known = new Word[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                known[i] = words.get(tokens[i]);
            }
            addWords(sums, tokens, known);
            for (int i = 0; i < tokens.length; i++) {
                if (QuestionTokens.isPlaceholder(tokens[i])) {
                    continue;
                }
                if (known[i] != null) {
                    for (int predicate : known[i].grams) {
                        add(sums, predicate);
                    }
                } else {
                    addGrams(sums, tokens[i]);
                }
            }
        }
        // GISModel.eval: exponentials, then each divided by their sum
        double normal = 0.0;
        for (int o = 0; o < outcomes; o++) {
            sums[o] = StrictMath.exp(sums[o]);
            normal += sums[o];
        }
        for (int o = 0; o < outcomes; o++) {
            sums[o] /= normal;
        }
        return sums;
    }

    /** first=, last=, then w= and b= of each token in turn: {@link WordNGramFeatures}' order. */
    private void addWords(double[] sums, String[] tokens, Word[] known) {
        Word first = known[0];
        add(sums, first == null ? -1 : first.first);
        Word last = known[tokens.length - 1];
        add(sums, last == null ? -1 : last.last);
        for (int i = 0; i < tokens.length; i++) {
            Word word = known[i];
            if (word == null) {
                continue;
            }
            add(sums, word.word);
            if (i + 1 < tokens.length && word.next != null) {
                add(sums, word.next.getOrDefault(tokens[i + 1], -1));
            }
        }
    }

    /** The 2- to 4-grams of "^" + token + "$", shortest first, left to right: {@link CharNGramFeatures}' order. */
    private void addGrams(double[] sums, String token) {
        int marked = token.length() + 2;
        for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
            PackedGrams table = grams[n - MIN_GRAM];
            for (int start = 0; start + n <= marked; start++) {
                add(sums, table.get(packAt(token, start, n)));
            }
        }
    }

    /** The n chars of "^" + token + "$" from start, packed. */
    private static long packAt(String token, int start, int n) {
        long key = 0;
        for (int k = start; k < start + n; k++) {
            key = (key << Character.SIZE) | markedChar(token, k);
        }
        return key;
    }

    private static char markedChar(String token, int at) {
        return at == 0 ? '^' : at == token.length() + 1 ? '$' : token.charAt(at - 1);
    }

    private static long pack(String text, int from, int n) {
        long key = 0;
        for (int k = from; k < from + n; k++) {
            key = (key << Character.SIZE) | text.charAt(k);
        }
        return key;
    }

    /** ArrayMath.sumFeatures for one feature's predicate (-1: the model has none, nothing is added). */
    private void add(double[] sums, int predicate) {
        if (predicate < 0) {
            return;
        }
        int end = predicate + 1 + 2 * (int) table[predicate];
        for (int j = predicate + 1; j < end; j += 2) {
            sums[(int) table[j]] += table[j + 1];
        }
    }

    /**
     * Predicates by packed n-gram (all of one length, so packing is one-to-one): open addressing over a long
     * array, no boxing on look-up; -1 for none.
     */
    private static final class PackedGrams {
        private final long[] keys;
        private final int[] values;
        private final int mask;
        private int atZero = -1;

        PackedGrams(Map<Long, Integer> grams) {
            int capacity = Integer.highestOneBit(Math.max(4, grams.size() * 2 - 1)) << 1;
            keys = new long[capacity];
            values = new int[capacity];
            java.util.Arrays.fill(values, -1);
            mask = capacity - 1;
            for (Map.Entry<Long, Integer> gram : grams.entrySet()) {
                long key = gram.getKey();
                if (key == 0) {
                    atZero = gram.getValue();
                    continue;
                }
                int slot = slot(key);
                while (values[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                values[slot] = gram.getValue();
            }
        }

        int get(long key) {
            if (key == 0) {
                return atZero;
            }
            for (int slot = slot(key); values[slot] >= 0; slot = (slot + 1) & mask) {
                if (keys[slot] == key) {
                    return values[slot];
                }
            }
            return -1;
        }

        private int slot(long key) {
            long mixed = key * 0x9E3779B97F4A7C15L;
            return (int) (mixed ^ (mixed >>> 32)) & mask;
        }
    }
}
