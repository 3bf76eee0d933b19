package org.handoverbot.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a versioned data file (models/*.txt: rules, labelled questions, held-out frames) with where it
 * stands, so that a parser can say which line is wrong. The files' one convention: UTF-8, blank lines and lines
 * starting with # are comments.
 */
public record DataLine(String file, int number, String text) {

    /** The lines that say something, as written (not stripped), numbered as in the file. */
    public static List<DataLine> read(InputStream in, String file) throws IOException {
        List<DataLine> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            String stripped = line.strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                lines.add(new DataLine(file, number, line));
            }
        }
        return lines;
    }

    /** The error for a line that does not parse: {@code file:number: what}. */
    public IllegalArgumentException wrong(String what) {
        return new IllegalArgumentException(file + ":" + number + ": " + what);
    }
}
