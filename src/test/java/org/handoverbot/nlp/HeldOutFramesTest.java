package org.handoverbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.handoverbot.text.ArabicText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The held-out questions (models/frames-heldout*.txt), each batch written before the rules it tests and kept apart
 * from frames-test.txt, whose rules were tuned on it. Prints acts and slots and writes them to target/ under the
 * file's name. The floors are the counts reached so far (each batch's first run is in {@link #BATCHES}): they only
 * rise, so a change that loses a held-out question shows here without a threshold tuned to pass.
 */
class HeldOutFramesTest {

    /**
     * One held-out file: the floors of acts and slots reached so far, the least number of questions it holds, and
     * whether it is checked against the training questions.
     */
    record Batch(String file, int actsReached, int slotsReached, int size, boolean apartFromTraining) {
        @Override
        public String toString() {
            return file;
        }
    }

    static final List<Batch> BATCHES = List.of(
            // the third session's (first run: acts 42/44, slots 37/44)
            new Batch("models/frames-heldout.txt", 44, 43, 40, true),
            // written after the first fixes (first run: acts 16/16, slots 15/16)
            new Batch("models/frames-heldout-2.txt", 16, 16, 15, true),
            // steps still to come, written before the planned-day rules (first run: acts 6/8, slots 7/8); its
            // 'شنو القاعدة الجاية' has since become a training line, left as found
            new Batch("models/frames-heldout-3.txt", 6, 8, 8, false),
            // session 5, written before that session's rules (first run: acts 22/28, slots 22/28)
            new Batch("models/frames-heldout-5.txt", 25, 28, 25, true),
            // session 5, written after the batch-5 fixes (first run: acts 11/12, slots 11/12)
            new Batch("models/frames-heldout-6.txt", 11, 11, 12, true));

    static QuestionUnderstander understander;

    @BeforeAll
    static void load() throws IOException {
        understander = QuestionUnderstander.load(Gazetteer.load());
    }

    static List<FrameExpectation> read(String file) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return FrameExpectation.read(in, file);
        }
    }

    static List<Batch> batches() {
        return BATCHES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batches")
    void eachHeldOutBatchKeepsEveryActAndSlotReached(Batch batch) throws IOException {
        measure(batch.file(), read(batch.file()), batch.actsReached(), batch.slotsReached(), batch.size());
    }

    private static void measure(String file, List<FrameExpectation> expected, int actsReached, int slotsReached,
                                int size) throws IOException {
        List<String> misses = new ArrayList<>();
        int acts = 0;
        int slots = 0;
        for (FrameExpectation e : expected) {
            Understanding u = understander.understand(e.question());
            if (e.actMatches(u.frame())) {
                acts++;
            } else {
                misses.add("act miss: " + e.question() + " → " + u.frame().act().label() + ", want " + e.act().label());
            }
            List<String> miss = e.slotMisses(u.frame());
            if (miss.isEmpty()) {
                slots++;
            } else {
                misses.add("slot miss: " + e.question() + ": " + miss);
            }
        }
        String line = String.format("held-out frames (%s): acts %d/%d, slots %d/%d", file, acts, expected.size(),
                slots, expected.size());
        System.out.println(line);
        misses.forEach(m -> System.out.println("  " + m));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", Path.of(file).getFileName().toString()), line + "\n"
                + String.join("\n", misses) + "\n");
        assertThat(expected).hasSizeGreaterThanOrEqualTo(size);
        assertThat(acts).as(line).isGreaterThanOrEqualTo(actsReached);
        assertThat(slots).as(line).isGreaterThanOrEqualTo(slotsReached);
    }

    @Test
    void noHeldOutQuestionIsTrainedOn() throws IOException {
        Set<String> trained = LabelledQuestion.read(Path.of("models/intents-train.txt")).stream()
                .map(q -> String.join(" ", ArabicText.words(q.question()))).collect(Collectors.toSet());
        List<String> heldOut = new ArrayList<>();
        for (Batch batch : BATCHES) {
            if (batch.apartFromTraining()) {
                read(batch.file()).forEach(e -> heldOut.add(String.join(" ", ArabicText.words(e.question()))));
            }
        }
        assertThat(heldOut.stream().filter(trained::contains).toList()).isEmpty();
    }
}
