package org.handoverbot.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the intent data files (models/intents-train.txt, models/intents-test.txt):
 * {@code label<TAB>question}. Blank lines and lines starting with # are comments.
 */
public record LabelledQuestion(Intent intent, String question) {

    public static List<LabelledQuestion> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    public static List<LabelledQuestion> read(InputStream in, String name) throws IOException {
        List<LabelledQuestion> questions = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalArgumentException(name + ":" + number + ": expected label<TAB>question");
            }
            String label = line.substring(0, tab).strip();
            int lineNumber = number;
            Intent intent = Intent.fromLabel(label).orElseThrow(() -> new IllegalArgumentException(
                    name + ":" + lineNumber + ": unknown intent label '" + label + "'"));
            String question = line.substring(tab + 1).strip();
            if (question.isEmpty()) {
                throw new IllegalArgumentException(name + ":" + number + ": empty question");
            }
            questions.add(new LabelledQuestion(intent, question));
        }
        return questions;
    }
}
