package org.handoverbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The catalogue and the code agree, read from the sources: every key is used somewhere in src/main, and the
 * composers hold no Arabic wording of their own (it belongs in replies/ar.properties).
 */
class CatalogueSourcesTest {

    private static final Path MAIN = Path.of("src/main/java/org/handoverbot");

    /**
     * Composers still being moved to the catalogue by their owners (the `frames` developer: answer/ composers;
     * `news`: SourceLine). This list only shrinks: a file listed here that has no Arabic literal left fails the
     * test, so whoever converts it removes it here.
     */
    private static final Set<String> NOT_YET_CONVERTED = Set.of(
            "answer/AnswerDialogue.java",
            "answer/FactReplies.java",
            "answer/Names.java",
            "answer/QuoteReplies.java",
            "answer/SourceLine.java",
            "answer/TimelineReplies.java",
            "answer/UnknownPlaces.java",
            "answer/UnknownSpeakers.java");

    /** Where replies are composed: every file of answer/, and the alert and Telegram texts. */
    private static final List<String> COMPOSERS = List.of("answer", "alerts/AlertComposer.java", "alerts/AlertMessages.java",
            "alerts/AlertQueueDesk.java", "alerts/AdminDialogue.java", "telegram/FixedReplies.java",
            "telegram/BotCommands.java");

    @Test
    void everyCatalogueKeyIsUsedInTheCode() throws IOException {
        String sources = allMainSources();
        Set<String> unused = new TreeSet<>();
        for (String key : ReplyCatalogue.arabic().keys()) {
            if (!sources.contains("\"" + key + "\"")) {
                unused.add(key);
            }
        }
        assertThat(unused).as("catalogue keys no code in src/main names (as a \"string\")").isEmpty();
    }

    @Test
    void composersHoldNoArabicWordingOfTheirOwn() {
        Map<String, List<String>> found = new TreeMap<>();
        for (Path file : composerFiles()) {
            String name = MAIN.relativize(file).toString().replace('\\', '/');
            List<String> arabic = arabicLiterals(read(file));
            if (!arabic.isEmpty() && !NOT_YET_CONVERTED.contains(name)) {
                found.put(name, arabic);
            }
            if (arabic.isEmpty() && NOT_YET_CONVERTED.contains(name)) {
                found.put(name, List.of("(converted: remove it from NOT_YET_CONVERTED)"));
            }
        }
        assertThat(found).as("Arabic string literals in composers; move them to replies/ar.properties").isEmpty();
    }

    @Test
    void theScanSeesLiteralsButNotComments() {
        String code = "// \"تعليق\"\n/* \"تعليق\" */ String a = \"نص\"; String b = \"x\\\"y\"; char c = '\"'; String d = \"،؟\";";
        assertThat(arabicLiterals(code)).containsExactly("نص");
    }

    /** String literals (text blocks included) that contain an Arabic letter; comments and char literals skipped. */
    static List<String> arabicLiterals(String code) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (code.startsWith("//", i)) {
                i = Math.max(code.indexOf('\n', i), i + 1);
                if (code.indexOf('\n', i - 1) < 0) {
                    break;
                }
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? code.length() : end + 2;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < code.length() && code.charAt(j) != '\'') {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else if (c == '"') {
                boolean block = code.startsWith("\"\"\"", i);
                String close = block ? "\"\"\"" : "\"";
                int j = i + close.length();
                while (j < code.length() && !code.startsWith(close, j)) {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                String literal = code.substring(i + close.length(), Math.min(j, code.length()));
                if (literal.codePoints().anyMatch(cp -> Character.isLetter(cp)
                        && Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC)) {
                    out.add(literal);
                }
                i = j + close.length();
            } else {
                i++;
            }
        }
        return out;
    }

    private static List<Path> composerFiles() {
        List<Path> files = new ArrayList<>();
        for (String entry : COMPOSERS) {
            Path path = MAIN.resolve(entry);
            if (Files.isDirectory(path)) {
                try (Stream<Path> list = Files.list(path)) {
                    list.filter(f -> f.toString().endsWith(".java")).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.exists(path)) {
                files.add(path);
            }
        }
        return files;
    }

    private static String allMainSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(read(f)).append('\n');
            }
        }
        return all.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
