package org.handoverbot.answer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.handoverbot.bench.JmhDefaults;
import org.handoverbot.bench.Questions;
import org.handoverbot.nlp.Act;
import org.handoverbot.nlp.FrameExpectation;
import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.QuestionUnderstander;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Understanding plus resolving one message, on one thread: normalise, tokenise, entities, classify, read the frame by
 * the role rules, and resolve it against a chat state (a base and a last act, so follow-ups carry over), cycling
 * through the held-out frame questions and the follow-ups of the transcripts. Goal: under 50 µs median.
 * Run: see BENCHMARKS.md, "Frames".
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
public class FrameBenchmark extends JmhDefaults {

    private QuestionUnderstander understander;
    private final FrameResolver resolver = new FrameResolver();
    private final ChatContext state = new ChatContext(Act.DATE, List.of("qayyarah"), "khafaji", null, null, 7L,
            List.of(1L), null, Instant.parse("2026-11-29T12:00:00Z"));
    private Questions questions;

    @Setup
    public void load() throws IOException {
        understander = QuestionUnderstander.load(Gazetteer.load());
        List<String> all;
        try (InputStream in = Files.newInputStream(Path.of("models/frames-test.txt"))) {
            all = new java.util.ArrayList<>(FrameExpectation.read(in, "frames-test.txt").stream()
                    .map(FrameExpectation::question).toList());
        }
        all.addAll(List.of("والقيارة؟", "وبآب 2020؟", "والخفاجي؟", "طيب والتاجي؟", "وبعدها؟", "وشنو بعدها؟", "وقبلها؟"));
        questions = new Questions(all);
    }

    @Benchmark
    public FrameResolver.Resolution understandAndResolve() {
        return resolver.resolve(understander.understand(questions.next()).frame(), state, true);
    }

    @Benchmark
    public Object understandOnly() {
        return understander.understand(questions.next());
    }
}
