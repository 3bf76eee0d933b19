package org.handoverbot.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a burst's CPU goes, per thread group (digits in thread names folded): CPU time from ThreadMXBean, the rest of
 * the process's CPU as "vm" (GC, JIT); and context switches per native thread name from /proc (Linux). The Telegram
 * load benchmark prints both per round with -DthreadCpu=true.
 */
public final class ThreadCpu {

    private ThreadCpu() {
    }

    /** Both readings at one moment. */
    public record Reading(Map<String, Long> cpu, Map<String, Long> switches) {
        public static Reading now() {
            return new Reading(snapshot(), ThreadCpu.switches());
        }
    }

    public static Map<String, Long> snapshot() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new HashMap<>();
        for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null) {
                long t = mx.getThreadCpuTime(info.getThreadId());
                if (t > 0) {
                    cpu.merge(info.getThreadName().replaceAll("\\d+", "N") + "#" + info.getThreadId(), t, Long::sum);
                }
            }
        }
        cpu.put("process", ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime());
        return cpu;
    }

    /** Context switches (voluntary + involuntary, ×1000 so perReply's division reads per reply) by native thread name. */
    public static Map<String, Long> switches() {
        Map<String, Long> out = new HashMap<>();
        long all = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    long n = 0;
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.contains("ctxt_switches")) {
                            n += Long.parseLong(line.replaceAll("\\D", ""));
                        }
                    }
                    out.merge(name + "#" + task.getFileName(), n * 1000, Long::sum);
                    all += n * 1000;
                } catch (java.io.IOException | RuntimeException gone) {
                    // a thread that ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out.put("process", all);
        return out;
    }

    public static String perReply(Map<String, Long> before, Map<String, Long> after, int users, int floor) {
        Map<String, Long> groups = new TreeMap<>();
        for (var e : after.entrySet()) {
            if (!e.getKey().equals("process")) {
                groups.merge(e.getKey().replaceAll("#\\d+$", "").replaceAll("\\d+", "N"),
                        e.getValue() - before.getOrDefault(e.getKey(), 0L), Long::sum);
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "all %.2f: ",
                (after.get("process") - before.get("process")) / 1000.0 / users));
        groups.entrySet().stream().filter(e -> e.getValue() / 1000.0 / users >= 0.05 * floor)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> out.append(e.getKey()).append(' ')
                        .append(String.format(Locale.ROOT, "%.2f", e.getValue() / 1000.0 / users)).append(", "));
        return out.toString();
    }

    public static String perReply(Map<String, Long> before, Map<String, Long> after, int users) {
        Map<String, Long> groups = new TreeMap<>();
        long threads = 0;
        for (var e : after.entrySet()) {
            if (e.getKey().equals("process")) {
                continue;
            }
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            threads += d;
            groups.merge(e.getKey().replaceAll("#\\d+$", ""), d, Long::sum);
        }
        groups.put("vm", after.get("process") - before.get("process") - threads);
        StringBuilder out = new StringBuilder();
        groups.entrySet().stream().filter(e -> e.getValue() / 1000 / users >= 5)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> out.append(e.getKey()).append(' ').append(e.getValue() / 1000 / users).append(", "));
        return out.toString();
    }
}
