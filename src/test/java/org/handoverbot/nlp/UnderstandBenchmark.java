package org.handoverbot.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Normalise + tokenise + classify + entities for one question, on one thread, cycling through the held-out
 * questions. SampleTime gives the median and p99, Throughput the questions per second.
 * Run: see BENCHMARKS.md, "Intent classification".
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@Threads(1)
public class UnderstandBenchmark {

    private QuestionUnderstander understander;
    private String[] questions;
    private int next;

    @Setup
    public void load() throws IOException {
        understander = QuestionUnderstander.load(Gazetteer.load());
        try (InputStream in = UnderstandBenchmark.class.getResourceAsStream("/models/intents-test.txt")) {
            List<LabelledQuestion> labelled = LabelledQuestion.read(in, "intents-test.txt");
            questions = labelled.stream().map(LabelledQuestion::question).toArray(String[]::new);
        }
    }

    @Benchmark
    public Understanding understandOneQuestion() {
        String question = questions[next];
        next = next + 1 == questions.length ? 0 : next + 1;
        return understander.understand(question);
    }
}
