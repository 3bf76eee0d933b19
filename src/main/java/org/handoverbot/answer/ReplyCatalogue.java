package org.handoverbot.answer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;

/**
 * Everything the bot says, by key: sentence frames with named slots, in one resource file per language
 * ({@code replies/ar.properties}), loaded once. Patterns are ICU MessageFormat, so number agreement is
 * CLDR's plural categories ({@code {count, plural, zero{…} one{…} two{…} few{…} many{…} other{…}}}) rather
 * than hand-written rules. Code picks a key and fills its slots; which blocks to show, and the rules of
 * faithfulness, stay in code.
 *
 * <p>A pattern may mark words to stand out with {@code <b>…</b>} ("سُلّمت <b>{base}</b> يوم …"); {@link #paragraph}
 * and {@link #spans} turn the marks into bold spans, {@link #format} drops them. Slot values are never read as
 * marks, so a user's "<b>" stays text.
 *
 * <p>Fails fast: an unknown key or a missing slot is a programming error, not something to say to a user. A slot
 * the pattern does not name is ignored, since another language may not need a distinction Arabic makes (the
 * case of a dual); CatalogueSourcesTest checks every call's slots against the Arabic patterns instead.
 */
public final class ReplyCatalogue {

    /** Arabic with Latin digits, as the bot has always written dates and figures ("2020", not "٢٠٢٠"). */
    public static final ULocale ARABIC = new ULocale("ar@numbers=latn");

    private static final String RESOURCE = "/replies/ar.properties";

    private static final class Holder {
        static final ReplyCatalogue ARABIC_CATALOGUE = load(RESOURCE, ARABIC);
    }

    // Private-use characters stand in for slot values while the marks are read, so a value is never markup.
    private static final char SLOT_START = '\uE000';
    private static final char SLOT_END = '\uE001';
    private static final String BOLD_ON = "<b>";
    private static final String BOLD_OFF = "</b>";

    private final ULocale locale;
    private final Map<String, String> patterns;
    // Everything read from one key's pattern, found with one look-up per reply sentence. Patterns with only text
    // slots ({base}) and no quoting are read once into pieces (Plain): most of the catalogue, and the bulk of
    // every reply; they skip ICU's formatter, which costs microseconds a call. Patterns of text slots and selects
    // only ({date, select, none{} other{ يوم {date}}}) are read once into a tree (Selects): the sentence frames of
    // answers, rendered by walking the tree into the same text ICU would give (ReplyCatalogueTest compares them on
    // every such key and every branch).
    private final Map<String, Entry> entries;
    private final ListFormatter andList;
    private final ListFormatter orList;
    private final RuleBasedNumberFormat spellout;
    // The locale's cardinal plural rules, as ICU's plural argument reads them (for the Selects shortcut).
    private final PluralRules pluralRules;

    private ReplyCatalogue(ULocale locale, Map<String, String> patterns) {
        this.locale = locale;
        this.patterns = Collections.unmodifiableMap(patterns);
        Map<String, MessageFormat> compiled = new LinkedHashMap<>();
        patterns.forEach((key, pattern) -> {
            try {
                compiled.put(key, new MessageFormat(pattern, locale));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("reply " + key + " has a bad pattern: " + e.getMessage(), e);
            }
        });
        Map<String, Entry> entries = new LinkedHashMap<>();
        patterns.forEach((key, pattern) -> {
            Plain plain = Plain.of(pattern).orElse(null);
            Set<String> slots = slotNames(pattern);
            Set<String> choices = choiceSlots(pattern, slots);
            Selects selects = plain == null ? Selects.of(pattern, choices).orElse(null) : null;
            String text = plain != null && slots.isEmpty() ? joined(plain.spans(Map.of())) : null;
            // Interned: the keys code asks for are literals, so a look-up finds its key by identity.
            entries.put(key.intern(), new Entry(compiled.get(key), slots, choices, plain, selects, text));
        });
        this.entries = Collections.unmodifiableMap(entries);
        this.andList = ListFormatter.getInstance(locale, ListFormatter.Type.AND, ListFormatter.Width.WIDE);
        this.orList = ListFormatter.getInstance(locale, ListFormatter.Type.OR, ListFormatter.Width.WIDE);
        this.spellout = new RuleBasedNumberFormat(locale, RuleBasedNumberFormat.SPELLOUT);
        this.pluralRules = PluralRules.forLocale(locale, PluralRules.PluralType.CARDINAL);
    }

