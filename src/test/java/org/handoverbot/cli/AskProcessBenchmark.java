package org.handoverbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.handoverbot.bench.Figures;
import org.junit.jupiter.api.Test;

/**
 * One `java -jar target/handover-bot.jar ask "…"` as a whole process, as a user runs it: the time from
 * starting the process to the printed answer, to its exit, and its peak RSS (from `ask --stats`, VmHWM).
 * Beside it, in alternate runs of the same benchmark: the same command through the launcher {@code bin/handover-bot}
 * (a class archive, AppCDS, made by its first one-off command after a build, and C1 only for one question), as README
 * suggests for command-line use; and the baseline `java -jar target/handover-bot.jar --version` (the same JVM on the
 * same jar, the command line parsed, nothing of the bot loaded): the ratios survive a noisy machine. The database is
 * made and seeded, and the launcher's archive made, by one launcher run before measuring, as a bot's folder has them.
 * Runs after `package` in the bench profile (it needs the jar); results in target/benchmarks/ask-process.json.
 * -Dask.runs=N (default 7).
 */
class AskProcessBenchmark {

    private static final String QUESTION = "متى تم تسليم قاعدة القائم؟";
    private static final Pattern STATS = Pattern.compile("answered (-?\\d+) ms .* peak RSS (-?[0-9.]+) MiB");

    private record Run(double answeredMs, double exitMs, double rssMiB) {
    }

    @Test
    void askAsAProcessBesideTheBareJvmOnTheSameJar() throws Exception {
        Path jar = Path.of("target", "handover-bot.jar").toAbsolutePath();
        assertThat(jar).as("the jar (run after package: mvn -Pbench verify)").exists();
        Path folder = Files.createTempDirectory("ask-process");
        try {
            int runs = Integer.getInteger("ask.runs", 7);
            Path launcher = Path.of("bin", "handover-bot").toAbsolutePath();
            List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    jar.toString());
            // the first run makes and seeds the database and the launcher's class archive (README: faster start)
            run(List.of(launcher.toString()), jar, folder, "ask", "--stats", QUESTION);
            List<Run> asks = new ArrayList<>();
            List<Run> tunedAsks = new ArrayList<>();
            List<Run> bare = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                asks.add(run(java, jar, folder, "ask", "--stats", QUESTION));
                tunedAsks.add(run(List.of(launcher.toString()), jar, folder, "ask", "--stats", QUESTION));
                bare.add(run(java, jar, folder, "--version"));
            }
            report(asks, tunedAsks, bare);
        } finally {
            Figures.deleteTree(folder);
        }
    }

    /** The command (java -jar JAR, or the launcher) with args, in folder; the launcher keeps its archive there. */
    private static Run run(List<String> program, Path jar, Path folder, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(program);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(folder.toFile());
        pb.environment().put("HANDOVER_DB_URL", "jdbc:h2:file:" + folder.resolve("data/handover").toAbsolutePath()
                + ";AUTO_SERVER=TRUE");
        pb.environment().put("HANDOVER_JAR", jar.toString());
        pb.environment().put("HANDOVER_CDS_DIR", folder.resolve("cds").toString());
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().remove("TELEGRAM_BOT_TOKEN");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        long start = System.nanoTime();
        Process p = pb.start();
        double answered;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            answered = (System.nanoTime() - start) / 1e6;
            assertThat(first).as("the process printed an answer").isNotNull();
            while (out.readLine() != null) {
                // drain
            }
        }
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(err).isZero();
        double exit = (System.nanoTime() - start) / 1e6;
        Matcher m = STATS.matcher(err);
        return new Run(answered, exit, m.find() ? Double.parseDouble(m.group(2)) : Double.NaN);
    }

    private static void report(List<Run> asks, List<Run> tuned, List<Run> bare) throws IOException {
        double askAnswered = median(asks, Run::answeredMs);
        double tunedAnswered = median(tuned, Run::answeredMs);
        double bareAnswered = median(bare, Run::answeredMs);
        String line = String.format(Locale.ROOT, "ask as a process, median of %d: answer printed after %.0f ms (%.0f-%.0f), "
                        + "exit after %.0f ms, peak RSS %.1f MiB (%.1f-%.1f); through bin/handover-bot (AppCDS, C1): %.0f ms (%.0f-%.0f), "
                        + "peak RSS %.1f MiB; bare JVM on the jar (--version): %.0f ms (%.0f-%.0f); ratios to it %.2f and %.2f",
                asks.size(), askAnswered, min(asks, Run::answeredMs), max(asks, Run::answeredMs), median(asks, Run::exitMs),
                median(asks, Run::rssMiB), min(asks, Run::rssMiB), max(asks, Run::rssMiB), tunedAnswered,
                min(tuned, Run::answeredMs), max(tuned, Run::answeredMs), median(tuned, Run::rssMiB), bareAnswered,
                min(bare, Run::answeredMs), max(bare, Run::answeredMs), askAnswered / bareAnswered,
                tunedAnswered / bareAnswered);
        System.out.println(line);
        StringBuilder json = new StringBuilder("{\"ask\": [");
        append(json, asks);
        json.append("], \"askThroughLauncher\": [");
        append(json, tuned);
        json.append("], \"bareJvm\": [");
        append(json, bare);
        json.append(String.format(Locale.ROOT, "], \"medianAnsweredMs\": %.1f, \"medianPeakRssMiB\": %.1f, "
                + "\"medianAnsweredMsThroughLauncher\": %.1f, \"medianBareMs\": %.1f, \"ratio\": %.3f, "
                + "\"ratioThroughLauncher\": %.3f}%n", askAnswered, median(asks, Run::rssMiB), tunedAnswered,
                bareAnswered, askAnswered / bareAnswered, tunedAnswered / bareAnswered));
        Figures.write("ask-process.json", json);
    }

    private static void append(StringBuilder json, List<Run> runs) {
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            json.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                    "{\"answeredMs\": %.1f, \"exitMs\": %.1f, \"peakRssMiB\": %.1f}", r.answeredMs(), r.exitMs(),
                    Double.isNaN(r.rssMiB()) ? -1.0 : r.rssMiB()));
        }
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        return Figures.median(runs.stream().mapToDouble(f).toArray());
    }

    private static double min(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        return Figures.min(runs.stream().mapToDouble(f).toArray());
    }

    private static double max(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        return Figures.max(runs.stream().mapToDouble(f).toArray());
    }
}
