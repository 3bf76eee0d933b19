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
 * The held-out frame questions (models/frames-test.txt), written before the role rules and training additions
 * they test: acts as classified, slots as the role rules tag them. Prints the figures, also those of the frame
 * the code had before role rules (every base a subject), for BENCHMARKS.md.
 */
class FrameHeldOutTest {

    static List<FrameExpectation> expected;
    static QuestionUnderstander understander;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("models/frames-test.txt"))) {
            expected = FrameExpectation.read(in, "models/frames-test.txt");
        }
        understander = QuestionUnderstander.load(Gazetteer.load());
    }

    @Test
    void heldOutActsAreClassifiedAtLeast95PercentRight() {
        List<String> misses = new ArrayList<>();
        int right = 0;
        for (FrameExpectation e : expected) {
            Understanding u = understander.understand(e.question());
            if (e.actMatches(u.frame())) {
                right++;
            } else {
                misses.add(e.question() + " → " + u.frame().act().label() + " (" + u.confidence() + "), want " + e.act().label());
            }
        }
        double accuracy = 100.0 * right / expected.size();
        System.out.printf("frames-test acts: %d/%d = %.1f%%%n", right, expected.size(), accuracy);
        misses.forEach(m -> System.out.println("  act miss: " + m));
        assertThat(accuracy).isGreaterThanOrEqualTo(95.0);
    }

    @Test
    void heldOutSlotsTakeTheirRoles() {
        List<String> misses = new ArrayList<>();
        int right = 0;
        int basic = 0;
        for (FrameExpectation e : expected) {
            Understanding u = understander.understand(e.question());
            List<String> miss = e.slotMisses(u.frame());
            if (miss.isEmpty()) {
                right++;
            } else {
                misses.add(e.question() + ": " + miss);
            }
            if (e.slotMisses(Frame.basic(u.intent(), u.entities())).isEmpty()) {
                basic++;
            }
        }
        double accuracy = 100.0 * right / expected.size();
        System.out.printf("frames-test slots: %d/%d = %.1f%% (entities alone, as before role rules: %d/%d)%n", right,
                expected.size(), accuracy, basic, expected.size());
        misses.forEach(m -> System.out.println("  slot miss: " + m));
        assertThat(accuracy).isGreaterThanOrEqualTo(90.0);
    }

    @Test
    void noHeldOutFrameQuestionIsTrainedOn() throws IOException {
        Set<String> trained = LabelledQuestion.read(Path.of("models/intents-train.txt")).stream()
                .map(q -> String.join(" ", ArabicText.words(q.question()))).collect(Collectors.toSet());
        assertThat(expected.stream().map(e -> String.join(" ", ArabicText.words(e.question())))
                .filter(trained::contains).toList()).isEmpty();
    }
}