    /** The Arabic catalogue, read once per JVM. */
    public static ReplyCatalogue arabic() {
        return Holder.ARABIC_CATALOGUE;
    }

    /** A catalogue from a UTF-8 properties resource (tests, a second language later). */
    public static ReplyCatalogue load(String resource, ULocale locale) {
        try (InputStream in = ReplyCatalogue.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("reply catalogue " + resource + " is not on the classpath");
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            Map<String, String> patterns = new LinkedHashMap<>();
            new TreeSet<>(properties.stringPropertyNames()).forEach(k -> patterns.put(k, properties.getProperty(k)));
            return new ReplyCatalogue(locale, patterns);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reply catalogue " + resource, e);
        }
    }

    /** A text with no slots. */
    public String text(String key) {
        Entry entry = entries.get(key);
        return entry != null && entry.text() != null ? entry.text() : format(key, Map.of());
    }

    /** A text with its slots given as name, value, name, value… */
    public String format(String key, Object... namesAndValues) {
        return format(key, pairs(key, namesAndValues));
    }

    /** A text with its named slots filled; every slot the pattern names must be given. */
    public String format(String key, Map<String, ?> slots) {
        // the spans' texts joined, written without the spans where a shortcut takes the slots
        Entry entry = entry(key, slots);
        Plain plain = entry.plain();
        if (plain != null && plain.fills(slots)) {
            return plain.text(slots);
        }
        if (entry.selects() != null) {
            String direct = entry.selects().text(slots, pluralRules);
            if (direct != null) {
                return direct;
            }
        }
        return joined(formatted(entry, slots, true));
    }

    private static String joined(List<Reply.Span> spans) {
        if (spans.size() == 1) {
            return spans.get(0).text();
        }
        StringBuilder text = new StringBuilder();
        spans.forEach(span -> text.append(span.text()));
        return text.toString();
    }

    /** The text as spans: what the pattern marks with {@code <b>…</b>} is bold. */
    public List<Reply.Span> spans(String key, Object... namesAndValues) {
        return spans(key, pairs(key, namesAndValues));
    }

    public List<Reply.Span> spans(String key, Map<String, ?> slots) {
        Entry entry = entry(key, slots);
        Plain plain = entry.plain();
        if (plain != null && plain.fills(slots)) {
            return plain.spans(slots);
        }
        return formatted(entry, slots, true);
    }

    /** The key's entry, once every slot its pattern names is given. */
    private Entry entry(String key, Map<String, ?> slots) {
        Entry entry = entries.get(key);
        if (entry == null) {
            throw new IllegalArgumentException("no reply with key " + key);
        }
        for (String name : entry.required()) {
            if (slots.get(name) == null) {
                throw new IllegalArgumentException("reply " + key + " needs slot " + name);
            }
        }
        return entry;
    }

    /** Whether the key renders past ICU's formatter when its values are text (plain and select patterns). */
    boolean hasShortcut(String key) {
        Entry entry = entries.get(key);
        return entry != null && (entry.plain() != null || (entry.selects() != null && entry.selects().plurals().isEmpty()));
    }

    /** Whether the key renders past ICU's formatter when its plural counts are whole numbers 0–999. */
    boolean hasCountShortcut(String key) {
        Entry entry = entries.get(key);
        return entry != null && entry.selects() != null && !entry.selects().plurals().isEmpty();
    }

    /** The spans as ICU's formatter gives them, never by the plain-pattern shortcut (for the test that they agree). */
    List<Reply.Span> spansByIcu(String key, Map<String, ?> slots) {
        return formatted(entries.get(key), slots, false);
    }

