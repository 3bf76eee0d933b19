package org.handoverbot.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.handoverbot.bench.Figures;
import org.handoverbot.bench.JmhDefaults;
import org.handoverbot.bench.Questions;
import org.handoverbot.config.Settings;
import org.handoverbot.nlp.Understanding;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * `ask --json` in one JVM, as the command runs it (JsonAnswers over the composed Application: seeded H2 file,
 * the knowledge model in memory, the trained understander), over the held-out questions
 * (models/intents-test.txt) and the answer benchmark's questions (src/test/resources/ask-benchmark: bases,
 * timeline, counts, ordinals, comparisons, noise), cycled:
 * <ul>
 *   <li>{@code askJson20000}: 20,000 lines through {@code JsonAnswers.run}, one shot per iteration (questions/s
 *   is 20,000 divided by its time);</li>
 *   <li>{@code askJsonOneQuestion}: one line, sampled (median, p99 per question);</li>
 *   <li>{@code understandOneQuestion}: understanding alone, the baseline measured in the same run.</li>
 * </ul>
 * The sampled ones take {@link JmhDefaults}' mode and unit; the 20,000-line shot sets its own.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dfile.encoding=UTF-8"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class AskBenchmark extends JmhDefaults {

    private static final int LINES = 20_000;

    private Path dir;
    private Application app;
    private JsonAnswers answers;
    private Questions questions;
    private String input;
    private PrintStream sink;
    /**
     * CPU time of the whole process per 20,000 (ask --json answers on every core, so the calling thread alone would
     * miss work): on a shared machine, the figure other processes cannot inflate; GC and JIT count too.
     */
    private final List<Double> cpuSeconds = new ArrayList<>();

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("ask-bench");
        app = new Application(Settings.from(Map.of("HANDOVER_DB_URL",
                "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";AUTO_SERVER=TRUE")));
        answers = new JsonAnswers(app.understander(), app.dialogue());
        questions = new Questions(Questions.heldOutAndAnswerBenchmark());
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            lines.append(questions.get(i).replace('\n', ' ')).append('\n');
        }
        input = lines.toString();
        sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        if (!cpuSeconds.isEmpty()) {
            // the four warm-up shots come first
            List<Double> measured = cpuSeconds.subList(Math.min(4, cpuSeconds.size() - 1), cpuSeconds.size());
            System.out.printf(java.util.Locale.ROOT, "%nask --json, CPU of the process per %d questions: %s s "
                    + "(questions per CPU-second: %s)%n", LINES, measured.stream().map(c -> String.format(java.util.Locale.ROOT,
                    "%.2f", c)).toList(), measured.stream().map(c -> String.format(java.util.Locale.ROOT, "%.0f", LINES / c))
                    .toList());
        }
        app.close();
        Figures.deleteTree(dir);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 4)
    @Measurement(iterations = 5)
    public long askJson20000() throws IOException {
        long cpu = processCpuNanos();
        long answered = answers.run(new BufferedReader(new StringReader(input)), sink);
        cpuSeconds.add((processCpuNanos() - cpu) / 1e9);
        return answered;
    }

    @Benchmark
    public String askJsonOneQuestion() {
        return answers.answer(questions.next());
    }

    @Benchmark
    public Understanding understandOneQuestion() {
        return app.understander().understand(questions.next());
    }
}
