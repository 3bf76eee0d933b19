package org.handoverbot.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The structured records format (seeds/timeline.json and operators' files): facts with citations, no report
 * text. {"format": "handover-bot/events", "version": 1, "events": [{kind, status, base, date, from, to, complete,
 * ordinal, summary, figures: [{kind, amount, note}], sources: [{publisher, published, url, cites}]}]}.
 */
final class EventRecords {

    static final String FORMAT = "handover-bot/events";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> EVENT_FIELDS = Set.of("kind", "status", "base", "date", "from", "to", "complete",
            "ordinal", "summary", "figures", "sources", "note");
    private static final Set<String> SOURCE_FIELDS = Set.of("publisher", "published", "url", "cites");
    private static final Set<String> FIGURE_FIELDS = Set.of("kind", "amount", "note");

    private EventRecords() {
    }

    /**
     * Reads a records file as a stream, one event at a time (Jackson's streaming parser; only the event being
     * read is a tree): 50,000 events fit in a small heap. The file must be UTF-8; the first problem found ends
     * the read with one line naming the file (and the event) and what is wrong.
     */
    static RecordsInput parse(String name, InputStream bytes) {
        try (JsonParser p = JSON.getFactory().createParser(utf8Reader(bytes))) {
            if (p.nextToken() == null) {
                throw new BadInputException(name, "the file is empty");
            }
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw notRecords(name);
            }
            String format = null;
            JsonNode version = null;
            List<EventDraft> drafts = new ArrayList<>();
            boolean sawEvents = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "format" -> format = value == JsonToken.VALUE_STRING ? p.getText() : "";
                    case "version" -> version = p.readValueAsTree();
                    case "events" -> {
                        sawEvents = true;
                        if (value != JsonToken.START_ARRAY) {
                            throw new BadInputException(name, "'events' must be a non-empty list");
                        }
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (drafts.size() >= MAX_EVENTS) {
                                throw new BadInputException(name, "more than " + MAX_EVENTS
                                        + " events in one file; split it into several files");
                            }
                            JsonNode event = p.readValueAsTree();
                            drafts.add(event(name + " event " + (drafts.size() + 1), event));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (!FORMAT.equals(format)) {
                throw notRecords(name);
            }
            if (version == null || !version.canConvertToInt() || version.asInt() < 1) {
                throw new BadInputException(name, "missing 'version' (a whole number from 1)");
            }
            if (!sawEvents || drafts.isEmpty()) {
                throw new BadInputException(name, "'events' must be a non-empty list");
            }
            return new RecordsInput(name, version.asInt(), drafts);
        } catch (JsonProcessingException e) {
            throw new BadInputException(name, InputFiles.jsonProblem(e));
        } catch (CharacterCodingException e) {
            throw new BadInputException(name, "not UTF-8 text (save it as UTF-8 and ingest it again)");
        } catch (IOException e) {
            throw new BadInputException(name, "cannot read it (" + e.getMessage() + ")");
        }
    }

    /** A records file already in memory (a seed in the jar, a test). */
    static RecordsInput parse(String name, byte[] bytes) {
        return parse(name, new java.io.ByteArrayInputStream(bytes));
    }

    /** A record file's events beyond this are refused: one ingest is one transaction, held in memory by H2. */
    static final int MAX_EVENTS = 100_000;

    private static BadInputException notRecords(String name) {
        return new BadInputException(name, "not a records file (expected \"format\": \"" + FORMAT
                + "\"; an article's metadata is read beside its .txt, ingest the .txt)");
    }

    /** Strict UTF-8 (a wrong byte is an error, not a replacement character), a leading byte order mark skipped. */
    private static Reader utf8Reader(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static EventDraft event(String where, JsonNode e) {
        onlyFields(where, e, EVENT_FIELDS);
        EventKind kind = enumValue(where, e, "kind", EventKind.class, null);
        EventStatus status = enumValue(where, e, "status", EventStatus.class, EventStatus.DONE);
        String base = InputFiles.optionalText(where, e, "base");
        LocalDate date = InputFiles.date(where, e.get("date"), "date");
        if (kind == EventKind.HANDOVER && status == EventStatus.DONE && (base == null || date == null)) {
            throw new BadInputException(where, "a done handover needs 'base' and 'date'");
        }
        JsonNode complete = e.get("complete");
        if (complete != null && !complete.isNull() && !complete.isBoolean()) {
            throw new BadInputException(where, "'complete' must be true, false or null");
        }
        JsonNode ordinal = e.get("ordinal");
        if (ordinal != null && !ordinal.isNull() && !(ordinal.isInt() && ordinal.asInt() > 0)) {
            throw new BadInputException(where, "'ordinal' must be a whole number from 1, or null");
        }
        List<Figure> figures = new ArrayList<>();
        for (JsonNode f : e.path("figures")) {
            onlyFields(where + " figure", f, FIGURE_FIELDS);
            figures.add(new Figure(InputFiles.requiredText(where + " figure", f, "kind"),
                    InputFiles.requiredText(where + " figure", f, "amount"),
                    InputFiles.optionalText(where + " figure", f, "note")));
        }
        List<SourceDraft> sources = new ArrayList<>();
        for (JsonNode s : e.path("sources")) {
            String at = where + " source";
            onlyFields(at, s, SOURCE_FIELDS);
            String url = InputFiles.optionalText(at, s, "url");
            if (url != null) {
                InputFiles.checkUrl(at, url);
            }
            sources.add(new SourceDraft(InputFiles.requiredText(at, s, "publisher"),
                    InputFiles.date(at, s.get("published"), "published"), url,
                    InputFiles.optionalText(at, s, "cites"), null, null));
        }
        if (sources.isEmpty()) {
            throw new BadInputException(where, "no 'sources': every fact needs at least one");
        }
        EventDraft draft = new EventDraft(kind, status, base, InputFiles.optionalText(where, e, "from"),
                InputFiles.optionalText(where, e, "to"), date,
                complete == null || complete.isNull() ? null : complete.asBoolean(),
                ordinal == null || ordinal.isNull() ? null : ordinal.asInt(), figures,
                InputFiles.optionalText(where, e, "summary"), sources);
        FieldLimits.check(where, draft, FieldLimits.SUMMARY);
        return draft;
    }

    private static <E extends Enum<E>> E enumValue(String where, JsonNode node, String field, Class<E> type,
                                                   E fallback) {
        String v = InputFiles.optionalText(where, node, field);
        if (v == null) {
            if (fallback == null) {
                throw new BadInputException(where, "missing '" + field + "'");
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new BadInputException(where, "unknown " + field + " '" + v + "'");
        }
    }

    private static void onlyFields(String where, JsonNode node, Set<String> allowed) {
        if (!node.isObject()) {
            throw new BadInputException(where, "must be a JSON object");
        }
        for (String f : InputFiles.fields(node)) {
            if (!allowed.contains(f)) {
                throw new BadInputException(where, "unknown field '" + f + "'");
            }
        }
    }
}
