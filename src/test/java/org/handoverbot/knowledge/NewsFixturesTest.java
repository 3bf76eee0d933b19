package org.handoverbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.handoverbot.text.ArabicText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reports of the handovers in the styles of many newsrooms (src/test/resources/news: our own sentences in their
 * styles), each with the extraction it must give in NAME.expected.json: every event (kind, status, base, day,
 * parties, a flagged day, an unknown base's name as written) and every quote (its first words, who said it as
 * the text names them, the title, the speaker's own channel "via" such as a statement, and the intermediary that
 * carried the words, "channel", such as an agency). Nothing more may come out: a name in quote marks is no quote.
 */
class NewsFixturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor(TestStores.GAZETTEER);

    static Path dir() {
        try {
            return Path.of(NewsFixturesTest.class.getResource("/news").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
        }
    }

    /** What one fixture scored: events and quotes as expected, and the misses in words. */
    record Score(int events, int eventsRight, int handovers, int handoversRight, int quotes, int quotesRight,
                 int extraQuotes, List<String> misses) {
    }

    static Score score(String name) {
        return score(dir(), name);
    }

    static Score score(Path dir, String name) {
        ArticleInput article = InputFiles.article(dir.resolve(name + ".txt"));
        Extraction x = EXTRACTOR.extract(article.text(), article.metadata());
        JsonNode expected;
        try {
            expected = JSON.readTree(dir.resolve(name + ".expected.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> misses = new ArrayList<>();
        List<Map<String, Object>> actualEvents = new ArrayList<>(x.events().stream().map(NewsFixturesTest::row).toList());
        int events = 0;
        int eventsRight = 0;
        int handovers = 0;
        int handoversRight = 0;
        for (JsonNode e : expected.get("events")) {
            Map<String, Object> want = new LinkedHashMap<>();
            e.fields().forEachRemaining(f -> want.put(f.getKey(), f.getValue().isNull() ? null
                    : f.getValue().isBoolean() ? (Object) f.getValue().asBoolean() : f.getValue().asText()));
            want.putIfAbsent("dateFlag", false);
            want.putIfAbsent("baseName", null);
            events++;
            boolean handover = "handover".equals(want.get("kind"));
            handovers += handover ? 1 : 0;
            if (actualEvents.remove(want)) {
                eventsRight++;
                handoversRight += handover ? 1 : 0;
            } else {
                misses.add("event " + want + " not read; read " + x.events().stream().map(NewsFixturesTest::row).toList());
            }
        }
        for (Map<String, Object> extra : actualEvents) {
            misses.add("event not in the report: " + extra);
        }
        List<QuoteDraft> actualQuotes = new ArrayList<>(x.quotes());
        int quotes = 0;
        int quotesRight = 0;
        for (JsonNode q : expected.get("quotes")) {
            quotes++;
            String start = norm(q.get("text").asText());
            QuoteDraft found = actualQuotes.stream().filter(a -> norm(a.text()).startsWith(start)).findFirst()
                    .orElse(null);
            if (found == null) {
                misses.add("quote «" + q.get("text").asText() + "…» not read");
                continue;
            }
            actualQuotes.remove(found);
            List<String> wrong = new ArrayList<>();
            if (!norm(q.get("speaker").asText()).equals(norm(found.speakerName()))) {
                wrong.add("speaker '" + found.speakerName() + "' instead of '" + q.get("speaker").asText() + "'");
            }
            if (q.has("title") && !norm(q.get("title").asText()).equals(norm(found.speakerTitle()))) {
                wrong.add("title '" + found.speakerTitle() + "' instead of '" + q.get("title").asText() + "'");
            }
            if (q.has("via") && !norm(via(found)).contains(norm(q.get("via").asText()))) {
                wrong.add("channel '" + via(found) + "' instead of '" + q.get("via").asText() + "'");
            }
            // the intermediary that carried the words ("للأناضول"), apart from the speaker's own channel ("via")
            String carrier = found.source() == null ? null : found.source().citedSource();
            if (q.has("channel") && !norm(carrier).contains(norm(q.get("channel").asText()))) {
                wrong.add("carried by '" + carrier + "' instead of '" + q.get("channel").asText() + "'");
            }
            if (wrong.isEmpty()) {
                quotesRight++;
            } else {
                misses.add("quote «" + q.get("text").asText() + "…»: " + String.join("; ", wrong));
            }
        }
        for (QuoteDraft extra : actualQuotes) {
            misses.add("not a quote of the report: «" + extra.text() + "» (" + extra.speakerName() + ")");
        }
        return new Score(events, eventsRight, handovers, handoversRight, quotes, quotesRight, actualQuotes.size(),
                misses);
    }

    private static String via(QuoteDraft q) {
        return FixtureViews.via(q);
    }

    private static Map<String, Object> row(EventDraft e) {
        return FixtureViews.row(e);
    }

    private static String norm(String s) {
        return s == null ? "" : String.join(" ", ArabicText.words(ArticleSpeakers.withoutMarks(s)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readsTheReportAsItsNewsroomWroteIt(String name) {
        Score s = score(name);
        assertThat(s.misses()).as(name).isEmpty();
    }

    /** Sums over a set of fixtures, with the misses in words, one a line. */
    record Figures(int files, int perfect, int quotes, int quotesRight, int extraQuotes, int handovers,
                   int handoversRight, int events, int eventsRight, String report) {

        static Figures over(Path dir, List<String> names) {
            int files = 0;
            int perfect = 0;
            int quotes = 0;
            int quotesRight = 0;
            int extra = 0;
            int handovers = 0;
            int handoversRight = 0;
            int events = 0;
            int eventsRight = 0;
            StringBuilder report = new StringBuilder();
            for (String name : names) {
                Score s = score(dir, name);
                files++;
                perfect += s.misses().isEmpty() ? 1 : 0;
                quotes += s.quotes();
                quotesRight += s.quotesRight();
                extra += s.extraQuotes();
                handovers += s.handovers();
                handoversRight += s.handoversRight();
                events += s.events();
                eventsRight += s.eventsRight();
                s.misses().forEach(m -> report.append(name).append(": ").append(m).append('\n'));
            }
            return new Figures(files, perfect, quotes, quotesRight, extra, handovers, handoversRight, events,
                    eventsRight, report.toString());
        }

        String line(String what) {
            return String.format("%s: %d files, %d read exactly; quotes with the right speaker %d/%d, "
                            + "%d false quotes; handovers with the right base, day and parties %d/%d; all events %d/%d",
                    what, files, perfect, quotesRight, quotes, extraQuotes, handoversRight, handovers, eventsRight,
                    events);
        }
    }

    /** The figures BENCHMARKS.md reports, printed and written to target/news-figures.txt. */
    @Test
    void figuresOverTheFixtureSet() throws IOException {
        Figures f = Figures.over(dir(), fixtures().toList());
        String line = f.line("news fixtures");
        System.out.println(line);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "news-figures.txt"), line + "\n" + f.report());
        assertThat(f.files()).isGreaterThanOrEqualTo(20);
        assertThat(Objects.requireNonNull(line)).isNotBlank();
    }

    /**
     * Held-out quotes and events right so far, over every batch (first run: quotes 3/9, events 3/5, 0 false quotes;
     * second batch b2-*: quotes 3/3, events 2/3; third batch b3-*, session 4: quotes 4/10, events 1/10, 0 false
     * quotes; fourth batch b4-*, written after the batch-3 fixes: quotes 2/3, events 0/4, 0 false quotes;
     * fifth batch b5-*, session 5, before its rules: 0/4 exact, quotes 1/6, handovers 4/6, events 4/7, 0 false quotes
     * but a planned step told as done and a committee's words credited to the army; sixth batch b6-*, written after
     * the batch-5 fixes: 1/3 exact, quotes 4/5, handovers 3/3, events 3/4, 0 false quotes, but a false handover of
     * Harir where the forces stay); they only rise.
     */
    static final int HELD_OUT_QUOTES_REACHED = 36;
    static final int HELD_OUT_EVENTS_REACHED = 33;
    static final int HELD_OUT_FALSE_QUOTES_AT_MOST = 0;

    /**
     * The third session's held-out reports (src/test/resources/heldout/news/), written in newsroom styles before any
     * rule they test and kept apart from the fixtures above, which the rules were tuned on. Writes
     * target/heldout-news.txt; holds the counts reached so far.
     */
    @Test
    void heldOutReportsKeepEveryQuoteAndEventReached() throws IOException, URISyntaxException {
        Path held = Path.of(NewsFixturesTest.class.getResource("/heldout/news").toURI());
        List<String> names;
        try (Stream<Path> files = Files.list(held)) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        }
        Figures f = Figures.over(held, names);
        String line = f.line("held-out news");
        System.out.println(line);
        // each session's batches apart too: batches 1-2 (session 3), b3- (session 4, before the planned-day rules),
        // b4- (session 4, after them), b5- (session 5, before its rules), b6- (session 5, after the batch-5 fixes)
        Map<String, List<String>> batches = new java.util.TreeMap<>();
        for (String n : names) {
            batches.computeIfAbsent(n.matches("b[3-9]-.*") ? "batch " + n.charAt(1) : "batches 1-2",
                    k -> new ArrayList<>()).add(n);
        }
        StringBuilder perBatch = new StringBuilder();
        batches.forEach((batch, files) -> perBatch.append(Figures.over(held, files).line(batch)).append('\n'));
        System.out.print(perBatch);
        System.out.print(f.report());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "heldout-news.txt"), line + "\n" + perBatch + f.report());
        assertThat(f.files()).isGreaterThanOrEqualTo(4);
        assertThat(f.quotesRight()).as(line).isGreaterThanOrEqualTo(HELD_OUT_QUOTES_REACHED);
        assertThat(f.eventsRight()).as(line).isGreaterThanOrEqualTo(HELD_OUT_EVENTS_REACHED);
        assertThat(f.extraQuotes()).as(line).isLessThanOrEqualTo(HELD_OUT_FALSE_QUOTES_AT_MOST);
    }
}
