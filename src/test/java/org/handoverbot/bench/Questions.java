package org.handoverbot.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.handoverbot.nlp.LabelledQuestion;

/** Questions a benchmark cycles through, one after another, from the start again at the end. */
public final class Questions {

    private final String[] questions;
    private int next;

    public Questions(List<String> questions) {
        this.questions = questions.toArray(String[]::new);
    }

    /** The held-out questions (models/intents-test.txt), never trained on. */
    public static List<String> heldOut() {
        try (InputStream in = Questions.class.getResourceAsStream("/models/intents-test.txt")) {
            return LabelledQuestion.read(in, "intents-test.txt").stream().map(LabelledQuestion::question).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The held-out questions and the answer benchmark's (src/test/resources/ask-benchmark/questions.txt). */
    public static List<String> heldOutAndAnswerBenchmark() {
        List<String> all = new ArrayList<>(heldOut());
        try (InputStream in = Questions.class.getResourceAsStream("/ask-benchmark/questions.txt")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(all::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    public String next() {
        String question = questions[next];
        next = next + 1 == questions.length ? 0 : next + 1;
        return question;
    }

    public int size() {
        return questions.length;
    }

    public String get(int i) {
        return questions[i % questions.length];
    }
}
