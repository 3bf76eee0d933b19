package org.handoverbot.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/** One line of figures for `ask --stats` (one question or --json): the benchmarks in BENCHMARKS.md read them. */
final class RunStats {

    private RunStats() {
    }

    static String line(long questions, long startNanos, long answerNanos) {
        double seconds = answerNanos / 1e9;
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT,
                "stats: %d questions in %.3f s = %.1f questions/s (%.2f ms each); start-up %.3f s; "
                        + "peak heap %.1f MiB (sum of pool peaks), heap now %.1f MiB of %.1f MiB committed, max %.0f MiB",
                questions, seconds, questions / Math.max(seconds, 1e-9), seconds * 1000 / Math.max(questions, 1),
                startNanos / 1e9, peakHeap / 1048576.0, (rt.totalMemory() - rt.freeMemory()) / 1048576.0,
                rt.totalMemory() / 1048576.0, rt.maxMemory() / 1048576.0);
    }

    /**
     * For one question: milliseconds from the process's start (as the OS records it) to the printed answer,
     * and the peak resident memory so far (VmHWM, where /proc has it; -1 elsewhere).
     */
    static String oneQuestion() {
        long started = ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(-1L);
        long answeredMs = started < 0 ? -1 : System.currentTimeMillis() - started;
        return String.format(Locale.ROOT, "stats: answered %d ms after the process started; peak RSS %.1f MiB",
                answeredMs, peakRssKb() / 1024.0);
    }

    private static long peakRssKb() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return -1024;
    }
}
