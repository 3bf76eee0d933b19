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
 * The catalogue and the code agree, read from the sources: every key is used somewhere in src/main, every call
 * gives exactly its key's slots, and the packages that speak to users hold no Arabic wording of their own (it
 * belongs in replies/ar.properties).
 *
 * <p>What "no Arabic literal left in composers" covers: every source file of answer/, alerts/ and telegram/, the
 * packages that compose what a user or a subscriber reads. It does not cover what reads Arabic rather than
 * writes it: text/ (orthography: clitics, the "لـ" before a name, case endings), nlp/ (the words questions are
 * understood by) and knowledge/ (the words articles are read by); their word lists are data under models/.
 * Nor cli/, whose usage line for a terminal gives an Arabic example question and whose terminal chat knows
 * the typed quit word "خروج" (input, not a reply); the terminal chat's own texts are in the catalogue.
 */
class CatalogueSourcesTest {

    private static final Path MAIN = Path.of("src/main/java/org/handoverbot");

    /** The packages that compose replies, alerts and Telegram texts: every file in each. */
    private static final List<String> COMPOSERS = List.of("answer", "alerts", "telegram");

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

    /**
     * Every call that names its key and slots in the code ({@code SAY.format("key", "slot", value, …)}) gives
     * exactly the slots the pattern has: none missing, none the pattern does not know. Read from the sources, so
     * a branch no test runs is checked too.
     */
    @Test
    void everyCallFillsEverySlotOfItsKey() throws IOException {
        ReplyCatalogue catalogue = ReplyCatalogue.arabic();
        Map<String, String> wrong = new TreeMap<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String code = read(file);
                java.util.regex.Matcher call = CALL.matcher(code);
                while (call.find()) {
                    String key = call.group(2);
                    List<String> args = arguments(code, call.end() - 1);
                    if (!catalogue.has(key)) {
                        wrong.put(MAIN.relativize(file) + " " + key, "no such key");
                        continue;
                    }
                    Set<String> given = new TreeSet<>();
                    boolean literal = true;
                    for (int i = 1; i < args.size(); i += 2) {
                        String name = args.get(i).strip();
                        literal &= name.matches("\"[A-Za-z_]+\"");
                        given.add(name.replace("\"", ""));
                    }
                    if (!literal || args.size() == 2 && !args.get(1).strip().startsWith("\"")) {
                        continue; // slots passed as a map or built elsewhere: the catalogue checks them when called
                    }
                    checked++;
                    if (!given.equals(catalogue.slotsOf(key))) {
                        wrong.put(MAIN.relativize(file) + " " + key, "gives " + given + ", pattern has " + catalogue.slotsOf(key));
                    }
                }
            }
        }
        System.out.printf("catalogue calls checked against their patterns' slots: %d%n", checked);
        assertThat(wrong).as("calls whose slots do not match their pattern").isEmpty();
        assertThat(checked).as("calls checked").isGreaterThan(50);
    }

    private static final java.util.regex.Pattern CALL = java.util.regex.Pattern.compile(
            "\\b(format|paragraph|spans|text)\\(\\s*\"([a-z_]+(?:\\.[a-z_]+)+)\"");

    /** The arguments of the call whose "(" is at open, split at top-level commas (strings, brackets respected). */
    static List<String> arguments(String code, int open) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (int i = open + 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"') {
                int j = i + 1;
                while (j < code.length() && code.charAt(j) != '"') {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                current.append(code, i, Math.min(j + 1, code.length()));
                i = j;
                continue;
            }
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                if (depth == 0) {
                    args.add(current.toString());
                    return args;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        return args;
    }

    @Test
    void composersHoldNoArabicWordingOfTheirOwn() {
        Map<String, List<String>> found = new TreeMap<>();
        List<Path> files = composerFiles();
        for (Path file : files) {
            List<String> arabic = arabicLiterals(read(file));
            if (!arabic.isEmpty()) {
                found.put(MAIN.relativize(file).toString().replace('\\', '/'), arabic);
            }
        }
        assertThat(found).as("Arabic string literals in composers; move them to replies/ar.properties").isEmpty();
        // the scan reads the composers themselves, not an empty or moved folder
        assertThat(files).as("files scanned").hasSizeGreaterThan(40)
                .extracting(f -> f.getFileName().toString())
                .contains("FactReplies.java", "QuoteReplies.java", "TimelineReplies.java", "SourceLine.java",
                        "ServiceReplies.java", "AlertComposer.java", "FixedReplies.java", "BotCommands.java");
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
