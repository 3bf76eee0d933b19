package org.handoverbot.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.IntentClassifier;
import org.handoverbot.nlp.IntentEvaluation;
import org.handoverbot.nlp.LabelledQuestion;
import org.handoverbot.nlp.QuestionTokens;
import org.handoverbot.nlp.QuestionUnderstander;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Scores the intent model on a labelled file: accuracy, per-intent precision and recall, confusion matrix. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate the intent model on a labelled file (label<TAB>question).")
public final class EvaluateCommand implements Callable<Integer> {

    @Parameters(index = "0", defaultValue = "models/intents-test.txt",
            description = "labelled questions (default: ${DEFAULT-VALUE})")
    Path file;

    @Option(names = "--model", description = "model file (default: the one the jar carries)")
    Path model;

    @Option(names = "--cross-validate", paramLabel = "K",
            description = "instead: K-fold cross-validation of freshly trained models on the file")
    Integer folds;

    @Override
    public Integer call() {
        try {
            Gazetteer gazetteer = Gazetteer.load();
            if (folds != null) {
                if (folds < 2) {
                    System.err.println("evaluate: --cross-validate needs at least 2 folds");
                    return 2;
                }
                System.out.print(IntentEvaluation.crossValidate(LabelledQuestion.read(file),
                        new QuestionTokens(gazetteer), folds).report());
                return 0;
            }
            QuestionUnderstander understander;
            if (model == null) {
                understander = QuestionUnderstander.load(gazetteer);
            } else {
                try (InputStream in = Files.newInputStream(model)) {
                    understander = new QuestionUnderstander(new QuestionTokens(gazetteer), IntentClassifier.read(in));
                }
            }
            IntentEvaluation evaluation = IntentEvaluation.of(LabelledQuestion.read(file), understander);
            System.out.print(evaluation.report());
            return 0;
        } catch (NoSuchFileException e) {
            System.err.println("evaluate: no such file: " + e.getFile() + "");
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("evaluate: " + e.getMessage());
            return 1;
        }
    }
}
