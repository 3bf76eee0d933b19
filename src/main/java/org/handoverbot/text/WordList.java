package org.handoverbot.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A word list kept as data (models/extraction/*.txt, on the classpath as /models/extraction/…): one entry a
 * line, UTF-8, "#" starts a comment, blank lines ignored, entries as written (callers normalise and add
 * clitic forms as they match). One copy of each list, read by every part that needs it.
 */
public final class WordList {

    private WordList() {
    }

    /** The entries of a classpath resource, in file order; a missing list is a packaging error. */
    public static List<String> load(String resource) {
        try (InputStream in = WordList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("word list " + resource + " is not on the classpath");
            }
            List<String> words = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    int comment = line.indexOf('#');
                    String entry = (comment >= 0 ? line.substring(0, comment) : line).strip();
                    if (!entry.isEmpty()) {
                        words.add(entry);
                    }
                }
            }
            return List.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + resource, e);
        }
    }
}
