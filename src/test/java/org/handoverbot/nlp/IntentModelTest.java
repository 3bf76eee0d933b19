package org.handoverbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

class IntentModelTest {

    private static final Gazetteer GAZETTEER = Gazetteer.load();
    private static final QuestionTokens READER = new QuestionTokens(GAZETTEER);

    private static IntentClassifier committedModel() throws IOException {
        try (InputStream in = IntentModelTest.class.getResourceAsStream(QuestionUnderstander.MODEL_RESOURCE)) {
            return IntentClassifier.read(in);
        }
    }

    @Test
    void theCommittedModelWasTrainedOnTheCommittedData() throws IOException {
        assertThat(committedModel().trainingDataSha256())
                .as("models/intent-model.bin is stale: run `java -jar target/handover-bot.jar train` and commit it")
                .isEqualTo(IntentClassifier.sha256(Files.readAllBytes(IntentDataTest.TRAIN)));
    }

    @Test
    void classifyingGivesExactlyTheProbabilitiesOfOpenNlpsCategoriser() throws IOException {
        IntentClassifier committed = committedModel();
        List<LabelledQuestion> questions = new java.util.ArrayList<>(LabelledQuestion.read(IntentDataTest.TEST));
        questions.addAll(LabelledQuestion.read(IntentDataTest.TRAIN));
        assertThat(committed.indexed()).as("the committed model is looked up without feature strings").isTrue();
        for (LabelledQuestion question : questions) {
            String[] tokens = READER.read(question.question()).classifierTokens();
            assertThat(committed.probabilities(tokens)).as(question.question())
                    .containsExactly(committed.categorizerProbabilities(tokens));
        }
        // token arrays no question gives: none, placeholders only, joins that make a bigram ambiguous, odd chars
        List<String[]> odd = List.of(new String[0], new String[] {"BASE"}, new String[] {"BASE", "DATE", "NUM"},
                new String[] {"متى", "سلم_التحالف"}, new String[] {"متى_سلم", "التحالف"}, new String[] {"_", "_", "_"},
                new String[] {"\0", "\0\0", "a\0b", "^", "$", "^$"}, new String[] {"x"}, new String[] {"سلمت"});
        for (String[] tokens : odd) {
            assertThat(committed.probabilities(tokens)).as(String.join(" ", tokens))
                    .containsExactly(committed.categorizerProbabilities(tokens));
        }
    }

    @Test
    void retrainingOnTheDataGivesTheCommittedModelsAnswers() throws IOException {
        IntentClassifier committed = committedModel();
        IntentClassifier retrained = IntentClassifier.train(LabelledQuestion.read(IntentDataTest.TRAIN), READER, "test");
        for (LabelledQuestion question : LabelledQuestion.read(IntentDataTest.TEST)) {
            String[] tokens = READER.read(question.question()).classifierTokens();
            IntentClassifier.Scored expected = committed.classify(tokens);
            IntentClassifier.Scored actual = retrained.classify(tokens);
            assertThat(actual.intent()).as(question.question()).isEqualTo(expected.intent());
            assertThat(actual.confidence()).as(question.question()).isCloseTo(expected.confidence(),
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void aSavedModelKeepsItsFeatureGeneratorsWhenLoaded() throws IOException {
        List<LabelledQuestion> data = LabelledQuestion.read(IntentDataTest.TRAIN);
        IntentClassifier trained = IntentClassifier.train(data, READER, "x");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        trained.write(bytes);
        IntentClassifier loaded = IntentClassifier.read(new ByteArrayInputStream(bytes.toByteArray()));
        String[] tokens = READER.read("شوكت سلموا القايم؟").classifierTokens();
        assertThat(loaded.classify(tokens)).isEqualTo(trained.classify(tokens));
        assertThat(loaded.trainingDataSha256()).isEqualTo("x");
    }

    @Test
    void theHeldOutQuestionsMeetTheAccuracyTargets() throws IOException {
        IntentEvaluation evaluation = IntentEvaluation.of(LabelledQuestion.read(IntentDataTest.TEST),
                QuestionUnderstander.load(GAZETTEER));
        assertThat(evaluation.accuracy()).as(evaluation.report()).isGreaterThanOrEqualTo(0.95);
        assertThat(evaluation.precision(Intent.OUT_OF_SCOPE)).as(evaluation.report()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void noHeldOutOffTopicQuestionGetsAConfidentHandoverIntent() throws IOException {
        QuestionUnderstander understander = QuestionUnderstander.load(GAZETTEER);
        for (LabelledQuestion question : LabelledQuestion.read(IntentDataTest.TEST)) {
            if (question.intent() != Intent.OUT_OF_SCOPE) {
                continue;
            }
            Understanding u = understander.understand(question.question());
            assertThat(u.intent() == Intent.OUT_OF_SCOPE || !QuestionUnderstander.isConfident(u))
                    .as("%s -> %s %.2f", question.question(), u.intent(), u.confidence()).isTrue();
        }
    }
}
