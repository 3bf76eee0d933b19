package org.handoverbot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The figures every harness benchmark reports (median, percentiles, spread) and where it writes them: one JSON
 * file per benchmark in target/benchmarks (-Dbenchmarks.dir, set by the bench profile), beside JMH's jmh.json.
 */
public final class Figures {

    private Figures() {
    }

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    public static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    public static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** The p-th percentile (nearest rank) of values sorted ascending. */
    public static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** a / b, b at least 1 (latencies in whole milliseconds can be 0). */
    public static double ratio(double a, double b) {
        return a / Math.max(1, b);
    }

    /** Writes target/benchmarks/NAME (or -Dbenchmarks.dir/NAME). */
    public static Path write(String name, CharSequence json) {
        Path out = Path.of(System.getProperty("benchmarks.dir", "target/benchmarks"), name);
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The 1-minute load average of the machine, reported beside figures taken on shared cores. */
    public static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Removes a benchmark's temporary folder and everything in it. */
    public static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
