package org.handoverbot.nlp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;
import opennlp.tools.util.ext.ExtensionLoader;

/**
 * OpenNLP's maxent document categoriser over word and character n-grams of a question's classifier tokens
 * (see {@link QuestionTokens}). The model records the SHA-256 of the data it was trained on, so a test can tell
 * when models/intent-model.bin and models/intents-train.txt disagree.
 * Classifying is thread-safe: the categoriser keeps no state between calls and the feature generators none at all.
 */
public final class IntentClassifier {

    /** Manifest key holding the SHA-256 (hex) of the training data file. */
    public static final String TRAINING_DATA_SHA256 = "handoverbot-training-data-sha256";

    private static final String LANGUAGE = "ar";
    private static final String MANIFEST_ENTRY = "manifest.properties";
    private static final String TIMESTAMP_PREFIX = "Timestamp=";
    private static final LocalDateTime FIXED_ENTRY_TIME = LocalDateTime.of(2020, 3, 19, 0, 0);
    // GIS maxent: deterministic, and its probabilities separate real questions from off-topic ones.
    private static final int ITERATIONS = 300;
    // Small data: every feature seen once counts (OpenNLP's default cutoff of 5 would drop most of them).
    private static final int CUTOFF = 1;

    static {
        // Training logs every iteration at INFO; keep the command line and the bot's log readable.
        if (System.getProperty("org.slf4j.simpleLogger.log.opennlp") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.opennlp", "warn");
        }
        // Since OpenNLP 2.5.9 a model only re-creates feature generators from allowed packages.
        ExtensionLoader.registerAllowedPackage(IntentClassifier.class.getPackageName());
    }

    /** An intent and the probability the model gives it. */
    public record Scored(Intent intent, double confidence) {
    }

    private final DoccatModel model;
    private final DocumentCategorizerME categorizer;
    private final Intent[] intentOfOutcome;
    // What DocumentCategorizerME.categorize does, without its linked list of features: the model's generators in
    // the model's order, then the maxent model on the features, so the probabilities are the same numbers.
    private final FeatureGenerator[] generators;
    private final MaxentModel maxent;
    // The same model looked up without feature strings (the model this project trains); else empty.
    private final Optional<IndexedMaxent> indexed;

    private IntentClassifier(DoccatModel model) {
        this.model = model;
        this.categorizer = new DocumentCategorizerME(model);
        this.generators = model.getFactory().getFeatureGenerators().clone();
        this.maxent = model.getMaxentModel();
        this.indexed = IndexedMaxent.of(model);
        this.intentOfOutcome = new Intent[categorizer.getNumberOfCategories()];
        for (int i = 0; i < intentOfOutcome.length; i++) {
            String label = categorizer.getCategory(i);
            intentOfOutcome[i] = Intent.fromLabel(label)
                    .orElseThrow(() -> new IllegalStateException("model has an unknown intent label: " + label));
        }
    }

    /** Trains a model on the questions; {@code dataSha256} is recorded in its manifest. */
    public static IntentClassifier train(List<LabelledQuestion> data, QuestionTokens reader, String dataSha256) {
        return train(data, reader, dataSha256, parameters());
    }

    static TrainingParameters parameters() {
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        parameters.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        parameters.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        parameters.put(TrainingParameters.THREADS_PARAM, 1);
        return parameters;
    }

    static IntentClassifier train(List<LabelledQuestion> data, QuestionTokens reader, String dataSha256,
                                  TrainingParameters parameters) {
        List<DocumentSample> samples = new ArrayList<>(data.size());
        for (LabelledQuestion question : data) {
            samples.add(new DocumentSample(question.intent().label(), reader.read(question.question()).classifierTokens()));
        }
        DoccatFactory factory = new DoccatFactory(
                new FeatureGenerator[] {new WordNGramFeatures(), new CharNGramFeatures()});
        try {
            DoccatModel trained = DocumentCategorizerME.train(LANGUAGE, new CollectionObjectStream<>(samples),
                    parameters, factory);
            DoccatModel stamped = new DoccatModel(LANGUAGE, trained.getMaxentModel(),
                    Map.of(TRAINING_DATA_SHA256, dataSha256), factory);
            return new IntentClassifier(stamped);
        } catch (IOException e) {
            throw new UncheckedIOException("training the intent model failed", e);
        }
    }

    public static IntentClassifier read(InputStream in) throws IOException {
        return new IntentClassifier(new DoccatModel(in));
    }

    /** Writes the model; the same data always gives the same bytes (see {@link #withoutTimes}). */
    public void write(OutputStream out) throws IOException {
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        model.serialize(serialized);
        withoutTimes(serialized.toByteArray(), out);
    }

    /**
     * OpenNLP stamps the training time into a model: zip entry times, the manifest's Timestamp and the date
     * comment Properties writes. Without them a retrain on unchanged data leaves the committed file unchanged.
     */
    private static void withoutTimes(byte[] model, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(model))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(MANIFEST_ENTRY)) {
                    content = manifestWithoutTimes(content);
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(FIXED_ENTRY_TIME);
                zip.putNextEntry(copy);
                zip.write(content);
                zip.closeEntry();
            }
        }
        zip.finish();
    }

    private static byte[] manifestWithoutTimes(byte[] manifest) {
        StringBuilder out = new StringBuilder();
        for (String line : new String(manifest, StandardCharsets.ISO_8859_1).split("\\R")) {
            if (line.startsWith("#")) {
                continue;
            }
            out.append(line.startsWith(TIMESTAMP_PREFIX) ? TIMESTAMP_PREFIX + "0" : line).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The SHA-256 of the training data this model was built from (null for a model without one). */
    public String trainingDataSha256() {
        return model.getManifestProperty(TRAINING_DATA_SHA256);
    }

    public Scored classify(String[] tokens) {
        double[] probabilities = probabilities(tokens);
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return new Scored(intentOfOutcome[best], probabilities[best]);
    }

    /** The probability of each outcome, as {@code categorizer.categorize(tokens)} gives it. */
    double[] probabilities(String[] tokens) {
        if (indexed.isPresent()) {
            return indexed.get().eval(tokens);
        }
        return probabilitiesFromStrings(tokens);
    }

    /** The features as strings, then the maxent model: what the categoriser does, minus its linked list. */
    double[] probabilitiesFromStrings(String[] tokens) {
        List<String> features = new ArrayList<>(tokens.length * 24 + 8);
        for (FeatureGenerator generator : generators) {
            features.addAll(generator.extractFeatures(tokens, Map.of()));
        }
        return maxent.eval(features.toArray(new String[0]));
    }

    /** True when classifying looks the model up without feature strings ({@link IndexedMaxent}). */
    boolean indexed() {
        return indexed.isPresent();
    }

    /** OpenNLP's own categoriser on the same model (for the test that {@link #probabilities} agrees with it). */
    double[] categorizerProbabilities(String[] tokens) {
        return categorizer.categorize(tokens);
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
