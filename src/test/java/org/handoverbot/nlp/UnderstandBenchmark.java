package org.handoverbot.nlp;

import org.handoverbot.bench.JmhDefaults;
import org.handoverbot.bench.Questions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Normalise + tokenise + classify + entities for one question, on one thread, cycling through the held-out
 * questions. SampleTime gives the median and p99, Throughput the questions per second.
 * Run: see BENCHMARKS.md, "Intent classification".
 */
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class UnderstandBenchmark extends JmhDefaults {

    private QuestionUnderstander understander;
    private Questions questions;

    @Setup
    public void load() {
        understander = QuestionUnderstander.load(Gazetteer.load());
        questions = new Questions(Questions.heldOut());
    }

    @Benchmark
    public Understanding understandOneQuestion() {
        return understander.understand(questions.next());
    }
}
