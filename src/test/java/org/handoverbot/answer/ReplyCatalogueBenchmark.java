package org.handoverbot.answer;

import static org.handoverbot.text.ArabicMonths.EGYPT;
import static org.handoverbot.text.ArabicMonths.LEVANT;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;

import org.handoverbot.bench.JmhDefaults;
import org.handoverbot.knowledge.Event;
import org.handoverbot.nlp.Gazetteer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the catalogue costs a reply: a date, a count, the handover sentence and the Hijri date through ICU
 * MessageFormat, beside the string concatenation the composers did before (the baselines copy that code).
 * Run: see BENCHMARKS.md, "Reply catalogue".
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReplyCatalogueBenchmark extends JmhDefaults {

    private final LocalDate date = LocalDate.of(2020, 3, 19);
    private EventSentences sentences;
    private Names names;
    private Event qaim;
    private long n;

    @Setup
    public void load() {
        names = new Names(Gazetteer.load());
        sentences = new EventSentences(names);
        qaim = FixedKnowledge.QAIM;
    }

    @Benchmark
    public String dateBaselineConcatenation() {
        String levant = date.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, LEVANT);
        String egypt = date.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, EGYPT);
        String month = levant.equals(egypt) ? levant : levant + " (" + egypt + ")";
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, LEVANT) + " " + date.getDayOfMonth() + " " + month
                + " " + date.getYear();
    }

    @Benchmark
    public String dateThroughCatalogue() {
        return ArabicDates.format(date);
    }

    @Benchmark
    public String dateWithHijri() {
        return ArabicDates.withHijri(date);
    }

    @Benchmark
    public String countBaselineHandWritten() {
        long k = n++ % 120;
        return k == 1 ? "قاعدة واحدة" : k == 2 ? "قاعدتان" : k >= 3 && k <= 10 ? k + " قواعد" : k + " قاعدة";
    }

    @Benchmark
    public String countThroughCldrPlurals() {
        return ArabicCounts.bases(n++ % 120, ArabicCounts.Case.OBLIQUE);
    }

    @Benchmark
    public List<Reply.Span> handoverBaselineConcatenation() {
        Para p = Para.text("سُلّمت ").bold(names.baseLabel(qaim.baseId()));
        names.province(qaim.baseId()).ifPresent(province -> p.add(" في " + province));
        names.name(qaim.fromParty()).ifPresent(from -> p.add(" من " + from));
        names.name(qaim.toParty()).ifPresent(to -> p.add(" إلى " + to));
        p.add(" يوم ").bold(dateBaselineConcatenation()).add(" بالكامل").add(".");
        return p.build().spans();
    }

    @Benchmark
    public List<Reply.Span> handoverThroughCatalogue() {
        return sentences.handover(qaim).build().spans();
    }

    /** One line of /timeline as TimelineReplies wrote it before the catalogue (the code copied). */
    @Benchmark
    public List<Reply.Span> timelineLineBaselineConcatenation() {
        Para p = Para.text(1 + ". ").bold(names.baseLabel(qaim.baseId()));
        names.province(qaim.baseId()).ifPresent(province -> p.add(" (" + province + ")"));
        p.add(": ");
        p.add(ArabicDates.format(qaim.date()));
        names.name(qaim.fromParty()).ifPresent(from -> p.add("، من " + from));
        names.name(qaim.toParty()).ifPresent(to -> p.add(" إلى " + to));
        return p.add(". (" + EventQueries.publishers(qaim.sources()) + ")").build().spans();
    }

    /** The same line through the catalogue (timeline.line: five selects, bold spans). */
    @Benchmark
    public List<Reply.Span> timelineLineThroughCatalogue() {
        return SAY.spans("timeline.line", "n", "1", "base", names.baseLabel(qaim.baseId()),
                "province", names.province(qaim.baseId()).orElse("none"), "date", ArabicDates.format(qaim.date()),
                "from", names.name(qaim.fromParty()).orElse("none"), "to", names.name(qaim.toParty()).orElse("none"),
                "publishers", EventQueries.publishers(qaim.sources()));
    }

    /** A fact's source line (SourceLine: source.according, source.quoting, source.carried, source.line). */
    @Benchmark
    public String sourceLineThroughCatalogue() {
        return SourceLine.of(qaim.sources());
    }

    private static final ReplyCatalogue SAY = ReplyCatalogue.arabic();
}
