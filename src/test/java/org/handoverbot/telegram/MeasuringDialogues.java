package org.handoverbot.telegram;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

import org.handoverbot.answer.Dialogue;
import org.handoverbot.answer.Reply;

/**
 * Dialogues the Telegram load benchmark can put in the bot's place, to take the bot's latency apart (measuring
 * devices: the bot itself has none of them). Chosen by system property: -DechoDialogue=true, -DmemoDialogue=true;
 * -DtimeAnswers=true wraps whichever runs.
 */
final class MeasuringDialogues {

    private MeasuringDialogues() {
    }

    /** Around the bot's real dialogue: buttons and commands go to it as usual; texts are what a device changes. */
    abstract static class Around implements Dialogue {
        final Dialogue real;

        Around(Dialogue real) {
            this.real = real;
        }

        @Override
        public Reply onButton(long chatId, String callbackData) {
            return real.onButton(chatId, callbackData);
        }

        @Override
        public Reply onCommand(long chatId, String command, String argument) {
            return real.onCommand(chatId, command, argument);
        }
    }

    /** The dialogue a run asks for, around the bot's real one. */
    static Dialogue chosen(Dialogue real) {
        return Boolean.getBoolean("echoDialogue") ? new EchoDialogue(real)
                : Boolean.getBoolean("memoDialogue") ? new MemoDialogue(real) : real;
    }

    /**
     * With -DechoDialogue=true the bot answers each text with the text itself (buttons and commands as usual): the
     * whole bot (duplicate guard, lanes, flood guard, gate, HTML renderer) without understanding and composing, so
     * a run shows how much of the bot's latency is the answer's own work and how much everything around it.
     */
    public static final class EchoDialogue extends Around {
        EchoDialogue(Dialogue real) {
            super(real);
        }

        @Override
        public Reply onText(long chatId, String text) {
            return Reply.of(Reply.Paragraph.plain(text));
        }
    }

    /**
     * -DmemoDialogue=true: each question's real reply, computed once and then handed out again (a measuring device, not
     * a cache the bot has): the whole bot sending its real replies, without the cost of answering. Bot minus this is
     * what answering costs inside the burst; this minus the echo dialogue is what the longer, richer replies cost.
     */
    public static final class MemoDialogue extends Around {
        private final ConcurrentHashMap<String, Reply> replies = new ConcurrentHashMap<>();

        MemoDialogue(Dialogue real) {
            super(real);
        }

        @Override
        public Reply onText(long chatId, String text) {
            return replies.computeIfAbsent(text, t -> real.onText(chatId, t));
        }
    }

    /** -DtimeAnswers=true: each text answer's thread CPU inside the rounds (one ThreadMXBean read either side). */
    public static final class TimedDialogue extends Around {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        private final LongAdder bytes = new LongAdder();
        private long gcMillis;

        TimedDialogue(Dialogue real) {
            super(real);
        }

        @Override
        public Reply onText(long chatId, String text) {
            long before = threads.getCurrentThreadCpuTime();
            long bytesBefore = ((com.sun.management.ThreadMXBean) threads).getCurrentThreadAllocatedBytes();
            Reply reply = real.onText(chatId, text);
            nanos.add(threads.getCurrentThreadCpuTime() - before);
            bytes.add(((com.sun.management.ThreadMXBean) threads).getCurrentThreadAllocatedBytes() - bytesBefore);
            return reply;
        }

        String takeFigure() {
            List<Long> all = new ArrayList<>();
            for (Long n; (n = nanos.poll()) != null; ) {
                all.add(n);
            }
            long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
            long gcRound = gc - gcMillis;
            gcMillis = gc;
            long allocated = bytes.sumThenReset();
            double[] micros = all.stream().mapToDouble(n -> n / 1000.0).sorted().toArray();
            return micros.length == 0 ? "none" : String.format(Locale.ROOT, "%d, CPU µs p50 %.0f, p90 %.0f, mean %.0f; %.1f KB each; GC %d ms in the round",
                    micros.length, micros[micros.length / 2], micros[micros.length * 9 / 10],
                    Arrays.stream(micros).average().orElse(0), allocated / 1024.0 / micros.length, gcRound);
        }
    }
}