    /**
     * Text values go in as numbered stand-ins and come back after the marks are read; choices go in as they
     * are. The text between is ICU's, or the select tree's when the key has one and every value is text.
     */
    private List<Reply.Span> formatted(Entry entry, Map<String, ?> slots, boolean shortcut) {
        if (shortcut && entry.selects() != null) {
            // The select tree written straight into spans: what the stand-ins, marked and restore below give.
            List<Reply.Span> direct = entry.selects().spans(slots, pluralRules);
            if (direct != null) {
                return direct;
            }
        }
        // Text values go in as numbered stand-ins and come back after the marks are read; numbers and choices
        // go in as they are, since plural and select arguments need their real value.
        List<String> texts = new ArrayList<>();
        Map<String, Object> arguments = new LinkedHashMap<>();
        slots.forEach((name, value) -> {
            if (value instanceof CharSequence text && !entry.choices().contains(name)) {
                arguments.put(name, SLOT_START + Integer.toString(texts.size()) + SLOT_END);
                texts.add(text.toString().replace(SLOT_START, ' ').replace(SLOT_END, ' '));
            } else {
                arguments.put(name, value);
            }
        });
        Selects tree = shortcut ? entry.selects() : null;
        if (tree != null && tree.fills(arguments)) {
            return marked(tree.format(arguments, pluralRules), texts);
        }
        String formatted;
        MessageFormat format = entry.format();
        // ICU's MessageFormat is not safe for concurrent use (it builds sub-formats lazily), and replies are
        // composed on many threads: each pattern formats one message at a time, which takes microseconds.
        synchronized (format) {
            formatted = format.format(arguments);
        }
        return marked(formatted, texts);
    }

    /** One paragraph of the reply, bold where the pattern marks it. */
    public Reply.Paragraph paragraph(String key, Object... namesAndValues) {
        return new Reply.Paragraph(spans(key, namesAndValues));
    }

    /** "القائم والتاجي وبلد": items joined as the language joins them (CLDR list patterns). */
    public String list(Collection<String> items) {
        return andList.format(items);
    }

    /** "القائم أو التاجي". */
    public String orList(Collection<String> items) {
        return orList.format(items);
    }

    /** A spelled-out ordinal from CLDR's rules: feminine "الثالثة", "الحادية عشرة"; masculine "الثالث". */
    public String ordinal(long n, boolean feminine) {
        synchronized (spellout) {
            return spellout.format(n, feminine ? "%spellout-ordinal-feminine" : "%spellout-ordinal-masculine");
        }
    }

