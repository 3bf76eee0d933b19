package org.handoverbot.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.IntentClassifier;
import org.handoverbot.nlp.LabelledQuestion;
import org.handoverbot.nlp.QuestionTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Rebuilds the intent model from the training data; run from the project folder, then rebuild the jar. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Rebuild models/intent-model.bin from models/intents-train.txt (same data, same model).")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--data", description = "labelled questions, label<TAB>question (default: ${DEFAULT-VALUE})")
    Path data = Path.of("models/intents-train.txt");

    @Option(names = "--gazetteer", description = "names file (default: ${DEFAULT-VALUE})")
    Path gazetteerFile = Path.of("models/gazetteer.json");

    @Option(names = "--out", description = "model file to write (default: ${DEFAULT-VALUE})")
    Path out = Path.of("models/intent-model.bin");

    @Override
    public Integer call() {
        try {
            byte[] bytes = Files.readAllBytes(data);
            List<LabelledQuestion> questions = LabelledQuestion.read(data);
            Gazetteer gazetteer;
            try (InputStream in = Files.newInputStream(gazetteerFile)) {
                gazetteer = Gazetteer.read(in);
            }
            IntentClassifier classifier = IntentClassifier.train(questions, new QuestionTokens(gazetteer),
                    IntentClassifier.sha256(bytes));
            try (OutputStream os = Files.newOutputStream(out)) {
                classifier.write(os);
            }
            System.out.printf("trained on %d questions from %s; wrote %s%n", questions.size(), data, out);
            return 0;
        } catch (NoSuchFileException e) {
            System.err.println("train: no such file: " + e.getFile() + " (run train from the project folder)");
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("train: " + e.getMessage());
            return 1;
        }
    }
}
