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
    private static final Set<String> METADATA_FIELDS = Set.of("publisher", "published", "title", "url", "language");

    private InputFiles() {
    }

    /** Whether a path names a structured records file rather than an article. */
    public static boolean isRecordsFile(Path path) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    public static ArticleInput article(Path txt) {
        String name = txt.toString();
        String text = utf8(name, bytes(txt, name));
        Path json = sibling(txt);
        if (!Files.exists(json)) {
            throw new BadInputException(name, "no metadata file " + json.getFileName() + " beside it");
        }
        ArticleMetadata meta = metadata(json.toString(), bytes(json, json.toString()));
        return new ArticleInput(name, text, meta);
    }

    /** An article from the class path (the seeds in the jar): /seeds/NAME.txt with /seeds/NAME.json. */
    public static ArticleInput articleResource(String txtResource) {
        String jsonResource = txtResource.replaceFirst("\\.txt$", ".json");
        String text = utf8(txtResource, resource(txtResource));
        return new ArticleInput(txtResource, text, metadata(jsonResource, resource(jsonResource)));
    }

    public static RecordsInput records(Path json) {
        String name = json.toString();
        return EventRecords.parse(name, bytes(json, name));
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
        return new ArticleMetadata(publisher, published, title, url, language);
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

    private static byte[] bytes(Path path, String name) {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new BadInputException(name, "no such file");
        } catch (IOException e) {
            throw new BadInputException(name, "cannot read it (" + e.getMessage() + ")");
        }
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