    /** Every slot a pattern names, also inside plural and select branches (ICU lists only the outer ones). */
    private static Set<String> slotNames(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                names.add(parsed.getSubstring(part));
            }
        }
        return Collections.unmodifiableSet(names);
    }

    /** The slots a pattern reads as a number or a choice ({n, plural, …}, {case, select, …}), not as text. */
    private static Set<String> choiceSlots(String pattern, Set<String> slots) {
        Set<String> choices = new TreeSet<>();
        for (String slot : slots) {
            if (Pattern.compile("\\{\\s*" + Pattern.quote(slot) + "\\s*,\\s*(select|plural|selectordinal|number)")
                    .matcher(pattern).find()) {
                choices.add(slot);
            }
        }
        return Set.copyOf(choices); // asked only whether it holds a slot, on every call: a hash set
    }

    private static Map<String, Object> pairs(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("slots come in name, value pairs: " + key);
        }
        return new Pairs(key, namesAndValues);
    }

    /**
     * The slots of one call as a map over its own name, value array (a reply sentence is a few slots, looked up a
     * few times): what a LinkedHashMap filled in order gives, put's rule included (a name given twice fails unless
     * its earlier value was null; the later value then takes the earlier place), without a table and entries.
     */
    private static final class Pairs extends java.util.AbstractMap<String, Object> {
        private final Object[] pairs;
        private final int size;

        Pairs(String key, Object[] namesAndValues) {
            Object[] kept = namesAndValues;
            int n = 0;
            for (int i = 0; i < namesAndValues.length; i += 2) {
                String name = (String) namesAndValues[i];
                int earlier = indexOf(kept, n, name);
                if (earlier < 0) {
                    if (kept != namesAndValues) {
                        kept[2 * n] = name;
                        kept[2 * n + 1] = namesAndValues[i + 1];
                    }
                    n++;
                    continue;
                }
                if (kept[earlier + 1] != null) {
                    throw new IllegalArgumentException("reply " + key + " is given slot " + name + " twice");
                }
                if (kept == namesAndValues) {
                    // the caller's array stays as given: from here on the kept pairs are a copy
                    kept = java.util.Arrays.copyOf(namesAndValues, namesAndValues.length);
                }
                kept[earlier + 1] = namesAndValues[i + 1];
            }
            this.pairs = kept;
            this.size = n;
        }

        private static int indexOf(Object[] pairs, int n, Object name) {
            for (int i = 0; i < 2 * n; i += 2) {
                if (pairs[i] == name || (pairs[i] != null && pairs[i].equals(name))) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public Object get(Object name) {
            int at = indexOf(pairs, size, name);
            return at < 0 ? null : pairs[at + 1];
        }

        @Override
        public boolean containsKey(Object name) {
            return indexOf(pairs, size, name) >= 0;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public void forEach(java.util.function.BiConsumer<? super String, ? super Object> action) {
            for (int i = 0; i < 2 * size; i += 2) {
                action.accept((String) pairs[i], pairs[i + 1]);
            }
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            return new java.util.AbstractSet<>() {
                @Override
                public java.util.Iterator<Map.Entry<String, Object>> iterator() {
                    return new java.util.Iterator<>() {
                        private int at;

                        @Override
                        public boolean hasNext() {
                            return at < 2 * size;
                        }

                        @Override
                        public Map.Entry<String, Object> next() {
                            if (!hasNext()) {
                                throw new java.util.NoSuchElementException();
                            }
                            at += 2;
                            return new java.util.AbstractMap.SimpleImmutableEntry<>((String) pairs[at - 2], pairs[at - 1]);
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }
    }

    /**
     * One key's pattern, read at load: ICU's format, every slot it names, the slots it reads as a number or a
     * choice, its shortcut (plain or select tree, or neither: ICU formats it), and its text when it has no slot.
     */
    private record Entry(MessageFormat format, Set<String> slots, Set<String> choices, Plain plain, Selects selects,
                         String text, String[] required) {

        Entry(MessageFormat format, Set<String> slots, Set<String> choices, Plain plain, Selects selects, String text) {
            // the slots as an array, checked on every call without an iterator
            this(format, slots, choices, plain, selects, text, slots.toArray(String[]::new));
        }
    }

    /**
     * A pattern whose slots are all plain text ({base}, no plural, select or number) and which quotes nothing:
     * literal pieces and slot names, each bold or not as the pattern marks it. Rendering it is concatenation,
     * the same text ICU would give for text values.
     */
    private record Plain(List<String> pieces, List<Boolean> isSlot, List<Boolean> bold) {

        private static final Pattern SLOT = Pattern.compile("\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\}");

        static java.util.Optional<Plain> of(String pattern) {
            if (pattern.indexOf('\'') >= 0 || pattern.replaceAll(SLOT.pattern(), "").matches("(?s).*[{}].*")) {
                return java.util.Optional.empty();
            }
            List<String> pieces = new ArrayList<>();
            List<Boolean> isSlot = new ArrayList<>();
            List<Boolean> bold = new ArrayList<>();
            boolean on = false;
            java.util.regex.Matcher m = Pattern.compile(SLOT.pattern() + "|" + Pattern.quote(BOLD_ON) + "|" + Pattern.quote(BOLD_OFF))
                    .matcher(pattern);
            int at = 0;
            while (m.find()) {
                if (m.start() > at) {
                    pieces.add(pattern.substring(at, m.start()));
                    isSlot.add(false);
                    bold.add(on);
                }
                if (m.group(1) != null) {
                    pieces.add(m.group(1).intern()); // the code's slot names are literals: found by identity
                    isSlot.add(true);
                    bold.add(on);
                } else {
                    on = m.group().equals(BOLD_ON);
                }
                at = m.end();
            }
            if (at < pattern.length()) {
                pieces.add(pattern.substring(at));
                isSlot.add(false);
                bold.add(on);
            }
            return java.util.Optional.of(new Plain(List.copyOf(pieces), List.copyOf(isSlot), List.copyOf(bold)));
        }

        /** True when every slot value is text (a number would be formatted by the locale: ICU's path). */
        boolean fills(Map<String, ?> slots) {
            for (int i = 0; i < pieces.size(); i++) {
                if (isSlot.get(i) && !(slots.get(pieces.get(i)) instanceof CharSequence)) {
                    return false;
                }
            }
            return true;
        }

        /** The spans' texts joined: every piece in order (an empty piece adds nothing). */
        String text(Map<String, ?> slots) {
            if (pieces.size() == 1) {
                return isSlot.get(0) ? slots.get(pieces.get(0)).toString() : pieces.get(0);
            }
            // String.join sizes the text once, in the right coder (a builder starts Latin-1 and is widened)
            String[] texts = new String[pieces.size()];
            for (int i = 0; i < pieces.size(); i++) {
                texts[i] = isSlot.get(i) ? slots.get(pieces.get(i)).toString() : pieces.get(i);
            }
            return String.join("", texts);
        }

        List<Reply.Span> spans(Map<String, ?> slots) {
            Spans spans = new Spans();
            // the non-empty pieces of the span being gathered: one is the span's text as it is, more are joined
            String[] run = new String[pieces.size()];
            int inRun = 0;
            boolean current = false;
            for (int i = 0; i < pieces.size(); i++) {
                String piece = isSlot.get(i) ? slots.get(pieces.get(i)).toString() : pieces.get(i);
                if (piece.isEmpty()) {
                    continue;
                }
                if (bold.get(i) != current && inRun > 0) {
                    spans.add(new Reply.Span(joined(run, inRun), current));
                    inRun = 0;
                }
                current = bold.get(i);
                run[inRun++] = piece;
            }
            if (inRun > 0) {
                spans.add(new Reply.Span(joined(run, inRun), current));
            }
            return spans.list();
        }

        private static String joined(String[] run, int n) {
            return n == 1 ? run[0] : String.join("", java.util.Arrays.asList(run).subList(0, n));
        }
    }

    /**
     * A pattern of literal text, text slots ({base}), selects ({side, select, after{…} other{…}}) and plurals of a
     * count ({count, plural, one{…} few{# …} other{…}}), nested, with no apostrophe quoting, explicit "=n" branch,
     * offset or number format: a tree whose rendering is concatenation. ICU's select takes the branch whose keyword
     * equals the value's text, else "other"; a simple argument is its value's text. ICU's plural takes the branch
     * of the count's CLDR category (the locale's plural rules), else "other", and writes "#" (directly in a plural
     * branch, not in a select inside it) as the count; the tree does it only for whole counts 0–999, whose digits
     * need no grouping, and leaves other values to ICU.
     */
    private record Selects(List<Object> nodes, Set<String> plurals, boolean clean) {

        /** The largest count written by the tree: 1000 and up take the locale's grouping, which ICU knows. */
        private static final long MAX_COUNT = 999;

        /** A select, or a plural when plural: its slot, its branches by keyword, and "other". */
        private record Select(String slot, boolean plural, boolean choice, Map<String, List<Object>> branches,
                              List<Object> other) {
        }

        /** A slot whose value is written as it is. */
        private record Slot(String name, boolean choice) {
        }

        /** "#" in a plural branch: the count. */
        private enum Count { NUMBER }

        /** choices: the slots read as a choice (their value goes in as it is, not as a stand-in). */
        static java.util.Optional<Selects> of(String pattern, Set<String> choices) {
            if (pattern.indexOf('\'') >= 0 || !(pattern.contains("select") || pattern.contains("plural"))) {
                return java.util.Optional.empty();
            }
            int[] at = {0};
            Set<String> plurals = new TreeSet<>();
            Set<String> others = new TreeSet<>();
            List<Object> nodes = message(pattern, at, false, plurals, others, choices);
            boolean apart = plurals.stream().noneMatch(others::contains);
            return nodes == null || at[0] != pattern.length() || !apart ? java.util.Optional.empty()
                    : java.util.Optional.of(new Selects(nodes, Collections.unmodifiableSet(plurals),
                            pattern.indexOf(SLOT_START) < 0 && pattern.indexOf(SLOT_END) < 0));
        }

        /**
         * Nodes up to an unmatched "}" or the end; null when the pattern has something this tree does not do.
         * inPlural: this message is a plural's branch, where "#" is the count. Slots read as counts go to plurals,
         * every other slot to others (a slot that is both is left to ICU).
         */
        private static List<Object> message(String p, int[] at, boolean inPlural, Set<String> plurals, Set<String> others,
                                            Set<String> choices) {
            List<Object> nodes = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            while (at[0] < p.length() && p.charAt(at[0]) != '}') {
                char c = p.charAt(at[0]);
                if (c == '#' && inPlural) {
                    if (text.length() > 0) {
                        addText(nodes, text.toString());
                        text.setLength(0);
                    }
                    nodes.add(Count.NUMBER);
                    at[0]++;
                    continue;
                }
                if (c != '{') {
                    text.append(c);
                    at[0]++;
                    continue;
                }
                if (text.length() > 0) {
                    addText(nodes, text.toString());
                    text.setLength(0);
                }
                at[0]++;
                String name = word(p, at).intern(); // found by identity among the code's literal slot names
                if (name.isEmpty()) {
                    return null;
                }
                if (p.startsWith("}", at[0])) {
                    at[0]++;
                    nodes.add(new Slot(name, choices.contains(name)));
                    others.add(name);
                    continue;
                }
                if (!p.startsWith(",", at[0])) {
                    return null;
                }
                at[0]++;
                String type = word(p, at);
                boolean plural = type.equals("plural");
                if (!(plural || type.equals("select")) || !p.startsWith(",", at[0])) {
                    return null;
                }
                (plural ? plurals : others).add(name);
                at[0]++;
                Map<String, List<Object>> branches = new LinkedHashMap<>();
                List<Object> other = null;
                while (true) {
                    skipSpaces(p, at);
                    if (p.startsWith("}", at[0])) {
                        at[0]++;
                        break;
                    }
                    String keyword = word(p, at);
                    if (keyword.isEmpty() || !p.startsWith("{", at[0])) {
                        return null;
                    }
                    at[0]++;
                    List<Object> branch = message(p, at, plural, plurals, others, choices);
                    if (branch == null || !p.startsWith("}", at[0])) {
                        return null;
                    }
                    at[0]++;
                    if (keyword.equals("other")) {
                        other = branch;
                    } else {
                        branches.putIfAbsent(keyword, branch);
                    }
                }
                if (other == null) {
                    return null;
                }
                nodes.add(new Select(name, plural, choices.contains(name), Collections.unmodifiableMap(branches), other));
            }
            if (text.length() > 0) {
                addText(nodes, text.toString());
            }
            return List.copyOf(nodes);
        }

        /**
         * Literal text as nodes cut before and after each "<b>" and "</b>": the same characters in the same order
         * (rendering is concatenation, and the span writer reads marks across nodes), but a span between two marks
         * is then often one whole node or value, kept as it is instead of copied.
         */
        private static void addText(List<Object> nodes, String text) {
            int from = 0;
            int at = 0;
            while (at < text.length()) {
                int mark = text.startsWith(BOLD_ON, at) ? BOLD_ON.length() : text.startsWith(BOLD_OFF, at) ? BOLD_OFF.length() : 0;
                if (mark == 0) {
                    at++;
                    continue;
                }
                if (at > from) {
                    nodes.add(text.substring(from, at));
                }
                nodes.add(text.substring(at, at + mark));
                at += mark;
                from = at;
            }
            if (from < text.length()) {
                nodes.add(text.substring(from));
            }
        }

        private static String word(String p, int[] at) {
            skipSpaces(p, at);
            int start = at[0];
            while (at[0] < p.length() && (Character.isLetterOrDigit(p.charAt(at[0])) || p.charAt(at[0]) == '_'
                    || p.charAt(at[0]) == '-')) {
                at[0]++;
            }
            String word = p.substring(start, at[0]);
            skipSpaces(p, at);
            return word;
        }

        private static void skipSpaces(String p, int[] at) {
            while (at[0] < p.length() && Character.isWhitespace(p.charAt(at[0]))) {
                at[0]++;
            }
        }

        /**
         * True when every value is text, but a plural's, which is a whole count 0–999 (anything else would be
         * formatted by the locale: ICU's path).
         */
        boolean fills(Map<String, ?> arguments) {
            for (Map.Entry<String, ?> argument : arguments.entrySet()) {
                Object value = argument.getValue();
                if (plurals.contains(argument.getKey())) {
                    if (!((value instanceof Integer || value instanceof Long)
                            && ((Number) value).longValue() >= 0 && ((Number) value).longValue() <= MAX_COUNT)) {
                        return false;
                    }
                } else if (!(value instanceof CharSequence)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The spans {@code marked(format(arguments), texts)} gives for these slots, written without stand-ins, or
         * null when the tree does not fill them ({@link #fills}, asked of the slots: a text value's stand-in is
         * text too) or a stand-in character would be read (in the pattern, or in a choice's value, which goes in
         * as it is): ICU's and the stand-ins' way then. Text values are opaque, as their stand-ins are; every
         * other character is read for marks exactly as {@code marked} reads the formatted text.
         */
        List<Reply.Span> spans(Map<String, ?> slots, PluralRules rules) {
            return written(slots, rules, false, SpanWriter::done);
        }

        /** The texts of {@link #spans} joined, or null where it is null. */
        String text(Map<String, ?> slots, PluralRules rules) {
            return written(slots, rules, true, SpanWriter::joined);
        }

        /** The tree written for these slots and taken out of the writer as wanted; null as {@link #spans} says. */
        private <T> T written(Map<String, ?> slots, PluralRules rules, boolean joinOnly,
                              java.util.function.Function<SpanWriter, T> taken) {
            if (!clean || !fills(slots)) {
                return null;
            }
            SpanWriter out = new SpanWriter(joinOnly);
            try {
                return write(nodes, slots, rules, -1, out) ? taken.apply(out) : null;
            } finally {
                out.release();
            }
        }

        /** {@link #append}, with each slot's value as {@code formatted} puts it in the arguments. */
        private static boolean write(List<Object> nodes, Map<String, ?> slots, PluralRules rules,
                                     long count, SpanWriter out) {
            for (int i = 0; i < nodes.size(); i++) {
                Object node = nodes.get(i);
                if (node instanceof String text) {
                    out.markup(text);
                } else if (node instanceof Slot slot) {
                    Object value = slots.get(slot.name());
                    if (value instanceof CharSequence text && !slot.choice()) {
                        out.value(text.toString().replace(SLOT_START, ' ').replace(SLOT_END, ' '));
                    } else {
                        String raw = String.valueOf(value);
                        if (raw.indexOf(SLOT_START) >= 0 || raw.indexOf(SLOT_END) >= 0) {
                            return false;
                        }
                        out.markup(raw);
                    }
                } else if (node == Count.NUMBER) {
                    out.number(count);
                } else {
                    Select select = (Select) node;
                    Object value = slots.get(select.slot());
                    List<Object> branch;
                    long n = -1;
                    if (select.plural()) {
                        n = ((Number) value).longValue();
                        branch = select.branches().get(rules.select(n));
                    } else {
                        // a text value not read as a choice would be its stand-in, which no keyword equals
                        boolean standIn = value instanceof CharSequence && !select.choice();
                        branch = standIn ? null : select.branches().get(String.valueOf(value));
                    }
                    if (!write(branch != null ? branch : select.other(), slots, rules, n, out)) {
                        return false;
                    }
                }
            }
            return true;
        }

        String format(Map<String, ?> arguments, PluralRules rules) {
            StringBuilder out = new StringBuilder();
            append(nodes, arguments, rules, -1, out);
            return out.toString();
        }

        /** count: the value of the plural whose branch this is, for its "#" (-1 outside a plural's branch). */
        @SuppressWarnings("unchecked")
        private static void append(List<Object> nodes, Map<String, ?> arguments, PluralRules rules, long count,
                                   StringBuilder out) {
            for (Object node : nodes) {
                if (node instanceof String text) {
                    out.append(text);
                } else if (node instanceof Slot slot) {
                    out.append(arguments.get(slot.name()));
                } else if (node == Count.NUMBER) {
                    out.append(count);
                } else {
                    Select select = (Select) node;
                    Object value = arguments.get(select.slot());
                    if (select.plural()) {
                        long n = ((Number) value).longValue();
                        List<Object> branch = select.branches().get(rules.select(n));
                        append(branch != null ? branch : select.other(), arguments, rules, n, out);
                    } else {
                        List<Object> branch = select.branches().get(String.valueOf(value));
                        append(branch != null ? branch : select.other(), arguments, rules, -1, out);
                    }
                }
            }
        }
    }

    /**
     * {@link #marked} as the text is written: a mark is looked for only in the characters written as markup since
     * the last value or mark (a value's stand-in holds no '<', so no mark spans one), and only where it can end
     * (at a '>'); the earliest mark to end is the earliest to start, as {@code indexOf} finds it. Empty spans
     * are dropped, as there.
     */
    private static final class SpanWriter {
        /**
         * Each thread's buffer, lent to one writer at a time: a sentence is written into it, not into a new builder
         * that starts Latin-1, is widened by the first Arabic letter and grows. Over 4 KiB it is not kept.
         */
        private static final ThreadLocal<StringBuilder[]> SCRATCH = ThreadLocal.withInitial(() -> new StringBuilder[1]);
        private static final int KEPT = 4096;

        private final Spans spans = new Spans();
        private final StringBuilder text;
        /** Only the spans' texts joined are wanted: the text runs on across marks, no span is made. */
        private final boolean joinOnly;
        private boolean bold;
        /** Characters at the end of text written as markup since the last value or mark. */
        private int markup;
        /**
         * The string written whole first since the last cut, and the text's length right after it: a span of that
         * length is that string (after it only a mark was written, and taken off), kept instead of copied.
         */
        private String sole;
        private int soleEnd = -1;

        SpanWriter(boolean joinOnly) {
            this.joinOnly = joinOnly;
            StringBuilder[] scratch = SCRATCH.get();
            StringBuilder lent = scratch[0];
            scratch[0] = null;
            if (lent == null) {
                // UTF-16 from the start: the replies are Arabic
                lent = new StringBuilder(256).append('\u0627');
            }
            lent.setLength(0);
            this.text = lent;
        }

        /** Gives the buffer back to the thread (a writer used again by its thread's next sentence). */
        void release() {
            if (text.capacity() <= KEPT) {
                SCRATCH.get()[0] = text;
            }
        }

        void markup(String chunk) {
            int from = 0;
            for (int gt = chunk.indexOf('>'); gt >= 0; gt = chunk.indexOf('>', gt + 1)) {
                append(chunk, from, gt + 1);
                markup += gt + 1 - from;
                from = gt + 1;
                String mark = bold ? BOLD_OFF : BOLD_ON;
                if (markup >= mark.length() && endsWith(mark)) {
                    text.setLength(text.length() - mark.length());
                    cut();
                    bold = !bold;
                }
            }
            append(chunk, from, chunk.length());
            markup += chunk.length() - from;
        }

        void number(long n) {
            int before = text.length();
            text.append(n);
            markup += text.length() - before;
        }

        void value(String value) {
            append(value, 0, value.length());
            markup = 0;
        }

        private void append(String chunk, int from, int to) {
            if (from == to) {
                return;
            }
            if (text.length() == 0 && from == 0 && to == chunk.length()) {
                sole = chunk;
                soleEnd = to;
            }
            text.append(chunk, from, to);
        }

        private boolean endsWith(String mark) {
            int start = text.length() - mark.length();
            for (int i = 0; i < mark.length(); i++) {
                if (text.charAt(start + i) != mark.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private void cut() {
            if (!joinOnly && text.length() > 0) {
                spans.add(new Reply.Span(text.length() == soleEnd ? sole : text.toString(), bold));
                text.setLength(0);
            }
            sole = null;
            soleEnd = -1;
            markup = 0;
        }

        List<Reply.Span> done() {
            cut();
            return spans.list();
        }

        String joined() {
            return text.toString();
        }
    }

    /**
     * A sentence's spans, most often one or two: gathered without a list and given as an unmodifiable list, which
     * a paragraph keeps as it is instead of copying.
     */
    private static final class Spans {
        private Reply.Span first;
        private Reply.Span second;
        private List<Reply.Span> more;

        void add(Reply.Span span) {
            if (first == null) {
                first = span;
            } else if (second == null) {
                second = span;
            } else {
                if (more == null) {
                    more = new ArrayList<>();
                    more.add(first);
                    more.add(second);
                }
                more.add(span);
            }
        }

        List<Reply.Span> list() {
            return more != null ? List.copyOf(more) : second != null ? List.of(first, second)
                    : first != null ? List.of(first) : List.of();
        }
    }

    /** Splits the formatted text at the pattern's bold marks and puts the text values back in. */
    private static List<Reply.Span> marked(String formatted, List<String> texts) {
        List<Reply.Span> spans = new ArrayList<>();
        boolean bold = false;
        int at = 0;
        while (at <= formatted.length()) {
            String mark = bold ? BOLD_OFF : BOLD_ON;
            int next = formatted.indexOf(mark, at);
            int stop = next < 0 ? formatted.length() : next;
            String piece = restore(formatted.substring(at, stop), texts);
            if (!piece.isEmpty()) {
                spans.add(new Reply.Span(piece, bold));
            }
            if (next < 0) {
                break;
            }
            bold = !bold;
            at = next + mark.length();
        }
        return spans;
    }

    private static String restore(String text, List<String> texts) {
        if (text.indexOf(SLOT_START) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = c == SLOT_START ? text.indexOf(SLOT_END, i) : -1;
            if (end > i) {
                out.append(texts.get(Integer.parseInt(text.substring(i + 1, end))));
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** Every key, sorted; for the test that each is used and each renders. */
    public Set<String> keys() {
        return patterns.keySet();
    }

    /** The slot names a key's pattern uses. */
    public Set<String> slotsOf(String key) {
        return Objects.requireNonNull(entries.get(key), key).slots();
    }

    public String pattern(String key) {
        return patterns.get(key);
    }

    public ULocale locale() {
        return locale;
    }
}
