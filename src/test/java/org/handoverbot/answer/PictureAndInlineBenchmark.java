package org.handoverbot.answer;

import java.util.List;
import java.util.Optional;

import org.handoverbot.bench.JmhDefaults;
import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.QuestionUnderstander;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What /timeline and inline mode cost, on one thread, over the fixed test knowledge (four handovers, two panels):
 * drawing and encoding the picture (what a change of knowledge costs once), serving it from the cache (what
 * every other /timeline costs), and composing the inline results of a question and of a bare base name (what a
 * query not kept from the last minute costs). Run: see BENCHMARKS.md, "Timeline picture and inline mode".
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Djava.awt.headless=true")
public class PictureAndInlineBenchmark extends JmhDefaults {

    private TimelinePicture picture;
    private TimelinePictures pictures;
    private InlineAnswers inline;
    private FixedKnowledge knowledge;

    @Setup
    public void load() {
        Gazetteer gazetteer = Gazetteer.load();
        Names names = new Names(gazetteer);
        knowledge = FixedKnowledge.seeds();
        picture = new TimelinePicture(names);
        pictures = new TimelinePictures(knowledge, names);
        pictures.current();
        QuestionUnderstander understander = QuestionUnderstander.load(gazetteer);
        inline = new InlineAnswers(new AnswerDialogue(knowledge, gazetteer, understander::understand, Optional.empty()),
                understander::understand, names);
    }

    @Benchmark
    public byte[] drawAndEncodeThePicture() {
        return picture.png(knowledge.events());
    }

    @Benchmark
    public Optional<TimelinePictures.Picture> serveThePictureFromTheCache() {
        return pictures.current();
    }

    @Benchmark
    public List<InlineAnswers.Result> inlineQuestion() {
        return inline.answer("متى سلموا التاجي");
    }

    @Benchmark
    public List<InlineAnswers.Result> inlineBaseName() {
        return inline.answer("القائم");
    }
}
