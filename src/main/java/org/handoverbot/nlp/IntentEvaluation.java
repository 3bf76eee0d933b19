package org.handoverbot.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How well the understander labels a file of questions: accuracy, per-intent precision and recall, the
 * confusion matrix, and how many answers fall under the confidence threshold.
 */
public final class IntentEvaluation {

    private record Outcome(Intent expected, Intent predicted, double confidence) {
    }

    /** One question the model got wrong. */
    public record Miss(LabelledQuestion expected, Intent predicted, double confidence) {
    }

    private final int[][] confusion = new int[Intent.values().length][Intent.values().length];
    private final List<Miss> misses = new ArrayList<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private int total;
    private int correct;
    private int confident;
    private int confidentCorrect;

    public static IntentEvaluation of(List<LabelledQuestion> questions, QuestionUnderstander understander) {
        IntentEvaluation evaluation = new IntentEvaluation();
        for (LabelledQuestion question : questions) {
            Understanding understanding = understander.understand(question.question());
            evaluation.add(question, understanding.intent(), understanding.confidence());
        }
        return evaluation;
    }

    /**
     * K-fold cross-validation on training data: question i is tested by the model trained without fold i % k.
     * Deterministic, and with several hundred questions a steadier measure for choosing the threshold.
     */
    public static IntentEvaluation crossValidate(List<LabelledQuestion> data, QuestionTokens reader, int folds) {
        return crossValidate(data, reader, folds, IntentClassifier.parameters());
    }

