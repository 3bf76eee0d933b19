package org.handoverbot.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads what operators and seeds hand the knowledge base: an article (FILE.txt, UTF-8, with FILE.json beside it)
 * or a structured records file (a .json with "events"). Everything is checked before anything is stored; a
 * problem is one {@link BadInputException} naming the file and what is wrong.
 */
public final class InputFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A news article is a few to a few hundred KB; a file past 1 MB is something else. */
    static final long ARTICLE_BYTES = 1024 * 1024;
    static final long METADATA_BYTES = 64 * 1024;
    /** A records file is read as a stream; this only bounds what one ingest transaction holds. */
    static final long RECORDS_BYTES = 256L * 1024 * 1024;
    private static final Set<String> METADATA_FIELDS = Set.of("publisher", "published", "title", "url", "language");

    private InputFiles() {
    }

    /** Whether a path names a structured records file rather than an article. */
    public static boolean isRecordsFile(Path path) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    public static ArticleInput article(Path txt) {
        String name = txt.toString();
        FieldLimits.check(name, FieldLimits.FILE_NAME, name);
        String text = letters(name, utf8(name, bytes(txt, name, ARTICLE_BYTES)));
        Path json = sibling(txt);
        if (!Files.exists(json)) {
            throw new BadInputException(name, "no metadata file " + json.getFileName() + " beside it");
        }
        ArticleMetadata meta = metadata(json.toString(), bytes(json, json.toString(), METADATA_BYTES));
        return new ArticleInput(name, text, meta);
    }

    /** An article from the class path (the seeds in the jar): /seeds/NAME.txt with /seeds/NAME.json. */
    public static ArticleInput articleResource(String txtResource) {
        String jsonResource = txtResource.replaceFirst("\\.txt$", ".json");
        String text = letters(txtResource, utf8(txtResource, resource(txtResource)));
        return new ArticleInput(txtResource, text, metadata(jsonResource, resource(jsonResource)));
    }

    public static RecordsInput records(Path json) {
        String name = json.toString();
        regularFile(json, name, RECORDS_BYTES);
        try (InputStream in = Files.newInputStream(json)) {
            return EventRecords.parse(name, bounded(in, name, RECORDS_BYTES));
        } catch (IOException e) {
            throw new BadInputException(name, "cannot read it (" + e.getMessage() + ")");
        }
    }

    public static RecordsInput recordsResource(String resource) {
        return EventRecords.parse(resource, resource(resource));
    }

    static Path sibling(Path txt) {
        String file = txt.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        return txt.resolveSibling(stem + ".json");
    }

    static ArticleMetadata metadata(String name, byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(utf8(name, bytes));
        } catch (JsonProcessingException e) {
            throw new BadInputException(name, InputFiles.jsonProblem(e));
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(name, "metadata must be a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!METADATA_FIELDS.contains(field)) {
                throw new BadInputException(name, "unknown field '" + field + "' (expected " + METADATA_FIELDS + ")");
            }
        }
        String publisher = requiredText(name, root, "publisher");
        LocalDate published = date(name, root.get("published"), "published");
        if (published == null) {
            throw new BadInputException(name, "missing 'published' (a date like 2020-03-19)");
        }
        String title = optionalText(name, root, "title");
        String url = optionalText(name, root, "url");
        if (url != null) {
            checkUrl(name, url);
        }
        String language = requiredText(name, root, "language");
        ArticleMetadata meta = new ArticleMetadata(publisher, published, title, url, language);
        FieldLimits.check(name, meta);
        return meta;
    }

    /** Jackson's complaint in one short line: where, and what, without its source dump. */
    static String jsonProblem(JsonProcessingException e) {
        String what = e.getOriginalMessage().lines().findFirst().orElse("malformed");
        int detail = what.indexOf(" (start marker");
        what = detail > 0 ? what.substring(0, detail) : what;
        return e.getLocation() == null ? "not valid JSON (" + what + ")"
                : "not valid JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                + " (" + what + ")";
    }

    static String requiredText(String name, JsonNode node, String field) {
        String value = optionalText(name, node, field);
        if (value == null || value.isBlank()) {
            throw new BadInputException(name, "missing '" + field + "'");
        }
        return value.strip();
    }

    static String optionalText(String name, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new BadInputException(name, "'" + field + "' must be text");
        }
        return v.asText();
    }

    static LocalDate date(String name, JsonNode v, String field) {
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new BadInputException(name, "bad date in '" + field + "': '" + v.asText()
                    + "' (expected a real day written YYYY-MM-DD)");
        }
    }

    static void checkUrl(String name, String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new BadInputException(name, "url must be an http(s) address or null, not '" + url + "'");
            }
        } catch (URISyntaxException e) {
            throw new BadInputException(name, "url is not an address: '" + url + "'");
        }
    }

    static String utf8(String name, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                throw new BadInputException(name, "the file is empty");
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new BadInputException(name, "not UTF-8 text (save it as UTF-8 and ingest it again)");
        }
    }

    /**
     * A file's bytes, at most limit of them. Only a regular file is opened: a FIFO would hang the read and a
     * device (a .txt linked to /dev/zero) would never end, so both are refused from their attributes first.
     */
    private static byte[] bytes(Path path, String name, long limit) {
        regularFile(path, name, limit);
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes((int) limit + 1);
            if (bytes.length > limit) {
                throw new BadInputException(name, "larger than " + size(limit) + " (it grew while being read)");
            }
            return bytes;
        } catch (IOException e) {
            throw new BadInputException(name, "cannot read it (" + e.getMessage() + ")");
        }
    }

    /** Refuses, before opening it, what is not a regular file of at most limit bytes (links are followed). */
    static void regularFile(Path path, String name, long limit) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new BadInputException(name, "no such file");
        } catch (IOException e) {
            throw new BadInputException(name, "cannot read it (" + e.getMessage() + ")");
        }
        if (attributes.isDirectory()) {
            throw new BadInputException(name, "is a folder, not a file");
        }
        if (!attributes.isRegularFile()) {
            throw new BadInputException(name, "is not a regular file (a pipe, device or socket); only files are read");
        }
        if (attributes.size() > limit) {
            throw new BadInputException(name, "is " + size(attributes.size()) + ", larger than the " + size(limit)
                    + " allowed for it");
        }
    }

    /** A stream that refuses to give more than limit bytes (a file that grows while it is read). */
    private static InputStream bounded(InputStream in, String name, long limit) {
        return new java.io.FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) {
                read += n;
                if (read > limit) {
                    throw new BadInputException(name, "larger than " + size(limit) + " (it grew while being read)");
                }
            }
        };
    }

    static String size(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024))
                : String.format(Locale.ROOT, "%,d bytes", bytes);
    }

    /** An article is text: one with no letter at all (spaces, marks, control characters) is refused. */
    static String letters(String name, String text) {
        if (text.codePoints().noneMatch(Character::isLetter)) {
            throw new BadInputException(name, "has no letters in it (only spaces, marks, digits or control"
                    + " characters): not an article");
        }
        return text;
    }

    private static byte[] resource(String resource) {
        try (InputStream in = InputFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new BadInputException(resource, "not found on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new BadInputException(resource, "cannot read it (" + e.getMessage() + ")");
        }
    }

    static List<String> fields(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
