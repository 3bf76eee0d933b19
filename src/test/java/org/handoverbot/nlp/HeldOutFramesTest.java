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

/**
 * The third session's held-out questions (models/frames-heldout.txt), written before any rule they test and kept
 * apart from frames-test.txt, whose rules were tuned on it. Prints acts and slots and writes them to
 * target/heldout-frames.txt. The floors are the counts reached so far (first run: acts 42/44, slots 37/44): they
 * only rise, so a change that loses a held-out question shows here without a threshold tuned to pass.
 */
class HeldOutFramesTest {

    static final String FILE = "models/frames-heldout.txt";
    static final int ACTS_REACHED = 44;
    static final int SLOTS_REACHED = 43;
    /** The second batch, written after the first fixes (first run: acts 16/16, slots 15/16). */
    static final String SECOND = "models/frames-heldout-2.txt";
    static final int SECOND_ACTS_REACHED = 16;
    static final int SECOND_SLOTS_REACHED = 16;

    /** The third batch, steps still to come, written before the planned-day rules (first run: acts 6/8, slots 7/8). */
    static final String THIRD = "models/frames-heldout-3.txt";
    static final int THIRD_ACTS_REACHED = 6;
    static final int THIRD_SLOTS_REACHED = 8;

    /** The fifth batch (session 5), written before that session's rules (first run: acts 22/28, slots 22/28). */
    static final String FIFTH = "models/frames-heldout-5.txt";
    static final int FIFTH_ACTS_REACHED = 25;
    static final int FIFTH_SLOTS_REACHED = 28;

    /** The sixth batch (session 5), written after the batch-5 fixes (first run: acts 11/12, slots 11/12). */
    static final String SIXTH = "models/frames-heldout-6.txt";
    static final int SIXTH_ACTS_REACHED = 11;
    static final int SIXTH_SLOTS_REACHED = 11;

    static List<FrameExpectation> expected;
    static List<FrameExpectation> second;
    static List<FrameExpectation> third;
    static List<FrameExpectation> fifth;
    static List<FrameExpectation> sixth;
    static QuestionUnderstander understander;

    @BeforeAll
    static void load() throws IOException {
        expected = read(FILE);
        second = read(SECOND);
        third = read(THIRD);
        fifth = read(FIFTH);
        sixth = read(SIXTH);
        understander = QuestionUnderstander.load(Gazetteer.load());
    }

    static List<FrameExpectation> read(String file) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return FrameExpectation.read(in, file);
        }
    }

    @Test
    void heldOutQuestionsKeepEveryActAndSlotReached() throws IOException {
        measure(FILE, expected, ACTS_REACHED, SLOTS_REACHED, 40);
    }

    @Test
    void secondHeldOutBatchKeepsEveryActAndSlotReached() throws IOException {
        measure(SECOND, second, SECOND_ACTS_REACHED, SECOND_SLOTS_REACHED, 15);
    }

    @Test
    void thirdHeldOutBatchOfStepsToComeKeepsEveryActAndSlotReached() throws IOException {
        measure(THIRD, third, THIRD_ACTS_REACHED, THIRD_SLOTS_REACHED, 8);
    }

    @Test
    void fifthHeldOutBatchKeepsEveryActAndSlotReached() throws IOException {
        measure(FIFTH, fifth, FIFTH_ACTS_REACHED, FIFTH_SLOTS_REACHED, 25);
    }

    @Test
    void sixthHeldOutBatchKeepsEveryActAndSlotReached() throws IOException {
        measure(SIXTH, sixth, SIXTH_ACTS_REACHED, SIXTH_SLOTS_REACHED, 12);
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
        assertThat(java.util.stream.Stream.of(expected, second, fifth, sixth).flatMap(List::stream)
                .map(e -> String.join(" ", ArabicText.words(e.question())))
                .filter(trained::contains).toList()).isEmpty();
    }
}
