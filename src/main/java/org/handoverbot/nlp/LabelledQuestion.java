package org.handoverbot.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.handoverbot.text.DataLine;

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
        for (DataLine line : DataLine.read(in, name)) {
            int tab = line.text().indexOf('\t');
            if (tab < 0) {
                throw line.wrong("expected label<TAB>question");
            }
            String label = line.text().substring(0, tab).strip();
            Intent intent = Intent.fromLabel(label).orElseThrow(() -> line.wrong("unknown intent label '" + label + "'"));
            String question = line.text().substring(tab + 1).strip();
            if (question.isEmpty()) {
                throw line.wrong("empty question");
            }
            questions.add(new LabelledQuestion(intent, question));
        }
        return questions;
    }
}
