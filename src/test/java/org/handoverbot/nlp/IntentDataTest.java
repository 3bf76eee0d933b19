package org.handoverbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.handoverbot.text.ArabicText;
import org.junit.jupiter.api.Test;

class IntentDataTest {

    static final Path TRAIN = Path.of("models/intents-train.txt");
    static final Path TEST = Path.of("models/intents-test.txt");

    private static Map<Intent, Long> perIntent(List<LabelledQuestion> questions) {
        Map<Intent, Long> counts = new EnumMap<>(Intent.class);
        questions.forEach(q -> counts.merge(q.intent(), 1L, Long::sum));
        return counts;
    }

    /** Two questions are the same when they read the same once normalised: punctuation and spelling noise aside. */
    private static Set<String> readings(List<LabelledQuestion> questions) {
        return questions.stream().map(q -> String.join(" ", ArabicText.words(q.question()))).collect(Collectors.toSet());
    }

    @Test
    void everyIntentHasAtLeastFortyTrainingQuestions() throws IOException {
        Map<Intent, Long> counts = perIntent(LabelledQuestion.read(TRAIN));
        for (Intent intent : Intent.values()) {
            assertThat(counts.getOrDefault(intent, 0L)).as(intent.label()).isGreaterThanOrEqualTo(40);
        }
    }

    @Test
    void theHeldOutFileHasTwoHundredQuestionsCoveringEveryIntent() throws IOException {
        List<LabelledQuestion> test = LabelledQuestion.read(TEST);
        assertThat(test).hasSizeGreaterThanOrEqualTo(200);
        assertThat(perIntent(test).keySet()).containsExactlyInAnyOrder(Intent.values());
    }

    @Test
    void noHeldOutQuestionIsAlsoATrainingQuestion() throws IOException {
        Set<String> shared = readings(LabelledQuestion.read(TRAIN));
        shared.retainAll(readings(LabelledQuestion.read(TEST)));
        assertThat(shared).isEmpty();
    }
}
