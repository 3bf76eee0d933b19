package org.handoverbot.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Turns any message into an {@link Understanding}: the intent with the classifier's confidence, and the bases,
 * people, organisations, date and ordinal it names. Below {@link #CONFIDENCE_THRESHOLD} the intent is a guess
 * and the answer layer should ask the user to rephrase ({@link #isConfident}). Never throws on any text;
 * thread-safe, one instance serves every chat.
 */
public final class QuestionUnderstander {

    public static final String MODEL_RESOURCE = "/models/intent-model.bin";

    /**
     * Measured with `evaluate` (BENCHMARKS.md, "Intent classification"): on the 399 held-out questions 0.4 keeps
     * 97% of them at 99.2% accuracy and answers no off-topic one (0.3 once let a weather question through); in
     * cross-validation it answers 13 of 130 off-topic questions against 17 at 0.3, and turns away 109 on-topic
     * ones against 157 at 0.5. Asking to rephrase costs the user less than an answer to another question.
     */
    public static final double CONFIDENCE_THRESHOLD = 0.4;

    private final QuestionTokens reader;
    private final IntentClassifier classifier;
    private final FrameReader frames;

    public QuestionUnderstander(QuestionTokens reader, IntentClassifier classifier) {
        this(reader, classifier, new FrameReader(FrameRules.load()));
    }

    public QuestionUnderstander(QuestionTokens reader, IntentClassifier classifier, FrameReader frames) {
        this.reader = reader;
        this.classifier = classifier;
        this.frames = frames;
    }

    /** The understander with the model the jar carries. */
    public static QuestionUnderstander load(Gazetteer gazetteer) {
        try (InputStream in = QuestionUnderstander.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("intent model not found on the class path: " + MODEL_RESOURCE);
            }
            return new QuestionUnderstander(new QuestionTokens(gazetteer), IntentClassifier.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the intent model " + MODEL_RESOURCE, e);
        }
    }

    public Understanding understand(String text) {
        String question = text == null ? "" : text;
        QuestionTokens.Read read = reader.read(question);
        if (read.classifierTokens().length == 0) {
            // Nothing readable (empty, emoji, punctuation): nothing to classify.
            return new Understanding(question, Intent.OUT_OF_SCOPE, 0.0, read.entities(),
                    frames.read(question, read, Intent.OUT_OF_SCOPE));
        }
        IntentClassifier.Scored scored = classifier.classify(read.classifierTokens());
        return new Understanding(question, scored.intent(), scored.confidence(), read.entities(),
                frames.read(question, read, scored.intent()));
    }

    /** True when the intent can be acted on; false means "say you did not understand, ask to rephrase". */
    public static boolean isConfident(Understanding understanding) {
        return understanding.confidence() >= CONFIDENCE_THRESHOLD;
    }
}