    static IntentEvaluation crossValidate(List<LabelledQuestion> data, QuestionTokens reader, int folds,
                                          opennlp.tools.util.TrainingParameters parameters) {
        IntentEvaluation evaluation = new IntentEvaluation();
        for (int fold = 0; fold < folds; fold++) {
            List<LabelledQuestion> train = new ArrayList<>();
            List<LabelledQuestion> test = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                (i % folds == fold ? test : train).add(data.get(i));
            }
            QuestionUnderstander understander = new QuestionUnderstander(reader,
                    IntentClassifier.train(train, reader, "cross-validation", parameters));
            for (LabelledQuestion question : test) {
                Understanding understanding = understander.understand(question.question());
                evaluation.add(question, understanding.intent(), understanding.confidence());
            }
        }
        return evaluation;
    }

    private void add(LabelledQuestion question, Intent predicted, double confidence) {
        total++;
        outcomes.add(new Outcome(question.intent(), predicted, confidence));
        confusion[question.intent().ordinal()][predicted.ordinal()]++;
        boolean right = predicted == question.intent();
        if (right) {
            correct++;
        } else {
            misses.add(new Miss(question, predicted, confidence));
        }
        if (confidence >= QuestionUnderstander.CONFIDENCE_THRESHOLD) {
            confident++;
            if (right) {
                confidentCorrect++;
            }
        }
    }

    public int total() {
        return total;
    }

    public double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    /** Of the questions predicted as this intent, the share that really are. 1 when none was predicted. */
    public double precision(Intent intent) {
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[intent.ordinal()];
        }
        return predicted == 0 ? 1 : (double) confusion[intent.ordinal()][intent.ordinal()] / predicted;
    }

    /** Of the questions of this intent, the share found. 1 when the file has none. */
    public double recall(Intent intent) {
        int actual = 0;
        for (int count : confusion[intent.ordinal()]) {
            actual += count;
        }
        return actual == 0 ? 1 : (double) confusion[intent.ordinal()][intent.ordinal()] / actual;
    }

    public int count(Intent expected, Intent predicted) {
        return confusion[expected.ordinal()][predicted.ordinal()];
    }

    public List<Miss> misses() {
        return List.copyOf(misses);
    }

    /** Share of questions at or above the confidence threshold. */
    public double confidentShare() {
        return total == 0 ? 0 : (double) confident / total;
    }

    /** Accuracy among the questions at or above the confidence threshold. */
    public double confidentAccuracy() {
        return confident == 0 ? 0 : (double) confidentCorrect / confident;
    }

    /** A plain-text report: summary, per-intent table, confusion matrix (rows expected, columns predicted), misses. */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "questions: %d%naccuracy: %.1f%% (%d/%d)%n", total, 100 * accuracy(),
                correct, total));
        out.append(String.format(Locale.ROOT, "out_of_scope precision: %.1f%%, recall: %.1f%%%n",
                100 * precision(Intent.OUT_OF_SCOPE), 100 * recall(Intent.OUT_OF_SCOPE)));
        out.append(String.format(Locale.ROOT, "confidence >= %.2f: %.1f%% of questions, accuracy among them %.1f%%%n%n",
                QuestionUnderstander.CONFIDENCE_THRESHOLD, 100 * confidentShare(), 100 * confidentAccuracy()));
        out.append(String.format(Locale.ROOT, "%-13s %9s %7s %7s%n", "intent", "precision", "recall", "support"));
        for (Intent intent : Intent.values()) {
            int support = 0;
            for (int c : confusion[intent.ordinal()]) {
                support += c;
            }
            out.append(String.format(Locale.ROOT, "%-13s %8.1f%% %6.1f%% %7d%n", intent.label(),
                    100 * precision(intent), 100 * recall(intent), support));
        }
        out.append("\nconfusion matrix (rows: expected, columns: predicted, numbered as the rows)\n");
        out.append(String.format(Locale.ROOT, "%-16s", ""));
        for (Intent intent : Intent.values()) {
            out.append(String.format(Locale.ROOT, "%4d", intent.ordinal() + 1));
        }
        out.append('\n');
        for (Intent expected : Intent.values()) {
            out.append(String.format(Locale.ROOT, "%2d %-13s", expected.ordinal() + 1, expected.label()));
            for (Intent predicted : Intent.values()) {
                int n = count(expected, predicted);
                out.append(String.format(Locale.ROOT, "%4s", n == 0 ? "." : Integer.toString(n)));
            }
            out.append('\n');
        }
        out.append(thresholdTable());
        if (!misses.isEmpty()) {
            out.append("\nmisses (expected -> predicted, confidence: question)\n");
            for (Miss miss : misses) {
                out.append(String.format(Locale.ROOT, "%s -> %s %.2f: %s%n", miss.expected().intent().label(),
                        miss.predicted().label(), miss.confidence(), miss.expected().question()));
            }
        }
        return out.toString();
    }

    /**
     * What each candidate threshold would do: how many questions it keeps, how right the kept ones are, how many
     * on-topic questions it turns away, and how many off-topic ones still get an on-topic answer.
     */
    public String thresholdTable() {
        StringBuilder out = new StringBuilder("\nthreshold  kept  accuracy-kept  on-topic-refused  off-topic-answered\n");
        for (int step = 0; step <= 8; step++) {
            double threshold = 0.1 * step;
            int kept = 0;
            int keptRight = 0;
            int onTopicRefused = 0;
            int offTopicAnswered = 0;
            for (Outcome o : outcomes) {
                boolean confident = o.confidence() >= threshold;
                boolean offTopic = o.expected() == Intent.OUT_OF_SCOPE;
                if (confident) {
                    kept++;
                    keptRight += o.expected() == o.predicted() ? 1 : 0;
                    offTopicAnswered += offTopic && o.predicted() != Intent.OUT_OF_SCOPE ? 1 : 0;
                } else if (!offTopic) {
                    onTopicRefused++;
                }
            }
            out.append(String.format(Locale.ROOT, "%9.1f %5.1f%% %13.1f%% %17d %19d%n", threshold,
                    100.0 * kept / Math.max(1, total), 100.0 * keptRight / Math.max(1, kept), onTopicRefused,
                    offTopicAnswered));
        }
        return out.toString();
    }
}
