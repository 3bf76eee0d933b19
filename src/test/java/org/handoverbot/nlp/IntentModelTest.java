package org.handoverbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class IntentModelTest {

    private static final Path TRAINING_DATA = Path.of("models/intents-train.txt");

    @Test
    void theCommittedModelWasTrainedOnTheCommittedData() throws IOException {
        IntentClassifier committed;
        try (InputStream in = getClass().getResourceAsStream(QuestionUnderstander.MODEL_RESOURCE)) {
            committed = IntentClassifier.read(in);
        }
        assertThat(committed.trainingDataSha256())
                .as("models/intent-model.bin is stale: run `java -jar target/handover-bot.jar train` and commit it")
                .isEqualTo(IntentClassifier.sha256(Files.readAllBytes(TRAINING_DATA)));
    }
}
