package org.handoverbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.handoverbot.alerts.AlertComposer;
import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.Quote;
import org.handoverbot.nlp.Gazetteer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reply wording as a readable snapshot: one file per case under src/test/resources/replies/, giving the
 * key, its slots and the text it renders (bold shown as {@code <b>…</b>}). Together the files cover every key
 * of the catalogue; a new key needs a file (see the template the coverage test prints).
 *
 * <pre>
 * # why this case
 * key: count.bases
 * case: oblique
 * count: 2
 * > قاعدتين
 * </pre>
 * "name: value" sets a slot (until the next "key:"), "> text" renders the key with the slots set so far and
 * compares; consecutive "> " lines are one text of several lines. A value is a number where the pattern counts
 * it ({n, plural, …}), text everywhere else.
 *
 * <p>A whole alert is a case too: "alert: QAIM" (an event of {@link FixedKnowledge}, by its field name) and
 * optionally "quote: REASON", then the alert as a reader sees it, block by block ("«…» — who" for a quote).
 */
class ReplySnapshotsTest {

    static final Path DIR = Path.of("src/test/resources/replies");
    private static final ReplyCatalogue CATALOGUE = ReplyCatalogue.arabic();

    record Render(String key, Map<String, String> slots, String expected, int line) {
        boolean isAlert() {
            return key.startsWith(ALERT);
        }
    }

    private static final String ALERT = "alert:";

    record Snapshot(String name, List<Render> renders) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Snapshot> snapshots() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<Path> sorted = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
            List<Snapshot> out = new ArrayList<>();
            for (Path file : sorted) {
                out.add(read(file));
            }
            return out.stream();
        }
    }

    static Snapshot read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Render> renders = new ArrayList<>();
        String key = null;
        Map<String, String> slots = new LinkedHashMap<>();
        List<String> expected = new ArrayList<>();
        int startLine = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            if (line.startsWith(">")) {
                if (expected.isEmpty()) {
                    startLine = i + 1;
                }
                expected.add(line.startsWith("> ") ? line.substring(2) : line.substring(1));
                continue;
            }
            if (!expected.isEmpty()) {
                renders.add(new Render(key, new LinkedHashMap<>(slots), String.join("\n", expected), startLine));
                expected.clear();
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException(file + ":" + (i + 1) + ": expected 'name: value' or '> text'");
            }
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (name.equals("key")) {
                key = value;
                slots.clear();
            } else if (name.equals("alert")) {
                key = ALERT + value;
                slots.clear();
            } else {
                slots.put(name, value);
            }
        }
        return new Snapshot(file.getFileName().toString(), renders);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snapshots")
    void rendersAsItsSnapshotSays(Snapshot snapshot) {
        assertThat(snapshot.renders()).as("%s renders nothing", snapshot.name()).isNotEmpty();
        for (Render render : snapshot.renders()) {
            assertThat(render.key()).as("%s:%d has no key", snapshot.name(), render.line()).isNotNull();
            if (render.isAlert()) {
                assertThat(alert(render)).as("%s:%d", snapshot.name(), render.line()).isEqualTo(render.expected());
                continue;
            }
            assertThat(CATALOGUE.slotsOf(render.key())).as("%s:%d slots of %s", snapshot.name(), render.line(), render.key())
                    .isEqualTo(render.slots().keySet());
            String shown = shown(CATALOGUE.spans(render.key(), typed(render.key(), render.slots())));
            assertThat(shown).as("%s:%d (%s)", snapshot.name(), render.line(), render.key()).isEqualTo(render.expected());
            assertThat(shown).as("%s:%d leaves a slot unfilled", snapshot.name(), render.line()).doesNotContain("{", "}");
        }
    }

    @Test
    void everyKeyOfTheCatalogueHasASnapshot() throws IOException {
        Set<String> covered = new TreeSet<>();
        snapshots().forEach(s -> s.renders().stream().filter(r -> !r.isAlert()).forEach(r -> covered.add(r.key())));
        Set<String> missing = new TreeSet<>(CATALOGUE.keys());
        missing.removeAll(covered);
        assertThat(missing).as("keys without a snapshot; add a file to %s such as:%n%s", DIR,
                missing.isEmpty() ? "" : template(missing.iterator().next())).isEmpty();
        Set<String> unknown = new TreeSet<>(covered);
        unknown.removeAll(CATALOGUE.keys());
        assertThat(unknown).as("snapshots of keys the catalogue does not have").isEmpty();
    }

    /** The issue's must-show: 0, 1, 2, 3, 10, 11 and 100 of bases, days, soldiers and dollars, in both roles. */
    @Test
    void countsOfBasesDaysSoldiersAndDollarsAreSnapshotted() throws IOException {
        Set<String> seen = new TreeSet<>();
        snapshots().forEach(s -> s.renders().forEach(r -> seen.add(r.key() + " " + r.slots().get("count") + " " + r.slots().get("case"))));
        for (String noun : List.of("count.bases", "count.days", "count.soldiers", "count.dollars")) {
            for (int n : new int[] {0, 1, 2, 3, 10, 11, 100}) {
                for (String role : List.of("nominative", "oblique")) {
                    assertThat(seen).as("a snapshot of %s with %d (%s)", noun, n, role).contains(noun + " " + n + " " + role);
                }
            }
        }
    }

    /** The alert for a FixedKnowledge event (and quote), as a reader sees it: paragraphs, then «quote» — who. */
    private static String alert(Render render) {
        Event event = (Event) fixture(render.key().substring(ALERT.length()).strip());
        Optional<Quote> quote = Optional.ofNullable(render.slots().get("quote")).map(name -> (Quote) fixture(name));
        Reply reply = new AlertComposer(Gazetteer.load()).compose(event, quote);
        List<String> blocks = new ArrayList<>();
        for (Reply.Block block : reply.blocks()) {
            blocks.add(block instanceof Reply.Quotation q ? "«" + q.text() + "» — " + q.attribution()
                    : shown(((Reply.Paragraph) block).spans()));
        }
        return String.join("\n", blocks);
    }

    private static Object fixture(String field) {
        try {
            return FixedKnowledge.class.getDeclaredField(field).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("no FixedKnowledge." + field, e);
        }
    }

    /** Slot values as the pattern reads them: numbers where it counts, text elsewhere. */
    static Map<String, Object> typed(String key, Map<String, String> slots) {
        String pattern = CATALOGUE.pattern(key);
        Map<String, Object> typed = new LinkedHashMap<>();
        slots.forEach((name, value) -> {
            boolean counted = Pattern.compile("\\{\\s*" + Pattern.quote(name) + "\\s*,\\s*(plural|number|selectordinal)")
                    .matcher(pattern).find();
            typed.put(name, counted ? (value.contains(".") ? (Object) Double.valueOf(value) : (Object) Long.valueOf(value)) : value);
        });
        return typed;
    }

    static String shown(List<Reply.Span> spans) {
        StringBuilder text = new StringBuilder();
        spans.forEach(s -> text.append(s.bold() ? "<b>" + s.text() + "</b>" : s.text()));
        return text.toString();
    }

    private static String template(String key) {
        StringBuilder t = new StringBuilder("# what this wording is for\nkey: " + key + "\n");
        CATALOGUE.slotsOf(key).forEach(s -> t.append(s).append(": …\n"));
        return t.append("> the text it renders\n").toString();
    }
}
