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

    static List<FrameExpectation> expected;
    static QuestionUnderstander understander;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(FILE))) {
            expected = FrameExpectation.read(in, FILE);
        }
        understander = QuestionUnderstander.load(Gazetteer.load());
    }

    @Test
    void heldOutQuestionsKeepEveryActAndSlotReached() throws IOException {
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
        String line = String.format("held-out frames (%s): acts %d/%d, slots %d/%d", FILE, acts, expected.size(),
                slots, expected.size());
        System.out.println(line);
        misses.forEach(m -> System.out.println("  " + m));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "heldout-frames.txt"), line + "\n" + String.join("\n", misses) + "\n");
        assertThat(expected).hasSizeGreaterThanOrEqualTo(40);
        assertThat(acts).as(line).isGreaterThanOrEqualTo(ACTS_REACHED);
        assertThat(slots).as(line).isGreaterThanOrEqualTo(SLOTS_REACHED);
    }

    @Test
    void noHeldOutQuestionIsTrainedOn() throws IOException {
        Set<String> trained = LabelledQuestion.read(Path.of("models/intents-train.txt")).stream()
                .map(q -> String.join(" ", ArabicText.words(q.question()))).collect(Collectors.toSet());
        assertThat(expected.stream().map(e -> String.join(" ", ArabicText.words(e.question())))
                .filter(trained::contains).toList()).isEmpty();
    }
}
